/**
 * PDF structure inspection without rendering: header, end marker, cross-reference pointer, encryption and page
 * count, read the tolerant way viewers read (the last definition of an object wins; compressed object streams are
 * inflated). Pure: bytes in, facts out.
 *
 * NOTE, not handled: streams encoded with anything but FlateDecode (LZW/ASCII85 object streams are very rare),
 * broken deflate data inside an object stream (those objects are skipped), and hybrid xref tables beyond finding
 * `/Encrypt` in them. Content is never interpreted: a PDF whose pages are blank still "opens".
 */
import { Unzlib, Inflate } from 'fflate';
import { pdfHeaderOffset } from './sniff.ts';

export type PdfProblem =
  /** No `%PDF-` header in the first 1024 bytes. */
  | 'no-header'
  /** No `%%EOF` near the end: the file was cut off while copying or downloading. */
  | 'no-eof'
  /** `startxref` missing or pointing at nothing: viewers have to repair the file, some refuse. */
  | 'bad-xref'
  /** No page object found at all. */
  | 'no-pages'
  /**
   * The structure could not be read within our bounds (unclosed dictionaries, an object stream that inflates to
   * more than INFLATE_CAP_BYTES, more scanning than SCAN_BUDGET_FACTOR × the file): a damaged or hostile file.
   */
  | 'unreadable'
  /** The inspection did not finish within PDF_INSPECT_TIME_LIMIT_MS (set by the worker client, never here). */
  | 'timeout';

export interface PdfInfo {
  /** e.g. '1.7'; null without a header. */
  version: string | null;
  /** `/Encrypt` in a trailer or cross-reference stream: opening needs a password or the reviewer can't print it. */
  encrypted: boolean;
  /** Page count from the catalogue's page tree (or counted page objects); null when none is found. */
  pages: number | null;
  problems: PdfProblem[];
}

/** Longest dictionary we read (a page tree's /Kids of thousands of pages fits; an unclosed `<<` stops here). */
export const MAX_DICT_CHARS = 1 << 20;
/** All dictionary scans together read at most this many times the file's length (plus one MAX_DICT_CHARS). */
export const SCAN_BUDGET_FACTOR = 16;
/** One object stream inflates to at most this many bytes; all of them together to INFLATE_TOTAL_CAP_BYTES. */
export const INFLATE_CAP_BYTES = 8 << 20;
export const INFLATE_TOTAL_CAP_BYTES = 32 << 20;

/** Thrown inside the inspection when a bound is hit; inspectPdf turns it into the 'unreadable' problem. */
export class PdfBoundError extends Error {
  constructor(readonly bound: 'scan' | 'inflate') {
    super(`PDF inspection bound hit: ${bound}`);
    this.name = 'PdfBoundError';
  }
}

/** Characters left to scan (shared by every dictionary scan of one inspection: keeps the whole run linear). */
export interface ScanBudget {
  chars: number;
  inflated: number;
}

export function scanBudget(length: number): ScanBudget {
  return { chars: SCAN_BUDGET_FACTOR * length + MAX_DICT_CHARS, inflated: 0 };
}

/** Bytes → string with one char per byte (PDF syntax is ASCII; binary bytes stay distinct). */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(b.subarray(i, Math.min(end, i + 8192))));
  }
  return s;
}

/**
 * The balanced `<< … >>` dictionary starting at or after `from` (within `limit` chars), or null. Reads at most
 * MAX_DICT_CHARS (an unclosed dictionary gives null there, not at the end of the file) and charges what it read to
 * `budget` (throws PdfBoundError when the budget is spent).
 */
export function dictAt(text: string, from: number, limit: number, budget: ScanBudget): { dict: string; end: number } | null;
export function dictAt(text: string, from: number, limit?: number): string | null;
export function dictAt(text: string, from: number, limit = 65536, budget?: ScanBudget): string | { dict: string; end: number } | null {
  const r = dictSpan(text, from, limit, budget);
  if (budget) return r ? { dict: text.slice(r[0], r[1]), end: r[1] } : null;
  return r ? text.slice(r[0], r[1]) : null;
}

function dictSpan(text: string, from: number, limit: number, budget?: ScanBudget): [number, number] | null {
  const start = text.indexOf('<<', from);
  if (start < 0 || start - from > limit) return null;
  const stop = Math.min(text.length - 1, start + MAX_DICT_CHARS);
  let depth = 0;
  let i = start;
  try {
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x28 /* ( */) {
        // Skip a literal string (may hold unbalanced << >> in its text); handles \-escapes and nesting.
        let d = 1;
        for (i++; i < stop && d > 0; i++) {
          const k = text.charCodeAt(i);
          if (k === 0x5c /* \ */) i++;
          else if (k === 0x28) d++;
          else if (k === 0x29) d--;
        }
        i--;
        continue;
      }
      if (c === 0x3c && text.charCodeAt(i + 1) === 0x3c) { depth++; i++; continue; }
      if (c === 0x3e && text.charCodeAt(i + 1) === 0x3e) {
        depth--; i++;
        if (depth === 0) return [start, i + 1];
      }
    }
    return null;
  } finally {
    if (budget) {
      budget.chars -= i - from + 1;
      if (budget.chars < 0) throw new PdfBoundError('scan');
    }
  }
}

