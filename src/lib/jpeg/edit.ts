/**
 * Byte-level edits for the photo fixer. Each returns a NEW array; the input is never modified.
 *
 * NOTE what is not handled: `stripMetadata` keeps an Adobe APP14 segment (it carries the colour transform that
 * decoders need for RGB/CMYK files and no personal data); EXIF orientation is dropped with the EXIF block, so
 * strip only pixels that are already upright. Files without EOI are copied to their end.
 */
import { hasAscii } from './bytes.ts';
import { JpegParseError } from './errors.ts';
import { ADOBE_ID, JFIF_ID, JFIF_PAYLOAD_LENGTH, JFIF_UNITS_OFFSET, JFIF_XDENSITY_OFFSET, JFIF_YDENSITY_OFFSET } from './jpeg-facts.ts';
import { APP0, APP14, APP15, COM, SOI, walkJpeg, type JpegWalk } from './markers.ts';

/** The JFIF density unit written by `setJfifDensity`: dots per inch. */
export const JFIF_UNITS_DPI = 1;

function walkOrThrow(bytes: Uint8Array, headerOnly = false): JpegWalk {
  const walk = walkJpeg(bytes, headerOnly);
  if (walk.problem === 'not-jpeg') throw new JpegParseError('not-jpeg', 'not a JPEG: no SOI marker at offset 0', 0);
  return walk;
}

function checkDensity(v: number, axis: string): void {
  if (!Number.isInteger(v) || v < 1 || v > 0xffff) {
    throw new JpegParseError('bad-argument', `JFIF ${axis} density must be a whole number 1..65535, got ${v}`);
  }
}

/**
 * Set the JFIF density to `dpiX`×`dpiY` dots per inch. When the file has a JFIF APP0 its units and X/Y density are
 * patched in place (same length); otherwise a 16-byte JFIF 1.01 APP0 is inserted right after SOI (18 bytes longer).
 * Throws `JpegParseError` when the bytes are not a JPEG or a density is not a whole number 1..65535.
 */
export function setJfifDensity(bytes: Uint8Array, dpiX = 300, dpiY = 300): Uint8Array {
  checkDensity(dpiX, 'X');
  checkDensity(dpiY, 'Y');
  const walk = walkOrThrow(bytes, true); // JFIF APP0 precedes the image data
  const jfif = walk.segments.find(
    (s) => s.marker === APP0 && s.end - s.dataStart >= JFIF_YDENSITY_OFFSET + 2 && hasAscii(bytes, s.dataStart, JFIF_ID),
  );
  if (jfif) {
    const out = bytes.slice();
    const d = jfif.dataStart;
    out[d + JFIF_UNITS_OFFSET] = JFIF_UNITS_DPI;
    out[d + JFIF_XDENSITY_OFFSET] = dpiX >> 8;
    out[d + JFIF_XDENSITY_OFFSET + 1] = dpiX & 0xff;
    out[d + JFIF_YDENSITY_OFFSET] = dpiY >> 8;
    out[d + JFIF_YDENSITY_OFFSET + 1] = dpiY & 0xff;
    return out;
  }
  const len = JFIF_PAYLOAD_LENGTH + 2;
  const app0 = [
    0xff, APP0, len >> 8, len & 0xff,
    0x4a, 0x46, 0x49, 0x46, 0x00, // 'JFIF\0'
    1, 1, // version 1.01
    JFIF_UNITS_DPI,
    dpiX >> 8, dpiX & 0xff,
    dpiY >> 8, dpiY & 0xff,
    0, 0, // no thumbnail
  ];
  const out = new Uint8Array(bytes.length + app0.length);
  out.set(bytes.subarray(0, 2), 0);
  out.set(app0, 2);
  out.set(bytes.subarray(2), 2 + app0.length);
  return out;
}

/** Is this segment metadata that `stripMetadata` removes? (every APPn but JFIF APP0 and Adobe APP14, and COM) */
function isStrippable(bytes: Uint8Array, marker: number, dataStart: number): boolean {
  if (marker === COM) return true;
  if (marker < APP0 || marker > APP15) return false;
  if (marker === APP0 && hasAscii(bytes, dataStart, JFIF_ID)) return false;
  if (marker === APP14 && hasAscii(bytes, dataStart, ADOBE_ID)) return false;
  return true;
}

/**
 * A copy without EXIF, GPS, XMP, ICC, IPTC, comments and any other APPn (JFIF APP0 and Adobe APP14 stay). Every
 * other byte — tables, frame, scans with their entropy-coded data — is copied unchanged, in order; nothing after
 * EOI is kept. Throws `JpegParseError` when the bytes are not a JPEG.
 */
export function stripMetadata(bytes: Uint8Array): Uint8Array {
  const walk = walkOrThrow(bytes);
  const segs = walk.segments;
  const keep: [number, number][] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const next = i + 1 < segs.length ? segs[i + 1].offset : walk.end;
    if (s.marker !== SOI && isStrippable(bytes, s.marker, s.dataStart)) continue;
    const last = keep[keep.length - 1];
    if (last && last[1] === s.offset) last[1] = next;
    else keep.push([s.offset, next]);
  }
  let n = 0;
  for (const [a, b] of keep) n += b - a;
  const out = new Uint8Array(n);
  let o = 0;
  for (const [a, b] of keep) {
    out.set(bytes.subarray(a, b), o);
    o += b - a;
  }
  return out;
}
