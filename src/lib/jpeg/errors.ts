/**
 * The only error type the file layer throws. Parsers in this folder report damage through a `problem` code
 * instead of throwing; `JpegParseError` is reserved for functions that cannot return a useful value at all
 * (e.g. `setJfifDensity` on bytes that are not a JPEG).
 */
export class JpegParseError extends Error {
  /** Byte offset where the problem was found, when known. */
  readonly offset: number | null;
  /** Machine-readable code (one of `JpegProblem`). */
  readonly code: string;

  constructor(code: string, message: string, offset: number | null = null) {
    super(message);
    this.name = 'JpegParseError';
    this.code = code;
    this.offset = offset;
  }
}
