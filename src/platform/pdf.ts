/**
 * Chinese text PDFs (A4, jsPDF) that never lose a character. Shared by every area that exports a PDF.
 *
 * ```ts
 * const doc = await createPdfDocument({ title: '毕业申请自查清单' });
 * doc.addHeading('毕业申请自查清单');           // level 1 (18 pt) or 2 (14 pt)
 * doc.addText('姓名：张喆', { sizePt: 11 });    // wraps to the page width, starts new pages by itself
 * doc.addText('上传照片', { marker: '1.' });    // list item with a hanging indent
 * doc.addSpace(4); doc.addRule();
 * doc.addTable([['起止年月', '单位', '职务'], ['2020-09 至 2023-06', '某某学校', '学生']], { headerRows: 1, widthsMm: [40, 90, 44] });
 * const blob = doc.save();                      // application/pdf
 * doc.imageCharacters;                          // e.g. ['䶮']: drawn as pictures — tell the user
 * downloadBlob(blob, '自查清单.pdf');
 * ```
 *
 * Font: Noto Sans SC Regular, subset at build time to ASCII + punctuation + all of GBK
 * (scripts/assets/30-fonts.mjs → static/generated/fonts/NotoSansSC-GBK.ttf, OFL-1.1). It is fetched from the app's
 * own origin (precached by the service worker) the first time a PDF is made; jsPDF is imported lazily too, so
 * neither is in the initial app JS. jsPDF embeds only the glyphs used.
 *
 * jsPDF silently drops characters that the font lacks. So every string is split into runs by the font's cmap
 * (parsed once, `parseCmap`): covered runs become real text; runs the font lacks (rare characters outside GBK,
 * emoji, …) are drawn with the system font on a canvas and placed as images at the same size and baseline, and
 * listed in `imageCharacters`. Such characters are visible and printable but not searchable in the PDF.
 *
 * Units: millimetres for positions, points for font sizes. NOTE: no bidi, no shaping, no bold face (one font).
 */
import fontUrl from '../../static/generated/fonts/NotoSansSC-GBK.ttf?url';
import fontLicenceUrl from '../../static/generated/fonts/OFL.txt?url';

/** URL (same origin) of the embedded font's licence text, to link from an "about" line. */
export const PDF_FONT_LICENCE_URL: string = fontLicenceUrl;
export const PDF_FONT_NAME = 'NotoSansSC';

/** A picture of `text` drawn with a system font: PNG bytes and the size in pixels for a font of `sizePx`. */
export interface RasterRun {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** Distance from the image top to the text baseline, in pixels. */
  baselinePx: number;
}
export type Rasterizer = (text: string, sizePx: number) => RasterRun;

export interface PdfOptions {
  /** Document title (PDF metadata). */
  title?: string;
  subject?: string;
  /** Page margin in mm (default 18). */
  marginMm?: number;
  /** Footer on every page; `{page}` and `{pages}` are replaced (default '{page} / {pages}'; '' for none). */
  footer?: string;
  /** The TrueType font bytes (tests, Node). Default: the bundled font fetched from the app. */
  fontBytes?: Uint8Array;
  /** How runs missing from the font are drawn (default: a canvas with the system font). */
  rasterize?: Rasterizer;
}

export interface TextOptions {
  /** Font size in points (default 11). */
  sizePt?: number;
  /** Left indent in mm (default 0). */
  indentMm?: number;
  /** A list marker ('1.', '☐', '•') drawn in the indent; the text hangs after it. */
  marker?: string;
  /** RGB 0–255 (default near-black). */
  color?: [number, number, number];
  /** Space after the paragraph in mm (default sizePt × 0.25 mm). */
  gapAfterMm?: number;
  /** Line height as a multiple of the font size (default 1.45). */
  lineHeight?: number;
}

export interface TableOptions {
  /** Column widths in mm (scaled down to the text width if wider). */
  widthsMm?: number[];
  /** How many leading rows are headers (shaded, repeated after a page break). Default 0. */
  headerRows?: number;
  sizePt?: number;
  /** Cell padding in mm (default 1.5). */
  paddingMm?: number;
}

