/**
 * PDF structure inspection without rendering: header, end marker, cross-reference pointer, encryption and page
 * count, read the tolerant way viewers read (the last definition of an object wins; compressed object streams are
 * inflated). Pure: bytes in, facts out.
 *
 * NOTE, not handled: streams encoded with anything but FlateDecode (LZW/ASCII85 object streams are very rare),
 * broken deflate data inside an object stream (those objects are skipped), and hybrid xref tables beyond finding
 * `/Encrypt` in them. Content is never interpreted: a PDF whose pages are blank still "opens".
 */
import { unzlibSync, inflateSync } from 'fflate';
import { pdfHeaderOffset } from './sniff.ts';

export type PdfProblem =
  /** No `%PDF-` header in the first 1024 bytes. */
  | 'no-header'
  /** No `%%EOF` near the end: the file was cut off while copying or downloading. */
  | 'no-eof'
  /** `startxref` missing or pointing at nothing: viewers have to repair the file, some refuse. */
  | 'bad-xref'
  /** No page object found at all. */
  | 'no-pages';

export interface PdfInfo {
  /** e.g. '1.7'; null without a header. */
  version: string | null;
  /** `/Encrypt` in a trailer or cross-reference stream: opening needs a password or the reviewer can't print it. */
  encrypted: boolean;
  /** Page count from the catalogue's page tree (or counted page objects); null when none is found. */
  pages: number | null;
  problems: PdfProblem[];
}

/** Bytes → string with one char per byte (PDF syntax is ASCII; binary bytes stay distinct). */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(b.subarray(i, Math.min(end, i + 8192))));
  }
  return s;
}

