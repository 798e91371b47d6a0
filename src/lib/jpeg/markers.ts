/**
 * JPEG marker walking (ITU-T T.81 Annex B): segments, fill bytes, standalone markers, entropy-coded data.
 *
 * NOTE what is not handled: hierarchical (DHP/EXP) files are walked but their frames are not interpreted; JPEG-LS
 * (SOF55) and arithmetic-coded frames are reported by their SOF type only; DNL (a height given after the first
 * scan) is read when it is present. The walker never decodes pixels.
 *
 * Every loop advances by at least one byte and stops at the end of the array, so any input terminates in O(n).
 */
import { u16be, u8 } from './bytes.ts';

// Start/end of image and stand-alone markers (no length field).
export const SOI = 0xd8;
export const EOI = 0xd9;
export const TEM = 0x01;
export const RST0 = 0xd0;
export const RST7 = 0xd7;
// Segments with a 2-byte length.
export const SOF0 = 0xc0; // baseline DCT
export const SOF1 = 0xc1; // extended sequential DCT
export const SOF2 = 0xc2; // progressive DCT
export const SOF3 = 0xc3; // lossless
export const DHT = 0xc4;
export const JPG = 0xc8;
export const DAC = 0xcc;
export const SOS = 0xda;
export const DQT = 0xdb;
export const DNL = 0xdc;
export const DRI = 0xdd;
export const DHP = 0xde;
export const EXP = 0xdf;
export const APP0 = 0xe0;
export const APP1 = 0xe1;
export const APP2 = 0xe2;
export const APP13 = 0xed;
export const APP14 = 0xee;
export const APP15 = 0xef;
export const COM = 0xfe;
export const JPEG_LS_SOF55 = 0xf7;

/** Structural problems the walker reports (the `problem` of FileFacts for JPEG files). */
export type JpegProblem =
  | 'not-jpeg' // no SOI at offset 0
  | 'truncated' // the file ends inside a segment or inside entropy-coded data (no EOI)
  | 'bad-marker' // something other than a marker where a marker must be
  | 'bad-length' // a segment length below 2
  | 'no-frame' // no SOFn before the first scan / end
  | 'no-scan' // EOI before any SOS
  | 'bad-frame'; // an SOF segment too short for its component count, or zero width/components

export function isSof(m: number): boolean {
  return (m >= 0xc0 && m <= 0xcf && m !== DHT && m !== JPG && m !== DAC) || m === JPEG_LS_SOF55;
}

export function isRst(m: number): boolean {
  return m >= RST0 && m <= RST7;
}

/** Markers that carry no length field. */
export function isStandalone(m: number): boolean {
  return m === SOI || m === EOI || m === TEM || isRst(m);
}

export interface JpegSegment {
  /** The marker code (second byte, e.g. 0xE1 for APP1). */
  marker: number;
  /** Offset of the 0xFF that starts the marker (after any fill bytes). */
  offset: number;
  /** First byte of the payload (after the 2-byte length); equals `end` for stand-alone markers. */
  dataStart: number;
  /** One past the last byte of the segment (for SOS: of its header, not of the entropy-coded data). */
  end: number;
}

export interface JpegWalk {
  segments: JpegSegment[];
  /** One past the last entropy-coded byte of each scan (parallel to the SOS segments). */
  scanEnds: number[];
  /** Offset of the EOI marker's 0xFF, or null when the file has none. */
  eoiOffset: number | null;
  /** One past EOI (where trailing bytes start), or the array length when there is no EOI. */
  end: number;
  problem: JpegProblem | null;
  /** Offset of the problem, when there is one. */
  problemAt: number | null;
}

/**
 * From `start` (the first byte after an SOS header), the offset where the entropy-coded data ends: the first 0xFF
 * of the marker that follows it (fill bytes included), skipping stuffed 0xFF00 and RSTn; -1 when the data runs
 * to the end of the array.
 */
export function scanEntropyData(b: Uint8Array, start: number): number {
  let i = start;
  const n = b.length;
  while (i < n) {
    const ff = b.indexOf(0xff, i);
    if (ff < 0) return -1;
    let j = ff + 1;
    while (j < n && b[j] === 0xff) j++; // fill bytes before a marker
    if (j >= n) return -1;
    const m = b[j];
    if (m === 0x00 || isRst(m)) {
      i = j + 1;
      continue;
    }
    return ff;
  }
  return -1;
}

/**
 * Walk every segment of a JPEG. Never throws; damage is reported in `problem`. With `headerOnly` the walk stops
 * at the first SOS (everything before the image data: APPn, tables, frame) — `eoiOffset` is then null and `end`
 * is the end of that SOS header.
 */
