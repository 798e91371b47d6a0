/**
 * Test-only builders for JPEG/TIFF/other headers, written from the specs (T.81 Annex B, TIFF 6.0, PNG, RIFF).
 * They share no code with src/lib/jpeg so the tests check the parser against an independent writer.
 */
import { STD_CHROMA_QUANT, STD_LUMA_QUANT, ZIGZAG, scaledQuantTable } from '../../../../src/lib/jpeg/tables.ts';

export { STD_CHROMA_QUANT, STD_LUMA_QUANT, scaledQuantTable };

export type Bytes = ArrayLike<number>;

export function concat(...parts: Bytes[]): Uint8Array {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p instanceof Uint8Array ? p : Array.from(p), o);
    o += p.length;
  }
  return out;
}

export const text = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
export const be16 = (v: number): number[] => [(v >> 8) & 255, v & 255];
export const le16 = (v: number): number[] => [v & 255, (v >> 8) & 255];
export const be32 = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
export const le32 = (v: number): number[] => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];

/** A marker segment: FF, marker, 2-byte length (payload + 2), payload. */
export function seg(marker: number, payload: Bytes): number[] {
  return [0xff, marker, ...be16(payload.length + 2), ...Array.from(payload)];
}

export function jfifApp0(units: number, x: number, y: number): number[] {
  return seg(0xe0, [...text('JFIF\0'), 1, 1, units, ...be16(x), ...be16(y), 0, 0]);
}

/** DQT with one table given in NATURAL order (written in zig-zag order, as the standard requires). */
export function dqt(id: number, natural: Bytes, precision: 8 | 16 = 8): number[] {
  const body: number[] = [((precision === 16 ? 1 : 0) << 4) | id];
  for (let k = 0; k < 64; k++) {
    const v = natural[ZIGZAG[k]];
    if (precision === 16) body.push(...be16(v));
    else body.push(v);
  }
  return seg(0xdb, body);
}

export interface FrameSpec {
  marker?: number;
  width: number;
  height: number;
  precision?: number;
  /** [id, hv, tq] per component. */
  components?: [number, number, number][];
}

export function sof(f: FrameSpec): number[] {
  const comps = f.components ?? [[1, 0x22, 0], [2, 0x11, 1], [3, 0x11, 1]];
  return seg(f.marker ?? 0xc0, [f.precision ?? 8, ...be16(f.height), ...be16(f.width), comps.length, ...comps.flat()]);
}

export function sos(ids: number[]): number[] {
  return seg(0xda, [ids.length, ...ids.flatMap((id, i) => [id, i === 0 ? 0x00 : 0x11]), 0, 63, 0]);
}

/** Entropy-coded-looking data: pseudo-random bytes with every 0xFF stuffed, a restart marker, fill bytes at the end. */
export function entropy(n: number, seed = 1): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const v = (s >>> 16) & 255;
    out.push(v);
    if (v === 0xff) out.push(0x00);
    if (i === n >> 1) out.push(0xff, 0xd3); // RST3 in the middle
  }
  out.push(0xff, 0xff); // fill bytes before the next marker
  return out;
}

export interface MiniJpeg {
  frame?: FrameSpec;
  /** Segments placed after SOI (APPn, COM …). */
  head?: number[][];
  luma?: Bytes;
  chroma?: Bytes | null;
  precision?: 8 | 16;
  /** Scans (progressive files have several). */
  scans?: number;
  tail?: Bytes;
  withEoi?: boolean;
}

/** A structurally complete JPEG (not decodable pixels: the walker never decodes). */
export function miniJpeg(o: MiniJpeg = {}): Uint8Array {
  const frame = o.frame ?? { width: 480, height: 640 };
  const nComp = frame.components?.length ?? 3;
  const parts: number[][] = [[0xff, 0xd8], ...(o.head ?? [jfifApp0(1, 300, 300)])];
  parts.push(dqt(0, o.luma ?? scaledQuantTable(STD_LUMA_QUANT, 75), o.precision ?? 8));
  if (o.chroma !== null && nComp > 1) parts.push(dqt(1, o.chroma ?? scaledQuantTable(STD_CHROMA_QUANT, 75), o.precision ?? 8));
  parts.push(sof(frame));
  for (let s = 0; s < (o.scans ?? 1); s++) {
    if (s > 0) parts.push(seg(0xc4, [0x10, ...new Array(16).fill(0)])); // a DHT between scans
    parts.push(sos(nComp === 1 ? [1] : [1, 2, 3]), entropy(200 + s, s + 1));
  }
  if (o.withEoi !== false) parts.push([0xff, 0xd9]);
  if (o.tail) parts.push(Array.from(o.tail));
  return concat(...parts);
}

