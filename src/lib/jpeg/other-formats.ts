/**
 * Header facts of the non-JPEG formats a candidate may upload instead of a JPEG: PNG, WebP, GIF, BMP, HEIC/AVIF.
 * Only what the checker reports (size, depth, density, orientation, metadata) — no decoding.
 *
 * NOTE what is not handled: animated GIF/WebP/APNG report the canvas size; PNG text chunks are reported as
 * 'comment' without reading them; HEIC size is the largest `ispe` (the primary item is not resolved through
 * `pitm`/`ipma`, and `irot`/`imir` are ignored); TIFF reads IFD0 only (the first page; BigTIFF gives nothing).
 */
import { ascii, hasAscii, u16le, u24le, u32be, u32le, u8 } from './bytes.ts';
import { parseTiffExif } from './exif.ts';

export interface HeaderFacts {
  width: number | null;
  height: number | null;
  components: number | null;
  bitsPerSample: number | null;
  dpi: [number, number] | null;
  orientation: number | null;
  dateTimeOriginal: string | null;
  colorSpace: 'rgb' | 'gray' | null;
  metadata: string[];
  problem: 'truncated' | 'bad-chunk' | null;
}

function empty(): HeaderFacts {
  return {
    width: null, height: null, components: null, bitsPerSample: null, dpi: null, orientation: null,
    dateTimeOriginal: null, colorSpace: null, metadata: [], problem: null,
  };
}

function addMeta(f: HeaderFacts, m: string) {
  if (!f.metadata.includes(m)) f.metadata.push(m);
}

const METRES_PER_INCH = 0.0254;
/** PNG colour type → samples per pixel. */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Stop walking chunks/boxes after this many (a valid file has far fewer before the data we need). */
const MAX_CHUNKS = 100_000;

export function pngFacts(b: Uint8Array): HeaderFacts {
  const f = empty();
  let pos = 8;
  let sawEnd = false;
  for (let i = 0; i < MAX_CHUNKS && pos + 8 <= b.length; i++) {
    const len = u32be(b, pos);
    const type = ascii(b, pos + 4, 4);
    const d = pos + 8;
    if (len > 0x7fffffff || d + len + 4 > b.length) {
      f.problem = 'truncated';
      break;
    }
    if (i === 0 && type !== 'IHDR') f.problem = 'bad-chunk';
    if (type === 'IHDR' && len >= 13) {
      f.width = u32be(b, d);
      f.height = u32be(b, d + 4);
      f.bitsPerSample = u8(b, d + 8);
      const ct = u8(b, d + 9);
      f.components = PNG_CHANNELS[ct] ?? null;
      f.colorSpace = ct === 0 || ct === 4 ? 'gray' : ct in PNG_CHANNELS ? 'rgb' : null;
    } else if (type === 'pHYs' && len >= 9) {
      const x = u32be(b, d);
      const y = u32be(b, d + 4);
      if (u8(b, d + 8) === 1 && x > 0 && y > 0) {
        f.dpi = [Math.round(x * METRES_PER_INCH * 100) / 100, Math.round(y * METRES_PER_INCH * 100) / 100];
      }
    } else if (type === 'eXIf') {
      addMeta(f, 'exif');
      const ex = parseTiffExif(b, d, d + len);
      f.orientation = ex.orientation;
      f.dateTimeOriginal = ex.dateTimeOriginal;
      if (ex.gps) addMeta(f, 'gps');
    } else if (type === 'iCCP') addMeta(f, 'icc');
    else if (type === 'iTXt' && hasAscii(b, d, 'XML:com.adobe.xmp\0')) addMeta(f, 'xmp');
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') addMeta(f, 'comment');
    else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    pos = d + len + 4;
  }
  if (!sawEnd && f.problem === null) f.problem = 'truncated';
  return f;
}