export function walkJpeg(b: Uint8Array, headerOnly = false): JpegWalk {
  const segments: JpegSegment[] = [];
  const scanEnds: number[] = [];
  const n = b.length;
  // Extraneous bytes between segments are skipped (as libjpeg does) and reported as 'bad-marker' unless a worse
  // problem (truncation …) ends the walk.
  let skipped: number | null = null;
  const out = (problem: JpegProblem | null, at: number | null, eoi: number | null, end: number): JpegWalk =>
    problem === null && skipped !== null
      ? { segments, scanEnds, eoiOffset: eoi, end, problem: 'bad-marker', problemAt: skipped }
      : { segments, scanEnds, eoiOffset: eoi, end, problem, problemAt: at };
  if (n < 2 || b[0] !== 0xff || b[1] !== SOI) return out('not-jpeg', 0, null, n);
  segments.push({ marker: SOI, offset: 0, dataStart: 2, end: 2 });
  let pos = 2;
  let sawFrame = false;
  let sawScan = false;
  while (pos < n) {
    if (b[pos] !== 0xff) {
      skipped ??= pos;
      const ff = b.indexOf(0xff, pos);
      if (ff < 0) return out('truncated', n, null, n);
      pos = ff;
    }
    let p = pos + 1;
    while (p < n && b[p] === 0xff) p++; // fill bytes
    if (p >= n) return out('truncated', pos, null, n);
    const marker = b[p];
    const offset = p - 1;
    if (marker === 0x00) {
      // 0xFF00 outside a scan: extraneous bytes too
      skipped ??= offset;
      pos = p + 1;
      continue;
    }
    if (marker === EOI) {
      segments.push({ marker, offset, dataStart: p + 1, end: p + 1 });
      if (!sawFrame) return out('no-frame', offset, offset, p + 1);
      if (!sawScan) return out('no-scan', offset, offset, p + 1);
      return out(null, null, offset, p + 1);
    }
    if (isStandalone(marker)) {
      // A stray RSTn/TEM between segments is harmless; a second SOI is not.
      if (marker === SOI) return out('bad-marker', offset, null, n);
      segments.push({ marker, offset, dataStart: p + 1, end: p + 1 });
      pos = p + 1;
      continue;
    }
    if (p + 2 >= n) return out('truncated', offset, null, n);
    const len = u16be(b, p + 1);
    if (len < 2) return out('bad-length', offset, null, n);
    const dataStart = p + 3;
    const end = p + 1 + len;
    if (end > n) {
      segments.push({ marker, offset, dataStart, end: n });
      return out('truncated', offset, null, n);
    }
    segments.push({ marker, offset, dataStart, end });
    if (isSof(marker)) sawFrame = true;
    if (marker === SOS) {
      if (!sawFrame) return out('no-frame', offset, null, n);
      if (headerOnly) return out(null, null, null, end);
      sawScan = true;
      const next = scanEntropyData(b, end);
      if (next < 0) {
        scanEnds.push(n);
        return out('truncated', n, null, n);
      }
      scanEnds.push(next);
      pos = next;
      continue;
    }
    pos = end;
  }
  return out('truncated', n, null, n);
}

/** Offset of the real EOI marker (after the entropy-coded data), or null when there is none. */
export function eoiOffset(b: Uint8Array): number | null {
  return walkJpeg(b).eoiOffset;
}

/**
 * One past the last entropy-coded byte of the last scan (normally the offset of the EOI marker, or of the fill
 * bytes before it); the array length when the data runs to the end; null when the file has no scan at all.
 */
export function entropyEnd(b: Uint8Array): number | null {
  const ends = walkJpeg(b).scanEnds;
  return ends.length ? ends[ends.length - 1] : null;
}

/** One past EOI — where trailing bytes begin; the array length when there is no EOI. */
export function imageEnd(b: Uint8Array): number {
  return walkJpeg(b).end;
}

export interface SofInfo {
  marker: number;
  precision: number;
  height: number;
  width: number;
  components: { id: number; h: number; v: number; tq: number }[];
  progressive: boolean;
}

/** Parse an SOFn payload; null when it is too short. */
export function parseSof(b: Uint8Array, seg: JpegSegment): SofInfo | null {
  const d = seg.dataStart;
  if (seg.end - d < 6) return null;
  const nc = u8(b, d + 5);
  if (seg.end - d < 6 + 3 * nc) return null;
  const components = [];
  for (let i = 0; i < nc; i++) {
    const o = d + 6 + 3 * i;
    components.push({ id: u8(b, o), h: u8(b, o + 1) >> 4, v: u8(b, o + 1) & 15, tq: u8(b, o + 2) });
  }
  const m = seg.marker;
  return {
    marker: m,
    precision: u8(b, d),
    height: u16be(b, d + 1),
    width: u16be(b, d + 3),
    components,
    progressive: m === SOF2 || m === 0xc6 || m === 0xca || m === 0xce,
  };
}

export interface QuantTable {
  /** Destination id 0..3. */
  id: number;
  /** 8 or 16 bits per entry. */
  precision: 8 | 16;
  /** 64 entries in NATURAL (row-major) order. */
  values: Uint16Array;
}

/** ZIGZAG[k] = natural (row-major) index of the k-th coefficient in zig-zag order. */
export const ZIGZAG: readonly number[] = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
  12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
  58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** Parse every table of one DQT payload (a DQT segment may hold several). Incomplete tables are dropped. */
export function parseDqt(b: Uint8Array, seg: JpegSegment): QuantTable[] {
  const tables: QuantTable[] = [];
  let o = seg.dataStart;
  while (o < seg.end) {
    const pq = u8(b, o) >> 4;
    const id = u8(b, o) & 15;
    const size = pq ? 128 : 64;
    if (o + 1 + size > seg.end || pq > 1) break;
    const values = new Uint16Array(64);
    for (let k = 0; k < 64; k++) values[ZIGZAG[k]] = pq ? u16be(b, o + 1 + 2 * k) : u8(b, o + 1 + k);
    tables.push({ id, precision: pq ? 16 : 8, values });
    o += 1 + size;
  }
  return tables;
}
