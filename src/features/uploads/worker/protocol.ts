/**
 * The uploads worker's protocol (shared by client.ts and worker.ts). Progress messages are the Stage the worker
 * has reached; the client gives each stage its own time limit.
 */
import type { ProcessedFile, PageCheck, EncodedPage } from '../convert/process.ts';
import type { FileKind } from '../index.ts';

export type UploadsProtocol = {
  /** Check one candidate file and make the fixed file when the tool can (convert/process.ts). */
  process: { input: { file: File; fallbackName?: string }; output: ProcessedFile };
  /** One page photo for the merged PDF: kind, size, thumbnail, or an error key. */
  page: { input: { file: File }; output: PageCheck };
  /** One page of the merged PDF: the largest JPEG under `budget` bytes (null when none fits). */
  'encode-page': { input: { blob: Blob; kind: FileKind; budget: number }; output: EncodedPage | null };
};
