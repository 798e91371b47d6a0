/**
 * What a file really is, from its bytes (never its name). Thin adapter over the shared file layer
 * (`src/lib/jpeg/sniff.ts`), refined for uploads: AVIF is told apart from HEIC (the browser decodes AVIF itself,
 * libheif handles HEIC), ZIP/Office containers get their own kind so the message can say what they are.
 */
import { sniff as sniffFormat, ftypBrands, pdfHeaderOffset } from '../../lib/jpeg/sniff.ts';

export { pdfHeaderOffset };

export type FileKind =
  | 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'heic' | 'avif' | 'pdf' | 'svg' | 'html' | 'zip' | 'empty' | 'unknown';

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

export function sniff(b: Uint8Array): FileKind {
  const f = sniffFormat(b);
  if (f === 'heic') {
    const brands = ftypBrands(b) ?? [];
    const avif = AVIF_BRANDS.has(brands[0]) || (brands.some((x) => AVIF_BRANDS.has(x)) && !brands.some((x) => HEVC_BRANDS.has(x)));
    return avif ? 'avif' : 'heic';
  }
  if (f === 'unknown' && b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'zip';
  return f;
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