export function webpFacts(b: Uint8Array): HeaderFacts {
  const f = empty();
  let pos = 12;
  for (let i = 0; i < MAX_CHUNKS && pos + 8 <= b.length; i++) {
    const fourcc = ascii(b, pos, 4);
    const len = u32le(b, pos + 4);
    const d = pos + 8;
    if (fourcc === 'VP8X' && len >= 10) {
      f.width = u24le(b, d + 4) + 1;
      f.height = u24le(b, d + 7) + 1;
    } else if (fourcc === 'VP8 ' && len >= 10 && f.width === null) {
      if (u8(b, d + 3) === 0x9d && u8(b, d + 4) === 0x01 && u8(b, d + 5) === 0x2a) {
        f.width = u16le(b, d + 6) & 0x3fff;
        f.height = u16le(b, d + 8) & 0x3fff;
        f.components = 3;
        f.bitsPerSample = 8;
        f.colorSpace = 'rgb';
      } else f.problem = 'bad-chunk';
    } else if (fourcc === 'VP8L' && len >= 5 && f.width === null) {
      if (u8(b, d) === 0x2f) {
        const bits = u32le(b, d + 1);
        f.width = (bits & 0x3fff) + 1;
        f.height = ((bits >>> 14) & 0x3fff) + 1;
        f.components = 4;
        f.bitsPerSample = 8;
        f.colorSpace = 'rgb';
      } else f.problem = 'bad-chunk';
    } else if (fourcc === 'EXIF') {
      addMeta(f, 'exif');
      // Some writers keep the JPEG 'Exif\0\0' prefix inside the chunk.
      const start = hasAscii(b, d, 'Exif') ? d + 6 : d;
      const ex = parseTiffExif(b, start, d + len);
      f.orientation = ex.orientation;
      f.dateTimeOriginal = ex.dateTimeOriginal;
      if (ex.gps) addMeta(f, 'gps');
    } else if (fourcc === 'XMP ') addMeta(f, 'xmp');
    else if (fourcc === 'ICCP') addMeta(f, 'icc');
    if (d + len > b.length) {
      f.problem ??= 'truncated';
      break;
    }
    pos = d + len + (len & 1);
  }
  if (f.width === null) f.problem ??= 'truncated';
  return f;
}

export function gifFacts(b: Uint8Array): HeaderFacts {
  const f = empty();
  if (b.length < 10) {
    f.problem = 'truncated';
    return f;
  }
  f.width = u16le(b, 6);
  f.height = u16le(b, 8);
  f.components = 3;
  f.bitsPerSample = 8;
  f.colorSpace = 'rgb';
  return f;
}

export function bmpFacts(b: Uint8Array): HeaderFacts {
  const f = empty();
  const dib = u32le(b, 14);
  if (dib === 12) {
    if (b.length < 26) f.problem = 'truncated';
    f.width = u16le(b, 18);
    f.height = u16le(b, 20);
    f.bitsPerSample = u16le(b, 24) || null;
  } else {
    if (b.length < 14 + Math.min(dib, 40)) f.problem = 'truncated';
    f.width = Math.abs(u32le(b, 18) | 0);
    f.height = Math.abs(u32le(b, 22) | 0); // negative = top-down rows
    f.bitsPerSample = u16le(b, 28) || null;
    if (dib >= 40) {
      const x = u32le(b, 38) | 0;
      const y = u32le(b, 42) | 0;
      if (x > 0 && y > 0) f.dpi = [Math.round(x * METRES_PER_INCH * 100) / 100, Math.round(y * METRES_PER_INCH * 100) / 100];
    }
  }
  f.colorSpace = 'rgb';
  return f;
}

/** ISO-BMFF boxes whose children we descend into on the way to `ispe` (meta is a full box: 4 extra bytes). */
const CONTAINERS: Record<string, number> = { meta: 4, iprp: 0, ipco: 0 };

export function heicFacts(b: Uint8Array): HeaderFacts {
  const f = empty();
  let best = 0;
  let boxes = 0;
  const walk = (start: number, end: number, depth: number) => {
    let pos = start;
    while (pos + 8 <= end && boxes++ < MAX_CHUNKS) {
      let size = u32be(b, pos);
      const type = ascii(b, pos + 4, 4);
      let header = 8;
      if (size === 1) {
        // 64-bit size: anything over 2^32 is beyond what we read anyway
        size = u32be(b, pos + 8) > 0 ? end - pos : u32be(b, pos + 12);
        header = 16;
      } else if (size === 0) size = end - pos;
      if (size < header) return;
      const boxEnd = Math.min(end, pos + size);
      if (type === 'ispe' && boxEnd - pos >= 20) {
        const w = u32be(b, pos + 12);
        const h = u32be(b, pos + 16);
        if (w * h > best) {
          best = w * h;
          f.width = w;
          f.height = h;
        }
      } else if (Object.hasOwn(CONTAINERS, type) && depth < 4) walk(pos + header + CONTAINERS[type], boxEnd, depth + 1);
      pos += size;
    }
  };
  walk(0, b.length, 0);
  return f;
}

/** TIFF: IFD0 size, orientation and resolution (the same reader as EXIF, which is a TIFF structure). */
export function tiffFacts(b: Uint8Array): HeaderFacts {
  const f = empty();
  const t = parseTiffExif(b);
  if (!t.valid) {
    f.problem = 'truncated';
    return f;
  }
  f.width = t.imageWidth ?? null;
  f.height = t.imageHeight ?? null;
  f.dpi = t.dpi;
  f.orientation = t.orientation;
  f.dateTimeOriginal = t.dateTimeOriginal;
  if (t.gps) addMeta(f, 'gps');
  return f;
}
