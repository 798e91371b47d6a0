import { pngFacts, webpFacts, gifFacts, bmpFacts, heicFacts } from '../../lib/jpeg/other-formats.ts';
import type { FileKind } from './sniff.ts';
/**
 * Size of a JPEG from its frame header (SOF0–SOF15 except DHT/JPG/DAC), without decoding. Used to check what we
 * wrote and to report the real pixel size of a JPEG. NOTE: ignores EXIF orientation (stored size, not shown size).
 */
export interface JpegHeader {
  width: number;
  height: number;
  components: number;
  progressive: boolean;
}

export function jpegHeader(b: Uint8Array): JpegHeader | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) return null;
    const marker = b[o + 1];
    if (marker === 0xff) { o++; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { o += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return null; // end / scan before any frame header
    const len = (b[o + 2] << 8) | b[o + 3];
    if (len < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (o + 10 > b.length) return null;
      return {
        height: (b[o + 5] << 8) | b[o + 6],
        width: (b[o + 7] << 8) | b[o + 8],
        components: b[o + 9],
        progressive: marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce,
      };
    }
    o += 2 + len;
  }
  return null;
}

/** True when the bytes end with the JPEG end-of-image marker (allowing trailing zero padding). */
export function jpegComplete(b: Uint8Array): boolean {
  let e = b.length;
  while (e > 2 && b[e - 1] === 0) e--;
  return e >= 4 && b[e - 2] === 0xff && b[e - 1] === 0xd9;
}

/**
 * Stored pixel size of a picture read from its header, without decoding (PNG IHDR, JPEG frame header, WebP, GIF,
 * BMP, HEIC/AVIF `ispe`); null when the header does not say. Used to refuse decompression bombs before decoding.
 */
export function imageSize(head: Uint8Array, kind: FileKind): { width: number; height: number } | null {
  let w: number | null = null;
  let h: number | null = null;
  switch (kind) {
    case 'jpeg': { const j = jpegHeader(head); if (j) { w = j.width; h = j.height; } break; }
    case 'png': ({ width: w, height: h } = pngFacts(head)); break;
    case 'webp': ({ width: w, height: h } = webpFacts(head)); break;
    case 'gif': ({ width: w, height: h } = gifFacts(head)); break;
    case 'bmp': ({ width: w, height: h } = bmpFacts(head)); break;
    case 'heic': case 'avif': ({ width: w, height: h } = heicFacts(head)); break;
    default: return null;
  }
  return w && h ? { width: w, height: Math.abs(h) } : null;
}
