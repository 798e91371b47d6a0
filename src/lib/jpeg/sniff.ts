/**
 * What a file really is, from its first bytes — never from its name.
 *
 * NOTE what is not handled: UTF-16/UTF-32 encoded SVG/HTML (only UTF-8/ASCII text, with or without a UTF-8 BOM);
 * ZIP/Office containers, video (an ISO-BMFF `ftyp` without a HEIF brand is 'unknown'); AVIF is reported as 'heic'
 * (the HEIF family) — `heifBrand` tells the brands apart; BigTIFF is reported as 'tiff'.
 */
import type { SniffedFormat } from './file-facts.ts';
import { ascii, hasAscii, u32be, u32le } from './bytes.ts';

export type { SniffedFormat };

/** How far into the file a `%PDF-` header may start (readers such as pdf.js and Acrobat accept junk before it). */
export const PDF_HEADER_WINDOW = 1024;
/** How many leading bytes the text sniffer looks at. */
const TEXT_WINDOW = 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** BITMAPCOREHEADER … BITMAPV5HEADER sizes, the field after the 14-byte BMP file header. */
const BMP_DIB_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** ISO-BMFF major/compatible brands of the HEIF family (HEIC, HEIF image sequences, AVIF). */
export const HEIF_BRANDS: ReadonlySet<string> = new Set([
  'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'mif2', 'msf1', 'avif', 'avis', 'avci', 'vvic',
]);

const MIME: Record<SniffedFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  pdf: 'application/pdf',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  html: 'text/html',
  empty: 'application/octet-stream',
  unknown: 'application/octet-stream',
};

/** MIME type of a sniffed format ('application/octet-stream' for 'empty' and 'unknown'). */
export function mimeOf(format: SniffedFormat): string {
  return MIME[format] ?? 'application/octet-stream';
}

/** Offset of `%PDF-` within the first `PDF_HEADER_WINDOW` bytes, or -1. */
export function pdfHeaderOffset(b: Uint8Array): number {
  const last = Math.min(b.length - 5, PDF_HEADER_WINDOW);
  for (let i = 0; i <= last; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return i;
  }
  return -1;
}

/** Brands of a leading ISO-BMFF `ftyp` box (major brand first), or null when the file does not start with one. */
export function ftypBrands(b: Uint8Array): string[] | null {
  if (b.length < 12 || !hasAscii(b, 4, 'ftyp')) return null;
  const boxLen = u32be(b, 0);
  if (boxLen < 12) return null;
  const end = Math.min(b.length, boxLen, 4096);
  const brands = [ascii(b, 8, 4)];
  // offset 12 is minor_version; compatible brands follow from 16
  for (let o = 16; o + 4 <= end; o += 4) brands.push(ascii(b, o, 4));
  return brands;
}

/** The major brand of a HEIF-family file ('heic', 'mif1', 'avif' …), or null when the bytes are not HEIF. */
export function heifBrand(b: Uint8Array): string | null {
  const brands = ftypBrands(b);
  if (!brands) return null;
  if (HEIF_BRANDS.has(brands[0])) return brands[0];
  return brands.find((x) => HEIF_BRANDS.has(x)) ?? null;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

/** HTML tags that start a document per the WHATWG MIME-sniffing standard (lower case, without '<'). */
const HTML_TAGS = ['!doctype html', 'html', 'head', 'script', 'iframe', 'h1', 'div', 'font', 'table', 'a', 'style', 'title', 'b', 'body', 'br', 'p'];

function sniffText(b: Uint8Array): 'svg' | 'html' | null {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  const head = ascii(b, i, TEXT_WINDOW).toLowerCase();
  let p = 0;
  // Skip whitespace, an XML declaration, comments and processing instructions; each step moves forward.
  for (let guard = 0; guard < 64; guard++) {
    while (p < head.length && isWhitespace(head.charCodeAt(p))) p++;
    if (head.startsWith('<?', p)) {
      const e = head.indexOf('?>', p + 2);
      if (e < 0) return null;
      p = e + 2;
    } else if (head.startsWith('<!--', p)) {
      const e = head.indexOf('-->', p + 4);
      if (e < 0) return null;
      p = e + 3;
    } else break;
  }
  if (head.charCodeAt(p) !== 0x3c /* < */) return null;
  if (head.startsWith('<svg', p) && /[\s>/:]/.test(head.charAt(p + 4) || ' ')) return 'svg';
  if (head.startsWith('<!doctype svg', p)) return 'svg';
  for (const tag of HTML_TAGS) {
    if (head.startsWith('<' + tag, p)) {
      const next = head.charAt(p + 1 + tag.length);
      if (next === ' ' || next === '>' || next === '\t' || next === '\n' || next === '\r' || next === '') return 'html';
    }
  }
  // A DOCTYPE other than html/svg (e.g. an XHTML public identifier) — look for the root element.
  if (head.startsWith('<!doctype', p)) {
    if (head.includes('<svg', p)) return 'svg';
    if (head.includes('<html', p) || head.includes('xhtml', p)) return 'html';
  }
  return null;
}

/** Tell the file format from the bytes alone. */
export function sniff(b: Uint8Array): SniffedFormat {
  const n = b.length;
  if (n === 0) return 'empty';
  if (n >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (n >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'png';
  if (n >= 12 && hasAscii(b, 0, 'RIFF') && hasAscii(b, 8, 'WEBP')) return 'webp';
  if (n >= 6 && (hasAscii(b, 0, 'GIF87a') || hasAscii(b, 0, 'GIF89a'))) return 'gif';
  if (n >= 18 && b[0] === 0x42 && b[1] === 0x4d && BMP_DIB_HEADER_SIZES.has(u32le(b, 14))) return 'bmp';
  if (n >= 4 && b[0] === 0x49 && b[1] === 0x49 && (b[2] === 0x2a || b[2] === 0x2b) && b[3] === 0) return 'tiff';
  if (n >= 4 && b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && (b[3] === 0x2a || b[3] === 0x2b)) return 'tiff';
  if (heifBrand(b) !== null) return 'heic';
  if (pdfHeaderOffset(b) >= 0) return 'pdf';
  return sniffText(b) ?? 'unknown';
}