export interface PdfDocument {
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly marginMm: number;
  /** Current vertical position (top of the next line) in mm. */
  readonly yMm: number;
  addHeading(text: string, level?: 1 | 2): void;
  /** Wrapped paragraph(s); '\n' starts a new line. */
  addText(text: string, opts?: TextOptions): void;
  addSpace(mm: number): void;
  /** A thin horizontal line across the text width. */
  addRule(): void;
  /**
   * A bordered table; cells wrap, a row never splits across pages, and header rows repeat on each new page.
   * `widthsMm` default: equal columns over the text width.
   */
  addTable(rows: readonly (readonly string[])[], opts?: TableOptions): void;
  newPage(): void;
  /**
   * A JPEG placed as it is (its bytes are embedded unchanged, DCTDecode — no re-compression), `widthMm` × `heightMm`,
   * at the left margin (or `xMm`), with an optional caption under it.
   */
  addJpeg(bytes: Uint8Array, widthMm: number, heightMm: number, opts?: { xMm?: number; caption?: string }): void;
  /** Characters the font lacks, drawn as images, in order of first use (no duplicates). */
  readonly imageCharacters: string[];
  /** Finish (page footers) and return the file. Call after all content; later calls return the same file. */
  save(): Blob;
  bytes(): Uint8Array;
}

const PT_TO_MM = 25.4 / 72;
/** Size of the rasterised font in px: large enough to print sharply at small sizes. */
const RASTER_PX = 96;
const TEXT_RGB: [number, number, number] = [20, 20, 20];

// ───────────────────────────── font coverage (pure) ─────────────────────────────

/**
 * The code points a TrueType/OpenType font maps to a glyph other than .notdef, from its `cmap` table
 * (formats 4 and 12 of the Unicode subtables, platform 0 or 3/1, 3/10). Throws on bytes that are not an sfnt.
 */
export function parseCmap(font: Uint8Array): Set<number> {
  const dv = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.byteLength < 12) throw new RangeError(`parseCmap: ${font.byteLength} bytes is too short for a font`);
  const tag = dv.getUint32(0);
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) throw new RangeError('parseCmap: not a TrueType/OpenType font');
  const numTables = dv.getUint16(4);
  let cmapOff = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (dv.getUint32(rec) === 0x636d6170 /* 'cmap' */) cmapOff = dv.getUint32(rec + 8);
  }
  if (cmapOff < 0) throw new RangeError('parseCmap: font has no cmap table');
  const out = new Set<number>();
  const nSub = dv.getUint16(cmapOff + 2);
  for (let i = 0; i < nSub; i++) {
    const rec = cmapOff + 4 + i * 8;
    const platform = dv.getUint16(rec);
    const encoding = dv.getUint16(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const sub = cmapOff + dv.getUint32(rec + 4);
    const format = dv.getUint16(sub);
    if (format === 4) readFormat4(dv, sub, out);
    else if (format === 12) readFormat12(dv, sub, out);
  }
  return out;
}

