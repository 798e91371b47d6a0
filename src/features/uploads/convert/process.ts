/**
 * One candidate file, end to end, in the browser: read → sniff the real format → inspect (PDF structure or
 * decoded picture + sharpness) → verdict (U-FORMAT, U-BYTES) → the fixed file when the tool can fix it.
 * Nothing leaves the device; the original File is never modified.
 */
import {
  sniff, isImageKind, inspectPdf, assess, imageSize, MAX_DECODE_PIXELS, outputName, MAX_BYTES, MAX_INPUT_BYTES, MAX_PDF_INSPECT_BYTES,
  type Assessment, type FileKind, type PdfInfo, type Sharpness,
} from '../index.ts';
import { decodePicture, encodeUnder, measureSharpness, thumbnail } from './image.ts';

export type Stage = 'read' | 'inspect' | 'heic' | 'decode' | 'encode';

export interface OutputFile {
  blob: Blob;
  name: string;
  kind: 'jpeg' | 'pdf';
  bytes: number;
  width?: number;
  height?: number;
  /** JPEG quality 0…1 when we encoded it. */
  quality?: number;
}

export interface ProcessedFile {
  name: string;
  bytes: number;
  kind: FileKind;
  before: Assessment;
  image: { width: number; height: number; sharpness: Sharpness | null } | null;
  pdf: PdfInfo | null;
  /** keep: upload the original; rename: same bytes, right extension; jpeg: we wrote a JPEG; nofit/reject: no output. */
  outcome: 'keep' | 'rename' | 'jpeg' | 'nofit' | 'reject';
  output: OutputFile | null;
  /** Verdict on the output file (null without output). */
  after: Assessment | null;
  /** A JPEG to show as preview (the output, or the original when it is a JPEG). */
  preview: Blob | null;
}

export async function processFile(file: File, opts: { signal?: AbortSignal; onStage?: (s: Stage) => void; fallbackName?: string } = {}): Promise<ProcessedFile> {
  opts.onStage?.('read');
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const kind = file.size === 0 ? 'empty' : sniff(head);
  const base = { name: file.name, bytes: file.size, kind };
  const nameFor = (ext: 'jpg' | 'pdf') => outputName(file.name, ext, opts.fallbackName);

  if (kind === 'pdf') {
    // Only what could ever pass is read: a PDF over 4 MiB fails U-BYTES whatever it holds.
    opts.onStage?.('inspect');
    const pdf = file.size <= MAX_PDF_INSPECT_BYTES ? inspectPdf(new Uint8Array(await file.arrayBuffer())) : null;
    return pdfOutcome(file, base, pdf, nameFor);
  }

  const first = assess(base);
  if (first.action === 'reject' || file.size > MAX_INPUT_BYTES) {
    return { ...base, before: first, image: null, pdf: null, outcome: 'reject', output: null, after: null, preview: null };
  }

  // Refuse decompression bombs from the header, before any pixel is decoded (a 76 KB PNG can hold 20000 × 20000).
  const tooLarge = await oversize(file, kind);
  if (tooLarge) {
    return { ...base, before: assess({ ...base, tooLarge }), image: null, pdf: null, outcome: 'reject', output: null, after: null, preview: null };
  }

  opts.onStage?.(kind === 'heic' ? 'heic' : 'decode');
  let bitmap: ImageBitmap;
  try {
    bitmap = await decodePicture(file, kind, { signal: opts.signal, onHeic: () => opts.onStage?.('heic') });
  } catch (err) {
    console.warn('[uploads] picture could not be decoded', err);
    const before = assess({ ...base, image: null });
    return { ...base, before, image: null, pdf: null, outcome: 'reject', output: null, after: null, preview: null };
  }
  try {
    let sharp: Sharpness | null = null;
    try { sharp = measureSharpness(bitmap); } catch { sharp = null; }
    const image = { width: bitmap.width, height: bitmap.height, sharpness: sharp };
    const before = assess({ ...base, image });
    if (before.action === 'keep') {
      return { ...base, before, image, pdf: null, outcome: 'keep', output: { blob: file, name: file.name, kind: 'jpeg', bytes: file.size, width: image.width, height: image.height }, after: before, preview: file };
    }
    if (before.action === 'rename') {
      const output: OutputFile = { blob: new Blob([file], { type: 'image/jpeg' }), name: nameFor('jpg'), kind: 'jpeg', bytes: file.size, width: image.width, height: image.height };
      const after = assess({ name: output.name, bytes: output.bytes, kind: 'jpeg', image });
      return { ...base, before, image, pdf: null, outcome: 'rename', output, after, preview: output.blob };
    }
    opts.onStage?.('encode');
    const enc = await encodeUnder(bitmap, MAX_BYTES, { signal: opts.signal });
    if (!enc) return { ...base, before, image, pdf: null, outcome: 'nofit', output: null, after: null, preview: null };
    const output: OutputFile = { blob: enc.blob, name: nameFor('jpg'), kind: 'jpeg', bytes: enc.blob.size, width: enc.width, height: enc.height, quality: enc.quality };
    const after = assess({ name: output.name, bytes: output.bytes, kind: 'jpeg', image: { width: enc.width, height: enc.height, sharpness: sharp } });
    return { ...base, before, image, pdf: null, outcome: 'jpeg', output, after, preview: enc.blob };
  } finally {
    bitmap.close();
  }
}

