/**
 * EXIF (a TIFF structure) — just the fields the photo check needs: Orientation, X/YResolution + ResolutionUnit
 * (IFD0), DateTimeOriginal (Exif sub-IFD) and whether a GPS IFD is present.
 *
 * NOTE what is not handled: IFD1 (the thumbnail) and MakerNotes are never followed; SubSecTimeOriginal and
 * OffsetTimeOriginal are ignored (the date has no zone); a value that points outside the block is treated as
 * absent. Bad input never throws: every read is bounds-checked and a damaged block yields nulls.
 */
import { u16be, u16le, u32be, u32le, u8, hasAscii, ascii } from './bytes.ts';

export const EXIF_HEADER = 'Exif\0\0';

// TIFF tags
export const TAG_IMAGE_WIDTH = 0x0100;
export const TAG_IMAGE_LENGTH = 0x0101;
export const TAG_ORIENTATION = 0x0112;
export const TAG_X_RESOLUTION = 0x011a;
export const TAG_Y_RESOLUTION = 0x011b;
export const TAG_RESOLUTION_UNIT = 0x0128;
export const TAG_EXIF_IFD = 0x8769;
export const TAG_GPS_IFD = 0x8825;
export const TAG_DATE_TIME_ORIGINAL = 0x9003;

// TIFF field types
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const ASCII = 2;

/** ResolutionUnit values. */
export const RES_UNIT_NONE = 1;
export const RES_UNIT_INCH = 2;
export const RES_UNIT_CM = 3;

/** More entries than this in one IFD means the block is garbage. */
const MAX_IFD_ENTRIES = 1024;

export interface ExifFacts {
  /** 1..8, null when absent or out of range. */
  orientation: number | null;
  /** Resolution in dpi (cm converted), null when absent, zero, or the unit is 'none'. */
  dpi: [number, number] | null;
  /** 'YYYY-MM-DDTHH:MM:SS', null when absent or malformed. */
  dateTimeOriginal: string | null;
  /** A GPS IFD pointer with a readable, non-empty IFD. */
  gps: boolean;
  /** False when the TIFF header itself is broken. */
  valid: boolean;
  /** IFD0 ImageWidth / ImageLength (set in TIFF files, usually absent in JPEG EXIF); null when absent. */
  imageWidth?: number | null;
  imageHeight?: number | null;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset (within the TIFF block) of the value bytes. */
  valueAt: number;
}

class TiffReader {
  constructor(
    readonly b: Uint8Array,
    readonly base: number,
    readonly end: number,
    readonly little: boolean,
  ) {}

  u16(o: number): number {
    return this.little ? u16le(this.b, this.base + o) : u16be(this.b, this.base + o);
  }

  u32(o: number): number {
    return this.little ? u32le(this.b, this.base + o) : u32be(this.b, this.base + o);
  }

  fits(o: number, len: number): boolean {
    return o >= 0 && len >= 0 && this.base + o + len <= this.end;
  }

  /** The entries of the IFD at `o`, or null when it does not fit. */
  ifd(o: number): Entry[] | null {
    if (!this.fits(o, 2)) return null;
    const count = this.u16(o);
    if (count > MAX_IFD_ENTRIES || !this.fits(o + 2, count * 12)) return null;
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const e = o + 2 + i * 12;
      const type = this.u16(e + 2);
      const cnt = this.u32(e + 4);
      const size = (TYPE_SIZE[type] ?? 0) * cnt;
      const valueAt = size <= 4 ? e + 8 : this.u32(e + 8);
      entries.push({ tag: this.u16(e), type, count: cnt, valueAt });
    }
    return entries;
  }

  /** First value of a SHORT or LONG entry. */
  int(e: Entry | undefined): number | null {
    if (!e || e.count < 1) return null;
    if (e.type === SHORT && this.fits(e.valueAt, 2)) return this.u16(e.valueAt);
    if (e.type === LONG && this.fits(e.valueAt, 4)) return this.u32(e.valueAt);
    return null;
  }

  rational(e: Entry | undefined): number | null {
    if (!e || e.count < 1) return null;
    if (e.type === RATIONAL && this.fits(e.valueAt, 8)) {
      const den = this.u32(e.valueAt + 4);
      return den === 0 ? null : this.u32(e.valueAt) / den;
    }
    const i = this.int(e);
    return i;
  }

  text(e: Entry | undefined): string | null {
    if (!e || e.type !== ASCII || e.count < 1 || e.count > 256 || !this.fits(e.valueAt, e.count)) return null;
    const s = ascii(this.b, this.base + e.valueAt, e.count);
    const z = s.indexOf('\0');
    return z >= 0 ? s.slice(0, z) : s;
  }
}