function readFormat4(dv: DataView, sub: number, out: Set<number>) {
  const segX2 = dv.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffs = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = dv.getUint16(ends + s);
    const start = dv.getUint16(starts + s);
    const delta = dv.getInt16(deltas + s);
    const ro = dv.getUint16(rangeOffs + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffs + s + ro + (c - start) * 2;
        glyph = dv.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(dv: DataView, sub: number, out: Set<number>) {
  const nGroups = dv.getUint32(sub + 12);
  for (let g = 0; g < nGroups; g++) {
    const at = sub + 16 + g * 12;
    const start = dv.getUint32(at);
    const end = dv.getUint32(at + 4);
    const glyph = dv.getUint32(at + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
}

/** A run of text that the font either covers (`inFont`) or not. */
export interface Run {
  text: string;
  inFont: boolean;
}

/**
 * Split `text` into maximal runs the font covers / lacks. Combining marks, variation selectors and joiners stick
 * to the run of the character before them, so a sequence is never split between text and image.
 */
export function splitRuns(text: string, covered: ReadonlySet<number>): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const inFont = covered.has(cp);
    const sticky = /\p{M}|\u200d|[\ufe00-\ufe0f]/u.test(ch) || (cp >= 0xe0100 && cp <= 0xe01ef);
    const last = runs[runs.length - 1];
    if (sticky && last && last.inFont && !inFont) {
      // A mark the font lacks after a covered base: draw base and mark together as an image.
      const chars = [...last.text];
      const base = chars.pop()!;
      last.text = chars.join('');
      if (!last.text) runs.pop();
      const prev = runs[runs.length - 1];
      if (prev && !prev.inFont) prev.text += base + ch;
      else runs.push({ text: base + ch, inFont: false });
    } else if (last && (last.inFont === inFont || (sticky && !last.inFont))) last.text += ch;
    else runs.push({ text: ch, inFont });
  }
  return runs;
}

/** Characters of `text` the font lacks (unique, in order). Whitespace and control characters are ignored. */
export function missingCharacters(text: string, covered: ReadonlySet<number>): string[] {
  const seen = new Set<string>();
  for (const r of splitRuns(normaliseText(text), covered)) if (!r.inFont) for (const ch of r.text) if (!/\s/u.test(ch)) seen.add(ch);
  return [...seen];
}

/** Tabs → spaces, other control characters removed, CRLF → LF. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

// ───────────────────────────── line breaking (pure) ─────────────────────────────

/** Characters that must not start a line (Chinese 避头 punctuation): they hang at the end of the previous one. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);

/**
 * Break one paragraph into lines no wider than `maxWidth`, with `measure(s)` giving a string's width. CJK
 * characters may break anywhere; Latin words and numbers stay whole unless longer than a line; closing
 * punctuation never starts a line.
 */
export function breakLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const units = text.match(/[\p{Script=Latin}\p{N}_@#&/+\-'"$.:=]+|\s+|\P{M}\p{M}*/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (/^\s+$/u.test(unit)) {
      if (line) line += ' ';
      continue;
    }
    const candidate = line + unit;
    if (measure(candidate.trimEnd()) <= maxWidth || !line.trim() || NO_LINE_START.has([...unit][0])) {
      if (measure(unit) > maxWidth && !line.trim()) {
        // A unit longer than a whole line: break it by characters.
        for (const ch of unit) {
          if (line && measure(line + ch) > maxWidth && !NO_LINE_START.has(ch)) {
            lines.push(line.trimEnd());
            line = '';
          }
          line += ch;
        }
        continue;
      }
      line = candidate;
    } else {
      lines.push(line.trimEnd());
      line = unit;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

// ───────────────────────────── font loading (browser) ─────────────────────────────

interface LoadedFont {
  binary: string;
  covered: Set<number>;
}
let fontPromise: Promise<LoadedFont> | null = null;
let bytesFont: { bytes: Uint8Array; font: LoadedFont } | null = null;

function toBinaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function prepare(bytes: Uint8Array): LoadedFont {
  return { binary: toBinaryString(bytes), covered: parseCmap(bytes) };
}

/** Fetch (once) the bundled font from the app's own origin. */
export function loadPdfFont(): Promise<LoadedFont> {
  fontPromise ??= (async () => {
    const res = await fetch(fontUrl);
    if (!res.ok) throw new Error(`PDF font: HTTP ${res.status}`);
    return prepare(new Uint8Array(await res.arrayBuffer()));
  })();
  fontPromise.catch(() => (fontPromise = null));
  return fontPromise;
}

function fontFromBytes(bytes: Uint8Array): LoadedFont {
  if (bytesFont?.bytes !== bytes) bytesFont = { bytes, font: prepare(bytes) };
  return bytesFont.font;
}

/** Draw text with the system font on a canvas (browser only). */
export const canvasRasterizer: Rasterizer = (text, sizePx) => {
  const family = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif';
  const font = `${sizePx}px ${family}`;
  const canvas = document.createElement('canvas');
  let ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d unavailable');
  ctx.font = font;
  const m = ctx.measureText(text);
  const widthPx = Math.max(1, Math.ceil(Math.max(m.width, m.actualBoundingBoxRight || 0)));
  const baselinePx = Math.ceil(sizePx * 1.1);
  const heightPx = Math.ceil(sizePx * 1.4);
  canvas.width = widthPx;
  canvas.height = heightPx;
  ctx = canvas.getContext('2d')!;
  ctx.font = font;
  ctx.fillStyle = '#141414';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, 0, baselinePx);
  const b64 = canvas.toDataURL('image/png').split(',')[1];
  const bin = atob(b64);
  const png = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) png[i] = bin.charCodeAt(i);
  return { png, widthPx, heightPx, baselinePx };
};

/** Offer a Blob as a download (browser only). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ───────────────────────────── the document ─────────────────────────────

/** Create an A4 portrait document with the Chinese font set. Imports jsPDF and loads the font on first use. */
export async function createPdfDocument(opts: PdfOptions = {}): Promise<PdfDocument> {
  const [{ jsPDF }, font] = await Promise.all([
    import('jspdf'),
    opts.fontBytes ? Promise.resolve(fontFromBytes(opts.fontBytes)) : loadPdfFont(),
  ]);
  const rasterize = opts.rasterize ?? canvasRasterizer;
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  const fileName = `${PDF_FONT_NAME}.ttf`;
  doc.addFileToVFS(fileName, font.binary);
  doc.addFont(fileName, PDF_FONT_NAME, 'normal', 'Identity-H');
  doc.setFont(PDF_FONT_NAME, 'normal');
  doc.setProperties({ title: opts.title ?? '', subject: opts.subject ?? '', creator: 'zk-precheck (offline)' });
  doc.setLanguage?.('zh-CN');

  const pageWidthMm = doc.internal.pageSize.getWidth();
  const pageHeightMm = doc.internal.pageSize.getHeight();
  const marginMm = opts.marginMm ?? 18;
  const footer = opts.footer ?? '{page} / {pages}';
  const bottomMm = pageHeightMm - marginMm - (footer ? 6 : 0);
  const textWidthMm = pageWidthMm - 2 * marginMm;
  let y = marginMm;
  const imageChars: string[] = [];
  const rasterCache = new Map<string, RasterRun>();
  let images = 0;
  let finished: Uint8Array | null = null;
  const open = () => {
    if (finished) throw new Error('PdfDocument: already saved');
  };

  const raster = (text: string): RasterRun => {
    let r = rasterCache.get(text);
    if (!r) {
      r = rasterize(text, RASTER_PX);
      rasterCache.set(text, r);
    }
    return r;
  };

  const runWidth = (run: Run, sizePt: number): number => {
    if (run.inFont) return (doc.getStringUnitWidth(run.text) * sizePt) / doc.internal.scaleFactor;
    const r = raster(run.text);
    return (r.widthPx / RASTER_PX) * sizePt * PT_TO_MM;
  };
  const measure = (s: string, sizePt: number) => splitRuns(s, font.covered).reduce((w, run) => w + runWidth(run, sizePt), 0);

  /** Draw one line with its baseline at `baseline`, text starting at `x`. */
  const drawLine = (line: string, x: number, baseline: number, sizePt: number, color: [number, number, number]) => {
    doc.setFontSize(sizePt);
    doc.setTextColor(color[0], color[1], color[2]);
    for (const run of splitRuns(line, font.covered)) {
      const w = runWidth(run, sizePt);
      if (run.inFont) doc.text(run.text, x, baseline, { baseline: 'alphabetic' });
      else if (run.text.trim()) {
        const r = raster(run.text);
        const scale = (sizePt * PT_TO_MM) / RASTER_PX; // mm per raster pixel
        doc.addImage(r.png, 'PNG', x, baseline - r.baselinePx * scale, r.widthPx * scale, r.heightPx * scale, `zk-run-${images++}`, 'FAST');
        for (const ch of run.text) if (!/\s/u.test(ch) && !imageChars.includes(ch)) imageChars.push(ch);
      }
      x += w;
    }
  };

  const ensure = (heightMm: number) => {
    if (y + heightMm > bottomMm && y > marginMm + 0.01) {
      doc.addPage();
      y = marginMm;
    }
  };

  const api: PdfDocument = {
    pageWidthMm,
    pageHeightMm,
    marginMm,
    get yMm() {
      return y;
    },
    get imageCharacters() {
      return [...imageChars];
    },
    addHeading(text, level = 1) {
      open();
      const sizePt = level === 1 ? 18 : 14;
      if (y > marginMm + 0.01) y += level === 1 ? 4 : 2.5;
      ensure(sizePt * PT_TO_MM * 3); // keep a heading with at least one following line
      api.addText(text, { sizePt, gapAfterMm: level === 1 ? 3 : 2, lineHeight: 1.3, color: [0, 0, 0] });
    },
    addText(text, o = {}) {
      open();
      const sizePt = o.sizePt ?? 11;
      const lineMm = sizePt * PT_TO_MM * (o.lineHeight ?? 1.45);
      const color = o.color ?? TEXT_RGB;
      const indent = o.indentMm ?? 0;
      const markerW = o.marker ? measure(o.marker, sizePt) + sizePt * PT_TO_MM * 0.5 : 0;
      const x0 = marginMm + indent + markerW;
      const width = textWidthMm - indent - markerW;
      let first = true;
      for (const para of normaliseText(text).split('\n')) {
        for (const line of breakLines(para, width, (s) => measure(s, sizePt))) {
          ensure(lineMm);
          const baseline = y + sizePt * PT_TO_MM * 1.05;
          if (first && o.marker) drawLine(o.marker, marginMm + indent, baseline, sizePt, color);
          first = false;
          drawLine(line, x0, baseline, sizePt, color);
          y += lineMm;
        }
      }
      y += o.gapAfterMm ?? sizePt * 0.25;
    },
    addSpace(mm) {
      y += mm;
    },
    addRule() {
      open();
      ensure(2);
      doc.setDrawColor(170, 170, 170);
      doc.setLineWidth(0.3);
      doc.line(marginMm, y + 1, pageWidthMm - marginMm, y + 1);
      y += 3;
    },
    addTable(rows, o = {}) {
      open();
      if (rows.length === 0) return;
      const cols = Math.max(...rows.map((r) => r.length));
      const sizePt = o.sizePt ?? 10;
      const pad = o.paddingMm ?? 1.5;
      const lineMm = sizePt * PT_TO_MM * 1.4;
      let widths = o.widthsMm && o.widthsMm.length === cols ? [...o.widthsMm] : Array(cols).fill(textWidthMm / cols);
      const total = widths.reduce((a, b) => a + b, 0);
      if (total > textWidthMm) widths = widths.map((w) => (w * textWidthMm) / total);
      const layout = (row: readonly string[]) => {
        const cells = widths.map((w, c) =>
          normaliseText(row[c] ?? '').split('\n').flatMap((para) => breakLines(para, w - 2 * pad, (s) => measure(s, sizePt))),
        );
        return { cells, height: Math.max(...cells.map((l) => l.length)) * lineMm + 2 * pad };
      };
      const headers = rows.slice(0, o.headerRows ?? 0).map(layout);
      const drawRow = (r: { cells: string[][]; height: number }, header: boolean) => {
        let x = marginMm;
        doc.setDrawColor(120, 120, 120);
        doc.setLineWidth(0.25);
        r.cells.forEach((lines, c) => {
          if (header) {
            doc.setFillColor(236, 240, 245);
            doc.rect(x, y, widths[c], r.height, 'FD');
          } else doc.rect(x, y, widths[c], r.height, 'S');
          lines.forEach((line, k) => drawLine(line, x + pad, y + pad + k * lineMm + sizePt * PT_TO_MM * 1.05, sizePt, TEXT_RGB));
          x += widths[c];
        });
        y += r.height;
      };
      rows.forEach((row, i) => {
        const isHeader = i < headers.length;
        const r = isHeader ? headers[i] : layout(row);
        if (y + r.height > bottomMm && y > marginMm + 0.01) {
          doc.addPage();
          y = marginMm;
          if (!isHeader) for (const h of headers) drawRow(h, true);
        }
        drawRow(r, isHeader);
      });
      y += 3;
    },
    newPage() {
      open();
      doc.addPage();
      y = marginMm;
    },
    addJpeg(bytes, widthMm, heightMm, opts = {}) {
      open();
      ensure(heightMm + (opts.caption ? 8 : 2));
      doc.addImage(bytes, 'JPEG', opts.xMm ?? marginMm, y, widthMm, heightMm, `zk-jpeg-${images++}`, 'NONE');
      y += heightMm + 2;
      if (opts.caption) api.addText(opts.caption, { sizePt: 8 });
    },
    save() {
      return new Blob([api.bytes() as BlobPart], { type: 'application/pdf' });
    },
    bytes() {
      if (finished) return finished;
      if (footer) {
        const pages = doc.getNumberOfPages();
        for (let p = 1; p <= pages; p++) {
          doc.setPage(p);
          const label = footer.replace('{page}', String(p)).replace('{pages}', String(pages));
          const w = measure(label, 9);
          drawLine(label, (pageWidthMm - w) / 2, pageHeightMm - marginMm + 3, 9, [110, 110, 110]);
        }
        doc.setPage(pages);
      }
      finished = new Uint8Array(doc.output('arraybuffer'));
      return finished;
    },
  };
  return api;
}