type Base = { name: string; bytes: number; kind: FileKind };

/** Header bytes enough for the size: a JPEG's frame header may follow large EXIF/APP segments, HEIC's `meta` box an `mdat`. */
const HEADER_BYTES: Partial<Record<FileKind, number>> = { jpeg: 8 << 20, heic: 16 << 20, avif: 16 << 20 };

/** The stored size when it is over MAX_DECODE_PIXELS (the picture must not be decoded), else null. */
export async function oversize(file: Blob, kind: FileKind): Promise<{ width: number; height: number } | null> {
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES[kind] ?? 1 << 16).arrayBuffer());
  const size = imageSize(head, kind);
  return size && size.width * size.height > MAX_DECODE_PIXELS ? size : null;
}

function pdfOutcome(file: Blob, base: Base, pdf: PdfInfo | null, nameFor: (ext: 'pdf') => string): ProcessedFile {
  const { kind } = base;
  const before = assess({ ...base, pdf: pdf ?? undefined });
  if (before.action === 'keep' || before.action === 'rename') {
    const output: OutputFile = { blob: new Blob([file], { type: 'application/pdf' }), name: nameFor('pdf'), kind: 'pdf', bytes: file.size };
    const after = before.action === 'rename' ? assess({ name: output.name, bytes: output.bytes, kind, pdf: pdf ?? undefined }) : before;
    return { ...base, before, image: null, pdf, outcome: before.action, output, after, preview: null };
  }
  return { ...base, before, image: null, pdf, outcome: 'reject', output: null, after: null, preview: null };
}

/**
 * The verdict on a PDF whose inspection was stopped by the worker's time limit (the worker itself was terminated):
 * U-FORMAT fail 'pdf-timeout', no output. Pure.
 */
export function pdfTimedOut(file: { name: string; size: number }): ProcessedFile {
  const base: Base = { name: file.name, bytes: file.size, kind: 'pdf' };
  const pdf: PdfInfo = { version: null, encrypted: false, pages: null, problems: ['timeout'] };
  return { ...base, before: assess({ ...base, pdf }), image: null, pdf, outcome: 'reject', output: null, after: null, preview: null };
}

/** A page photo for the merged PDF, checked in the worker: its kind, size and a small JPEG thumbnail, or an error key. */
export type PageCheck =
  | { kind: FileKind; width: number; height: number; thumb: Blob; error?: undefined }
  | { kind: FileKind; error: { key: string; params?: Record<string, string | number> } };

export async function checkPage(file: File, opts: { signal?: AbortSignal; onStage?: (s: Stage) => void } = {}): Promise<PageCheck> {
  opts.onStage?.('read');
  const kind = file.size === 0 ? 'empty' : sniff(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  if (!isImageKind(kind)) return { kind, error: { key: `uploads.kind.${kind}` } };
  const big = await oversize(file, kind);
  if (big) return { kind, error: { key: 'uploads.finding.image-too-large', params: { kind, width: big.width, height: big.height, megapixels: Math.round((big.width * big.height) / 1e6), max: Math.round(MAX_DECODE_PIXELS / 1e6) } } };
  opts.onStage?.(kind === 'heic' ? 'heic' : 'decode');
  let bmp: ImageBitmap;
  try {
    bmp = await decodePicture(file, kind, { signal: opts.signal });
  } catch {
    return { kind, error: { key: 'uploads.finding.image-undecodable', params: { kind } } };
  }
  try {
    return { kind, width: bmp.width, height: bmp.height, thumb: await thumbnail(bmp) };
  } finally {
    bmp.close();
  }
}

/** One page of the merged PDF: the largest JPEG of the picture under `budget` bytes (null when none fits). */
export async function encodePage(blob: Blob, kind: FileKind, budget: number, opts: { signal?: AbortSignal; onStage?: (s: Stage) => void } = {}): Promise<EncodedPage | null> {
  opts.onStage?.(kind === 'heic' ? 'heic' : 'decode');
  const bmp = await decodePicture(blob, kind, { signal: opts.signal });
  try {
    opts.onStage?.('encode');
    const out = await encodeUnder(bmp, budget, { signal: opts.signal });
    if (!out) return null;
    return { data: new Uint8Array(await out.blob.arrayBuffer()), width: out.width, height: out.height, quality: out.quality };
  } finally {
    bmp.close();
  }
}

export interface EncodedPage {
  data: Uint8Array;
  width: number;
  height: number;
  quality: number;
}