const NONE: ExifFacts = { orientation: null, dpi: null, dateTimeOriginal: null, gps: false, valid: false };

/** EXIF 'YYYY:MM:DD HH:MM:SS' → 'YYYY-MM-DDTHH:MM:SS'; null for blanks ('    :  :  ') and malformed dates. */
export function exifDate(s: string | null): string | null {
  if (!s) return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 24 || +mi > 59 || +se > 60) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${se}`;
}

/** Round a dpi value to 1/100 (dots per cm × 2.54 is rarely whole). */
function roundDpi(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Parse a TIFF-structured EXIF block: `b[start..end)` begins with 'II*\0' or 'MM\0*' (for a JPEG APP1 pass the
 * offset after 'Exif\0\0'; for a PNG eXIf chunk, its data).
 */
export function parseTiffExif(b: Uint8Array, start = 0, end = b.length): ExifFacts {
  end = Math.min(end, b.length);
  if (start < 0 || end - start < 8) return NONE;
  let little: boolean;
  if (u8(b, start) === 0x49 && u8(b, start + 1) === 0x49) little = true;
  else if (u8(b, start) === 0x4d && u8(b, start + 1) === 0x4d) little = false;
  else return NONE;
  const r = new TiffReader(b, start, end, little);
  if (r.u16(2) !== 42) return NONE;
  const ifd0 = r.ifd(r.u32(4));
  if (!ifd0) return NONE;
  const find = (list: Entry[] | null, tag: number) => list?.find((e) => e.tag === tag);

  const o = r.int(find(ifd0, TAG_ORIENTATION));
  const orientation = o !== null && o >= 1 && o <= 8 ? o : null;

  let dpi: [number, number] | null = null;
  const xr = r.rational(find(ifd0, TAG_X_RESOLUTION));
  const yr = r.rational(find(ifd0, TAG_Y_RESOLUTION));
  const unit = r.int(find(ifd0, TAG_RESOLUTION_UNIT)) ?? RES_UNIT_INCH; // TIFF default is inch
  if (xr !== null && xr > 0 && (unit === RES_UNIT_INCH || unit === RES_UNIT_CM)) {
    const y = yr !== null && yr > 0 ? yr : xr;
    const f = unit === RES_UNIT_CM ? 2.54 : 1;
    const d: [number, number] = [roundDpi(xr * f), roundDpi(y * f)];
    if (d[0] > 0 && d[1] > 0) dpi = d; // a resolution that rounds to 0 dpi is no resolution
  }

  let dateTimeOriginal: string | null = null;
  const exifPtr = r.int(find(ifd0, TAG_EXIF_IFD));
  if (exifPtr !== null) dateTimeOriginal = exifDate(r.text(find(r.ifd(exifPtr), TAG_DATE_TIME_ORIGINAL)));

  const gpsPtr = r.int(find(ifd0, TAG_GPS_IFD));
  const gpsIfd = gpsPtr !== null ? r.ifd(gpsPtr) : null;
  return {
    orientation, dpi, dateTimeOriginal, gps: !!gpsIfd && gpsIfd.length > 0, valid: true,
    imageWidth: r.int(find(ifd0, TAG_IMAGE_WIDTH)), imageHeight: r.int(find(ifd0, TAG_IMAGE_LENGTH)),
  };
}

/** Parse a JPEG APP1 payload `b[start..end)` that begins with 'Exif\0\0' (some writers use 'Exif\0\xff'). */
export function parseExifApp1(b: Uint8Array, start: number, end: number): ExifFacts {
  if (!hasAscii(b, start, 'Exif') || end - start < 6) return NONE;
  return parseTiffExif(b, start + 6, end);
}