// ---- TIFF / EXIF ---------------------------------------------------------------------------------------------

export interface TiffEntry {
  tag: number;
  /** 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL (value = [num, den, …]). */
  type: 2 | 3 | 4 | 5;
  value: number[] | string;
}

const SIZE = { 2: 1, 3: 2, 4: 4, 5: 8 } as const;

/** A TIFF structure with IFD0 and optional Exif and GPS sub-IFDs (pointers 0x8769 / 0x8825 added here). */
export function tiff(little: boolean, ifd0: TiffEntry[], exif?: TiffEntry[], gps?: TiffEntry[]): Uint8Array {
  const w16 = little ? le16 : be16;
  const w32 = little ? le32 : be32;
  const ifdSize = (n: number) => 2 + 12 * n + 4;
  const zero: TiffEntry[] = [];
  const e0 = [...ifd0];
  if (exif) e0.push({ tag: 0x8769, type: 4, value: [0] });
  if (gps) e0.push({ tag: 0x8825, type: 4, value: [0] });
  const ifds = [e0, exif ?? zero, gps ?? zero].map((l) => [...l].sort((a, b) => a.tag - b.tag));
  const off0 = 8;
  const offExif = off0 + ifdSize(ifds[0].length);
  const offGps = offExif + (exif ? ifdSize(ifds[1].length) : 0);
  let dataAt = offGps + (gps ? ifdSize(ifds[2].length) : 0);
  for (const e of ifds[0]) {
    if (e.tag === 0x8769) e.value = [offExif];
    if (e.tag === 0x8825) e.value = [offGps];
  }
  const data: number[] = [];
  const encode = (e: TiffEntry): { count: number; bytes: number[] } => {
    if (e.type === 2) {
      const s = String(e.value) + '\0';
      return { count: s.length, bytes: text(s) };
    }
    const v = e.value as number[];
    if (e.type === 3) return { count: v.length, bytes: v.flatMap(w16) };
    if (e.type === 4) return { count: v.length, bytes: v.flatMap(w32) };
    return { count: v.length / 2, bytes: v.flatMap(w32) };
  };
  const writeIfd = (entries: TiffEntry[]): number[] => {
    const out = [...w16(entries.length)];
    for (const e of entries) {
      const { count, bytes } = encode(e);
      out.push(...w16(e.tag), ...w16(e.type), ...w32(count));
      if (count * SIZE[e.type] <= 4) out.push(...bytes, ...new Array(4 - bytes.length).fill(0));
      else {
        out.push(...w32(dataAt));
        data.push(...bytes);
        dataAt += bytes.length;
      }
    }
    out.push(...w32(0));
    return out;
  };
  const header = [...(little ? text('II') : text('MM')), ...w16(42), ...w32(off0)];
  const body = [writeIfd(ifds[0]), exif ? writeIfd(ifds[1]) : [], gps ? writeIfd(ifds[2]) : []];
  return concat(header, ...body, data);
}

export function exifApp1(t: Uint8Array): number[] {
  return seg(0xe1, [...text('Exif\0\0'), ...Array.from(t)]);
}

// ---- other formats -------------------------------------------------------------------------------------------

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();

export function pngChunk(type: string, data: Bytes): number[] {
  const td = [...text(type), ...Array.from(data)];
  let c = 0xffffffff;
  for (const b of td) c = CRC[(c ^ b) & 255] ^ (c >>> 8);
  return [...be32(data.length), ...td, ...be32((c ^ 0xffffffff) >>> 0)];
}

export const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function png(width: number, height: number, extra: number[][] = [], colorType = 2, depth = 8): Uint8Array {
  return concat(
    PNG_SIG,
    pngChunk('IHDR', [...be32(width), ...be32(height), depth, colorType, 0, 0, 0]),
    ...extra,
    pngChunk('IDAT', [0x78, 0x9c, 3, 0, 0, 0, 0, 1]),
    pngChunk('IEND', []),
  );
}

export function riff(form: string, chunks: number[][]): Uint8Array {
  const body = chunks.flat();
  return concat(text('RIFF'), le32(4 + body.length), text(form), body);
}

export function riffChunk(fourcc: string, data: Bytes): number[] {
  const d = Array.from(data);
  return [...text(fourcc), ...le32(d.length), ...d, ...(d.length & 1 ? [0] : [])];
}

export function box(type: string, payload: Bytes): number[] {
  return [...be32(8 + payload.length), ...text(type), ...Array.from(payload)];
}