const TYPE_RE = (t: string) => new RegExp(`/Type\\s*/${t}(?![A-Za-z])`);
const IS_PAGES = TYPE_RE('Pages');
const IS_PAGE = TYPE_RE('Page');
const IS_CATALOG = TYPE_RE('Catalog');
const IS_OBJSTM = TYPE_RE('ObjStm');
const IS_XREF = TYPE_RE('XRef');

function intKey(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d{1,12})(?!\\d)(?!\\s+\\d{1,6}\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}
function refKey(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d{1,12})\\s+\\d{1,6}\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** Top-level dictionary of an object body without its nested dictionaries' keys being confused for its own. */
function ownKeys(dict: string): string {
  // Blank out nested << >> so `/Type` of a child (e.g. /Resources) does not count as the object's type.
  let depth = 0;
  const out: string[] = [];
  let run = 0;
  for (let i = 0; i < dict.length; i++) {
    if (dict[i] === '<' && dict[i + 1] === '<') { depth++; i++; out.push(depth === 1 ? '<<' : '  '); continue; }
    if (dict[i] === '>' && dict[i + 1] === '>') { out.push(depth === 1 ? '>>' : '  '); depth--; i++; continue; }
    if (depth <= 1) { run = i; while (i + 1 < dict.length && dict[i + 1] !== '<' && dict[i + 1] !== '>') i++; out.push(dict.slice(run, i + 1)); }
    else out.push(' ');
  }
  return out.join('');
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isWordChar = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/**
 * Every `N G obj` header, in file order, found in one linear pass (a regular expression with `\d+\s+\d+` backtracks
 * quadratically on long runs of digits). `next(pos)` returns the first header at or after `pos`.
 */
function objHeaderAt(text: string, pos: number): { num: number; bodyStart: number; next: number } | null {
  for (let k = text.indexOf('obj', pos); k >= 0; k = text.indexOf('obj', k + 3)) {
    if (k + 3 < text.length && isWordChar(text.charCodeAt(k + 3))) continue;
    // Backwards: whitespace, generation digits, whitespace, object number digits (each run bounded).
    let j = k - 1;
    const back = (pred: (c: number) => boolean, max: number) => {
      const end = j;
      while (j >= 0 && end - j < max && pred(text.charCodeAt(j))) j--;
      return end - j;
    };
    if (back(isSpace, 64) === 0) continue;
    const gen = back(isDigit, 6);
    if (gen === 0 || (j >= 0 && isDigit(text.charCodeAt(j)))) continue;
    if (back(isSpace, 64) === 0) continue;
    const numEnd = j + 1;
    const nd = back(isDigit, 10);
    if (nd === 0 || (j >= 0 && isDigit(text.charCodeAt(j)))) continue;
    return { num: Number(text.slice(j + 1, numEnd)), bodyStart: k + 3, next: k + 3 };
  }
  return null;
}

/** zlib (or raw deflate) data inflated in small steps, stopping at `cap` output bytes (throws PdfBoundError). */
export function inflateCapped(raw: Uint8Array, cap: number, budget?: ScanBudget): Uint8Array | null {
  const attempt = (Ctor: typeof Unzlib | typeof Inflate): Uint8Array | null => {
    const parts: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const s = new Ctor((chunk: Uint8Array) => {
      total += chunk.length;
      if (total > cap || (budget && budget.inflated + total > INFLATE_TOTAL_CAP_BYTES)) { over = true; return; }
      parts.push(chunk);
    });
    try {
      // 1 KiB of input inflates to at most ≈ 1 MiB (deflate's ratio is bounded by 1032:1), so the cap is checked
      // before much more than `cap` is ever produced.
      const STEP = 1024;
      for (let i = 0; i < raw.length && !over; i += STEP) s.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
    } catch {
      return null;
    }
    if (over) throw new PdfBoundError('inflate');
    if (budget) budget.inflated += total;
    const out = new Uint8Array(total);
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  };
  return attempt(Unzlib) ?? attempt(Inflate);
}

/** Raw bytes of the stream that follows `dict` at text offset `dictEnd`, inflated if it is FlateDecode. */
function streamData(bytes: Uint8Array, text: string, dict: string, dictEnd: number, budget: ScanBudget): Uint8Array | null {
  const kw = text.indexOf('stream', dictEnd);
  if (kw < 0 || kw - dictEnd > 64) return null;
  let start = kw + 6;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  let len = intKey(dict, 'Length');
  if (len === null || start + len > bytes.length) {
    const endKw = text.indexOf('endstream', start);
    len = endKw > 0 ? endKw - start : null;
  }
  if (len === null) return null;
  const raw = bytes.subarray(start, start + len);
  if (!/\/Filter\s*(\[\s*)?\/FlateDecode/.test(dict)) return /\/Filter/.test(dict) ? null : raw;
  return inflateCapped(raw, INFLATE_CAP_BYTES, budget);
}

/**
 * Inspect a PDF. Linear in the file's length: every dictionary scan is bounded and charged to one budget, object
 * streams inflate under a cap; when a bound is hit the answer is the 'unreadable' problem (never a freeze).
 * Callers still run it in a worker with a time limit (src/features/uploads/worker/).
 */
export function inspectPdf(bytes: Uint8Array): PdfInfo {
  const head = pdfHeaderOffset(bytes);
  if (head < 0) return { version: null, encrypted: false, pages: null, problems: ['no-header'] };
  const text = latin1(bytes);
  const version = /^%PDF-(\d\.\d)/.exec(text.slice(head, head + 12))?.[1] ?? null;
  try {
    return inspectText(bytes, text, head, version);
  } catch (err) {
    if (!(err instanceof PdfBoundError)) throw err;
    const problems: PdfProblem[] = ['unreadable'];
    if (!text.slice(Math.max(0, text.length - 2048)).includes('%%EOF')) problems.push('no-eof');
    return { version, encrypted: false, pages: null, problems };
  }
}

function inspectText(bytes: Uint8Array, text: string, head: number, version: string | null): PdfInfo {
  const problems: PdfProblem[] = [];
  const budget = scanBudget(text.length);

  const tail = text.slice(Math.max(0, text.length - 2048));
  if (!tail.includes('%%EOF')) problems.push('no-eof');

  // startxref → 'xref' table or an 'N G obj' cross-reference stream (offsets count from the header).
  const sx = text.lastIndexOf('startxref');
  const sxOff = sx >= 0 ? /^startxref\s{1,16}(\d{1,12})/.exec(text.slice(sx, sx + 40))?.[1] : undefined;
  if (sxOff === undefined) problems.push('bad-xref');
  else {
    const at = Number(sxOff) + head;
    const there = text.slice(at, at + 32);
    if (!/^\s*xref/.test(there) && !/^\s*\d+\s+\d+\s+obj/.test(there)) problems.push('bad-xref');
  }

  // Encryption: any trailer dictionary or cross-reference stream dictionary naming /Encrypt.
  let encrypted = false;
  for (let i = text.indexOf('trailer'); i >= 0 && !encrypted; i = text.indexOf('trailer', i + 7)) {
    const d = dictAt(text, i + 7, 64, budget);
    if (d && /\/Encrypt\s/.test(ownKeys(d.dict))) encrypted = true;
  }

  // Objects: the last definition of each number wins (incremental updates append new versions).
  const objects = new Map<number, string>();
  const objStreams: { dict: string; end: number }[] = [];
  for (let h = objHeaderAt(text, 0); h; h = objHeaderAt(text, h.next)) {
    const body = text.slice(h.bodyStart, h.bodyStart + 16);
    if (!/^\s*<</.test(body)) continue;
    const d = dictAt(text, h.bodyStart, 16, budget);
    if (!d) continue;
    const own = ownKeys(d.dict);
    objects.set(h.num, own);
    if (IS_XREF.test(own) && /\/Encrypt\s/.test(own)) encrypted = true;
    if (IS_OBJSTM.test(own)) objStreams.push({ dict: d.dict, end: d.end });
    h.next = d.end;
  }
  // Objects stored in compressed object streams (PDF 1.5+). Encrypted streams will not inflate: skipped.
  for (const os of objStreams) {
    const data = streamData(bytes, text, os.dict, os.end, budget);
    if (!data) continue;
    const s = latin1(data);
    const n = intKey(os.dict, 'N') ?? 0;
    const first = Math.min(intKey(os.dict, 'First') ?? 0, s.length);
    const nums = s.slice(0, first).trim().split(/\s+/).map(Number);
    for (let k = 0; k < n && 2 * k + 1 < nums.length; k++) {
      const d = dictAt(s, first + nums[2 * k + 1], 16, budget);
      if (d && !objects.has(nums[2 * k])) objects.set(nums[2 * k], ownKeys(d.dict));
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