/** The balanced `<< … >>` dictionary starting at or after `from` (within `limit` chars), or null. */
export function dictAt(text: string, from: number, limit = 65536): string | null {
  const start = text.indexOf('<<', from);
  if (start < 0 || start - from > limit) return null;
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '(') {
      // Skip a literal string (may hold unbalanced << >> in its text); handles \-escapes and nesting.
      let d = 1;
      for (i++; i < text.length && d > 0; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') d++;
        else if (text[i] === ')') d--;
      }
      i--;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') { depth++; i++; continue; }
    if (c === '>' && text[i + 1] === '>') {
      depth--; i++;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

const TYPE_RE = (t: string) => new RegExp(`/Type\\s*/${t}(?![A-Za-z])`);
const IS_PAGES = TYPE_RE('Pages');
const IS_PAGE = TYPE_RE('Page');
const IS_CATALOG = TYPE_RE('Catalog');
const IS_OBJSTM = TYPE_RE('ObjStm');
const IS_XREF = TYPE_RE('XRef');

function intKey(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}
function refKey(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** Top-level dictionary of an object body without its nested dictionaries' keys being confused for its own. */
function ownKeys(dict: string): string {
  // Blank out nested << >> so `/Type` of a child (e.g. /Resources) does not count as the object's type.
  let depth = 0;
  let out = '';
  for (let i = 0; i < dict.length; i++) {
    if (dict[i] === '<' && dict[i + 1] === '<') { depth++; i++; out += depth === 1 ? '<<' : '  '; continue; }
    if (dict[i] === '>' && dict[i + 1] === '>') { out += depth === 1 ? '>>' : '  '; depth--; i++; continue; }
    out += depth <= 1 ? dict[i] : ' ';
  }
  return out;
}

/** Raw bytes of the stream that follows `dict` at text offset `dictEnd`, inflated if it is FlateDecode. */
function streamData(bytes: Uint8Array, text: string, dict: string, dictEnd: number): Uint8Array | null {
  const kw = text.indexOf('stream', dictEnd);
  if (kw < 0 || kw - dictEnd > 64) return null;
  let start = kw + 6;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  let len = intKey(dict, 'Length');
  const endKw = text.indexOf('endstream', start);
  if (len === null || start + len > bytes.length) len = endKw > 0 ? endKw - start : null;
  if (len === null) return null;
  const raw = bytes.subarray(start, start + len);
  if (!/\/Filter\s*(\[\s*)?\/FlateDecode/.test(dict)) return /\/Filter/.test(dict) ? null : raw;
  try {
    return unzlibSync(raw);
  } catch {
    try { return inflateSync(raw); } catch { return null; }
  }
}

export function inspectPdf(bytes: Uint8Array): PdfInfo {
  const problems: PdfProblem[] = [];
  const head = pdfHeaderOffset(bytes);
  if (head < 0) return { version: null, encrypted: false, pages: null, problems: ['no-header'] };
  const text = latin1(bytes);
  const version = /^%PDF-(\d\.\d)/.exec(text.slice(head, head + 12))?.[1] ?? null;

  const tail = text.slice(Math.max(0, text.length - 2048));
  if (!tail.includes('%%EOF')) problems.push('no-eof');

  // startxref → 'xref' table or an 'N G obj' cross-reference stream (offsets count from the header).
  const sx = text.lastIndexOf('startxref');
  const sxOff = sx >= 0 ? /^startxref\s+(\d+)/.exec(text.slice(sx, sx + 40))?.[1] : undefined;
  if (sxOff === undefined) problems.push('bad-xref');
  else {
    const at = Number(sxOff) + head;
    const there = text.slice(at, at + 32);
    if (!/^\s*xref/.test(there) && !/^\s*\d+\s+\d+\s+obj/.test(there)) problems.push('bad-xref');
  }

  // Encryption: any trailer dictionary or cross-reference stream dictionary naming /Encrypt.
  let encrypted = false;
  for (let i = text.indexOf('trailer'); i >= 0 && !encrypted; i = text.indexOf('trailer', i + 7)) {
    const d = dictAt(text, i + 7, 64);
    if (d && /\/Encrypt\s/.test(ownKeys(d))) encrypted = true;
  }

  // Objects: the last definition of each number wins (incremental updates append new versions).
  const objects = new Map<number, string>();
  const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
  const objStreams: { dict: string; end: number }[] = [];
  for (let m = objRe.exec(text); m; m = objRe.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const body = text.slice(bodyStart, bodyStart + 16);
    if (!/^\s*<</.test(body)) continue;
    const d = dictAt(text, bodyStart, 16);
    if (!d) continue;
    const own = ownKeys(d);
    objects.set(Number(m[1]), own);
    const dictEnd = text.indexOf(d, bodyStart) + d.length;
    if (IS_XREF.test(own) && /\/Encrypt\s/.test(own)) encrypted = true;
    if (IS_OBJSTM.test(own)) objStreams.push({ dict: d, end: dictEnd });
    objRe.lastIndex = dictEnd;
  }
  // Objects stored in compressed object streams (PDF 1.5+). Encrypted streams will not inflate: skipped.
  for (const os of objStreams) {
    const data = streamData(bytes, text, os.dict, os.end);
    if (!data) continue;
    const s = latin1(data);
    const n = intKey(os.dict, 'N') ?? 0;
    const first = intKey(os.dict, 'First') ?? 0;
    const nums = s.slice(0, first).trim().split(/\s+/).map(Number);
    for (let k = 0; k < n && 2 * k + 1 < nums.length; k++) {
      const d = dictAt(s, first + nums[2 * k + 1], 16);
      if (d && !objects.has(nums[2 * k])) objects.set(nums[2 * k], ownKeys(d));
    }
  }

  let pages: number | null = null;
  for (const d of objects.values()) {
    if (!IS_CATALOG.test(d)) continue;
    const ref = refKey(d, 'Pages');
    const root = ref !== null ? objects.get(ref) : undefined;
    if (root && IS_PAGES.test(root)) pages = intKey(root, 'Count');
  }
  if (pages === null) {
    let roots = 0;
    let leaves = 0;
    for (const d of objects.values()) {
      if (IS_PAGES.test(d) && !/\/Parent\s/.test(d)) roots = Math.max(roots, intKey(d, 'Count') ?? 0);
      else if (IS_PAGE.test(d)) leaves++;
    }
    pages = roots || leaves || null;
  }
  if (!pages) { pages = null; problems.push('no-pages'); }
  return { version, encrypted, pages, problems };
}
