/**
 * What a file really is, from its first bytes (never from its name).
 * NOTE: the shared file layer `src/lib/jpeg/sniff.ts` is the project's reference; this module keeps the same
 * signature (`sniff(bytes) → kind`) and is used until the uploads area switches to it. Handles: JPEG, PNG, WebP,
 * GIF, BMP, TIFF, ISO-BMFF HEIC/HEIF/AVIF (ftyp brands), PDF (header anywhere in the first 1024 bytes, as readers
 * accept), ZIP/Office, empty input. Anything else is 'unknown'.
 */
export type FileKind =
  | 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'heic' | 'avif' | 'pdf' | 'zip' | 'empty' | 'unknown';

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

function ascii(b: Uint8Array, start: number, len: number): string {
  let s = '';
  for (let i = start; i < start + len && i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Offset of "%PDF-" in the first 1024 bytes, or -1. */
export function pdfHeaderOffset(b: Uint8Array): number {
  const n = Math.min(b.length - 5, 1024);
  for (let i = 0; i <= n; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return i;
  }
  return -1;
}

export function sniff(b: Uint8Array): FileKind {
  if (b.length === 0) return 'empty';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 14 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const boxLen = Math.min(b.length, ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0);
    const brands = [ascii(b, 8, 4)];
    for (let o = 16; o + 4 <= boxLen; o += 4) brands.push(ascii(b, o, 4));
    if (AVIF_BRANDS.has(brands[0])) return 'avif';
    if (HEIC_BRANDS.has(brands[0])) return brands.some((x) => AVIF_BRANDS.has(x)) && !brands.some((x) => x.startsWith('he')) ? 'avif' : 'heic';
    if (brands.some((x) => AVIF_BRANDS.has(x))) return 'avif';
    if (brands.some((x) => HEIC_BRANDS.has(x))) return 'heic';
  }
  if (pdfHeaderOffset(b) >= 0) return 'pdf';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'zip';
  return 'unknown';
}

/** Kinds the browser (plus our HEIC decoder) can turn into pixels. */
export function isImageKind(k: FileKind): boolean {
  return k === 'jpeg' || k === 'png' || k === 'webp' || k === 'gif' || k === 'bmp' || k === 'heic' || k === 'avif';
}

/** The extension a file of this kind should carry. */
export function extensionOf(k: FileKind): string {
  switch (k) {
    case 'jpeg': return 'jpg';
    case 'tiff': return 'tif';
    case 'empty': case 'unknown': return '';
    default: return k;
  }
}

/** Lower-case extension of a file name without the dot ('' if none). */
export function nameExtension(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

/** Does the name's extension agree with the real kind? (.jpg/.jpeg/.jpe for JPEG; .heic/.heif for HEIC). */
export function extensionMatches(name: string, k: FileKind): boolean {
  const ext = nameExtension(name);
  switch (k) {
    case 'jpeg': return ext === 'jpg' || ext === 'jpeg' || ext === 'jpe' || ext === 'jfif';
    case 'heic': return ext === 'heic' || ext === 'heif' || ext === 'hif';
    case 'tiff': return ext === 'tif' || ext === 'tiff';
    default: return ext === extensionOf(k);
  }
}
