/**
 * Several page photos → one PDF ≤ 4,000,000 bytes (U-FORMAT, U-BYTES), pages in the given order. Each page is a
 * JPEG embedded as is (DCTDecode, no re-compression by jsPDF), sized to fit an equal share of the budget by the
 * same search as single pictures; the page takes the photo's aspect ratio with its long side = A4's 297 mm.
 * jsPDF is imported lazily, on the first PDF built.
 */
import type { EncodedPage } from './process.ts';
import { decodePicture, encodeUnder } from './image.ts';
import { MAX_BYTES, PDF_OVERHEAD_BYTES, PDF_PAGE_LONG_MM, pageBudget, type FileKind } from '../index.ts';

export interface PdfPageIn {
  blob: Blob;
  kind: FileKind;
  name: string;
}

export interface PdfPageOut {
  name: string;
  width: number;
  height: number;
  quality: number;
  jpegBytes: number;
}

export type PdfBuild =
  | { ok: true; bytes: Uint8Array; pages: PdfPageOut[] }
  | { ok: false; reason: 'nofit'; page: number };

export async function buildPdf(pages: readonly PdfPageIn[], opts: { maxBytes?: number; signal?: AbortSignal; onPage?: (i: number) => void; encode?: (p: PdfPageIn, budget: number) => Promise<EncodedPage | null> } = {}): Promise<PdfBuild> {
  if (pages.length === 0) throw new RangeError('buildPdf: no pages');
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  const { jsPDF } = await import('jspdf');
  // Default: decode and encode here (tests, workers); the uploads area passes its worker's encoder.
  const encode = opts.encode ?? (async (p: PdfPageIn, budget: number): Promise<EncodedPage | null> => {
    const bmp = await decodePicture(p.blob, p.kind, { signal: opts.signal });
    try {
      const out = await encodeUnder(bmp, budget, { signal: opts.signal });
      return out ? { data: new Uint8Array(await out.blob.arrayBuffer()), width: out.width, height: out.height, quality: out.quality } : null;
    } finally {
      bmp.close();
    }
  });
  // Normally one pass; if the assembled file is still over (it never was in tests), tighten the budget and retry.
  for (let shrink = 1; shrink >= 0.7; shrink -= 0.15) {
    const budget = Math.floor(pageBudget(maxBytes, pages.length, PDF_OVERHEAD_BYTES) * shrink);
    const jpegs: { data: Uint8Array; info: PdfPageOut }[] = [];
    for (const [i, p] of pages.entries()) {
      opts.onPage?.(i);
      const out = await encode(p, budget);
      if (!out) return { ok: false, reason: 'nofit', page: i };
      jpegs.push({ data: out.data, info: { name: p.name, width: out.width, height: out.height, quality: out.quality, jpegBytes: out.data.length } });
    }
    const mm = (w: number, h: number) => {
      const s = PDF_PAGE_LONG_MM / Math.max(w, h);
      return [Math.round(w * s * 100) / 100, Math.round(h * s * 100) / 100] as [number, number];
    };
    const first = jpegs[0].info;
    const [w0, h0] = mm(first.width, first.height);
    const doc = new jsPDF({ unit: 'mm', format: [w0, h0], orientation: w0 > h0 ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
    doc.setProperties({ creator: 'zk-precheck (offline)' });
    jpegs.forEach((j, i) => {
      const [w, h] = mm(j.info.width, j.info.height);
      if (i > 0) doc.addPage([w, h], w > h ? 'landscape' : 'portrait');
      doc.addImage(j.data, 'JPEG', 0, 0, w, h, `page${i + 1}`, 'NONE');
    });
    const bytes = new Uint8Array(doc.output('arraybuffer'));
    if (bytes.length <= maxBytes) return { ok: true, bytes, pages: jpegs.map((j) => j.info) };
  }
  return { ok: false, reason: 'nofit', page: pages.length - 1 };
}
