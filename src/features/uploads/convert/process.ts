/**
 * One candidate file, end to end, in the browser: read → sniff the real format → inspect (PDF structure or
 * decoded picture + sharpness) → verdict (U-FORMAT, U-BYTES) → the fixed file when the tool can fix it.
 * Nothing leaves the device; the original File is never modified.
 */
import {
  sniff, inspectPdf, assess, outputName, MAX_BYTES, MAX_INPUT_BYTES,
  type Assessment, type FileKind, type PdfInfo, type Sharpness,
} from '../index.ts';
import { decodePicture, encodeUnder, measureSharpness } from './image.ts';

export type Stage = 'read' | 'heic' | 'decode' | 'encode';

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
    const pdf = file.size <= MAX_INPUT_BYTES ? inspectPdf(new Uint8Array(await file.arrayBuffer())) : null;
    const before = assess({ ...base, pdf: pdf ?? undefined });
    if (before.action === 'keep' || before.action === 'rename') {
      const output: OutputFile = { blob: new Blob([file], { type: 'application/pdf' }), name: nameFor('pdf'), kind: 'pdf', bytes: file.size };
      const after = before.action === 'rename' ? assess({ name: output.name, bytes: output.bytes, kind, pdf: pdf ?? undefined }) : before;
      return { ...base, before, image: null, pdf, outcome: before.action, output, after, preview: null };
    }
    return { ...base, before, image: null, pdf, outcome: 'reject', output: null, after: null, preview: null };
  }

  const first = assess(base);
  if (first.action === 'reject' || file.size > MAX_INPUT_BYTES) {
    return { ...base, before: first, image: null, pdf: null, outcome: 'reject', output: null, after: null, preview: null };
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
