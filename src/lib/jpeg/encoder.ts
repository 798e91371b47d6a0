/**
 * A baseline (SOF0) JPEG encoder in pure TypeScript, written for the 480×640 photo the platform requires.
 *
 * - 3 components YCbCr (JFIF), 8-bit, Huffman, one interleaved scan, no restart markers.
 * - JFIF APP0 with the density written by the encoder (default units 1 = dots per inch, 300×300); no other
 *   APPn / COM segment, nothing after EOI.
 * - Quantisation: the IJG (Annex K) tables scaled by libjpeg's quality formula, so ImageMagick's `%Q` and any
 *   estimator that compares against the IJG tables report exactly the requested quality.
 * - Huffman: the standard Annex K tables, or optimised tables (two passes, still baseline: ≤ 16-bit codes).
 * - Chroma subsampling 4:2:0 (H2V2), 4:2:2 (H2V1) or 4:4:4 (H1V1).
 *
 * Speed: the colour conversion, downsampling and the (float AAN) DCT depend only on the pixels and the
 * subsampling, so `createJpegEncoder` does them once and caches the DCT coefficients; every `encode(q)` then only
 * quantises and entropy-codes. That is what makes a quality search cheap.
 */
import {
  STD_AC_CHROMA,
  STD_AC_LUMA,
  STD_CHROMA_QUANT,
  STD_DC_CHROMA,
  STD_DC_LUMA,
  STD_LUMA_QUANT,
  ZIGZAG,
  scaledQuantTable,
  type HuffmanSpec,
} from './tables.ts';

export type Subsampling = '4:2:0' | '4:2:2' | '4:4:4';

export interface JpegEncodeOptions {
  /** Whole-percent quality 1..100 (libjpeg scaling). */
  quality: number;
  /** Default '4:2:0'. */
  subsampling?: Subsampling;
  /** Optimised Huffman tables (smaller file, same pixels). Default false: the standard Annex K tables. */
  optimizeHuffman?: boolean;
  /** JFIF density in dots per inch, written in APP0 with units = 1. Default 300. */
  dpi?: number;
}

/** The encoder's input: RGBA pixels (`lib/image`), alpha composited over white. */
export type { RgbaImage } from '../image/raster.ts';
import { overWhite, type RgbaImage } from '../image/raster.ts';

export interface JpegEncoder {
  readonly width: number;
  readonly height: number;
  encode(opts: JpegEncodeOptions): Uint8Array;
}

const SAMPLING: Record<Subsampling, [number, number]> = {
  '4:2:0': [2, 2],
  '4:2:2': [2, 1],
  '4:4:4': [1, 1],
};

/** AAN scale factors: 1 for k = 0, cos(kπ/16)·√2 otherwise. */
const AAN = (() => {
  const a = new Float64Array(8);
  a[0] = 1;
  for (let k = 1; k < 8; k++) a[k] = Math.cos((k * Math.PI) / 16) * Math.SQRT2;
  return a;
})();

/**
 * In-place forward DCT of one 8×8 block (float AAN, as in the IJG float DCT). The result is the true 2-D DCT-II
 * (JPEG normalisation) multiplied by 8·AAN[u]·AAN[v]; the quantiser's divisors take that factor out.
 */
function fdct8x8(d: Float32Array, o: number): void {
  for (let p = o; p < o + 64; p += 8) {
    const t0 = d[p] + d[p + 7], t7 = d[p] - d[p + 7];
    const t1 = d[p + 1] + d[p + 6], t6 = d[p + 1] - d[p + 6];
    const t2 = d[p + 2] + d[p + 5], t5 = d[p + 2] - d[p + 5];
    const t3 = d[p + 3] + d[p + 4], t4 = d[p + 3] - d[p + 4];
    let a = t0 + t3, b = t0 - t3, c = t1 + t2, e = t1 - t2;
    d[p] = a + c;
    d[p + 4] = a - c;
    const z1 = (e + b) * 0.707106781;
    d[p + 2] = b + z1;
    d[p + 6] = b - z1;
    a = t4 + t5;
    c = t5 + t6;
    e = t6 + t7;
    const z5 = (a - e) * 0.382683433;
    const z2 = 0.5411961 * a + z5;
    const z4 = 1.306562965 * e + z5;
    const z3 = c * 0.707106781;
    const z11 = t7 + z3, z13 = t7 - z3;
    d[p + 5] = z13 + z2;
    d[p + 3] = z13 - z2;
    d[p + 1] = z11 + z4;
    d[p + 7] = z11 - z4;
  }
  for (let p = o; p < o + 8; p++) {
    const t0 = d[p] + d[p + 56], t7 = d[p] - d[p + 56];
    const t1 = d[p + 8] + d[p + 48], t6 = d[p + 8] - d[p + 48];
    const t2 = d[p + 16] + d[p + 40], t5 = d[p + 16] - d[p + 40];
    const t3 = d[p + 24] + d[p + 32], t4 = d[p + 24] - d[p + 32];
    let a = t0 + t3, b = t0 - t3, c = t1 + t2, e = t1 - t2;
    d[p] = a + c;
    d[p + 32] = a - c;
    const z1 = (e + b) * 0.707106781;
    d[p + 16] = b + z1;
    d[p + 48] = b - z1;
    a = t4 + t5;
    c = t5 + t6;
    e = t6 + t7;
    const z5 = (a - e) * 0.382683433;
    const z2 = 0.5411961 * a + z5;
    const z4 = 1.306562965 * e + z5;
    const z3 = c * 0.707106781;
    const z11 = t7 + z3, z13 = t7 - z3;
    d[p + 40] = z13 + z2;
    d[p + 24] = z13 - z2;
    d[p + 8] = z11 + z4;
    d[p + 56] = z11 - z4;
  }
}

/** DCT coefficients of all blocks of one subsampling, in the order the scan writes them. */
interface Prepared {
  subsampling: Subsampling;
  h: number;
  v: number;
  mcusX: number;
  mcusY: number;
  /** Per MCU: h·v luma blocks then Cb then Cr, 64 floats each. */
  coeffs: Float32Array;
  blocksPerMcu: number;
}

/** Colour-convert, level-shift, downsample and DCT the image for one subsampling. */
function prepare(img: RgbaImage, subsampling: Subsampling): Prepared {
  const { width: W, height: H, data } = img;
  const [h, v] = SAMPLING[subsampling];
  const mcuW = 8 * h, mcuH = 8 * v;
  const mcusX = Math.ceil(W / mcuW), mcusY = Math.ceil(H / mcuH);
  const PW = mcusX * mcuW, PH = mcusY * mcuH; // padded size (edge pixels replicated)
  const Y = new Float32Array(PW * PH);
  const Cb = new Float32Array(PW * PH);
  const Cr = new Float32Array(PW * PH);
  for (let y = 0; y < PH; y++) {
    const sy = y < H ? y : H - 1;
    for (let x = 0; x < PW; x++) {
      const sx = x < W ? x : W - 1;
      const i = (sy * W + sx) * 4;
      let r = data[i], g = data[i + 1], b = data[i + 2];
      const al = data[i + 3];
      if (al !== 255) {
        r = overWhite(r, al);
        g = overWhite(g, al);
        b = overWhite(b, al);
      }
      const o = y * PW + x;
      Y[o] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      Cb[o] = -0.168735892 * r - 0.331264108 * g + 0.5 * b;
      Cr[o] = 0.5 * r - 0.418687589 * g - 0.081312411 * b;
    }
  }
  // Downsample chroma by box averaging into a CW × CH plane.
  const CW = PW / h, CH = PH / v;
  let cb = Cb, cr = Cr;
  if (h !== 1 || v !== 1) {
    cb = new Float32Array(CW * CH);
    cr = new Float32Array(CW * CH);
    const inv = 1 / (h * v);
    for (let y = 0; y < CH; y++) {
      for (let x = 0; x < CW; x++) {
        let sb = 0, sr = 0;
        for (let dy = 0; dy < v; dy++) {
          const base = (y * v + dy) * PW + x * h;
          for (let dx = 0; dx < h; dx++) {
            sb += Cb[base + dx];
            sr += Cr[base + dx];
          }
        }
        cb[y * CW + x] = sb * inv;
        cr[y * CW + x] = sr * inv;
      }
    }
  }
  const blocksPerMcu = h * v + 2;
  const coeffs = new Float32Array(mcusX * mcusY * blocksPerMcu * 64);
  let o = 0;
  const copy = (plane: Float32Array, stride: number, bx: number, by: number) => {
    for (let r = 0; r < 8; r++) {
      const src = (by + r) * stride + bx;
      for (let c = 0; c < 8; c++) coeffs[o + r * 8 + c] = plane[src + c];
    }
    fdct8x8(coeffs, o);
    o += 64;
  };
  for (let my = 0; my < mcusY; my++) {
    for (let mx = 0; mx < mcusX; mx++) {
      for (let by = 0; by < v; by++) for (let bx = 0; bx < h; bx++) copy(Y, PW, mx * mcuW + bx * 8, my * mcuH + by * 8);
      copy(cb, CW, mx * 8, my * 8);
      copy(cr, CW, mx * 8, my * 8);
    }
  }
  return { subsampling, h, v, mcusX, mcusY, coeffs, blocksPerMcu };
}

/** Quantiser multipliers in natural order: 1 / (q · 8 · AAN[u] · AAN[v]). */
function divisors(q: Uint8Array): Float32Array {
  const out = new Float32Array(64);
  for (let u = 0; u < 8; u++) for (let v = 0; v < 8; v++) out[u * 8 + v] = 1 / (q[u * 8 + v] * 8 * AAN[u] * AAN[v]);
  return out;
}

/** Code and length per symbol, built from a DHT spec (Annex C). */
interface HuffCodes {
  code: Int32Array; // by symbol
  size: Int32Array;
}

function buildCodes(spec: HuffmanSpec): HuffCodes {
  const code = new Int32Array(256), size = new Int32Array(256);
  let c = 0, k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let n = 0; n < spec.bits[len - 1]; n++) {
      const sym = spec.values[k++];
      code[sym] = c++;
      size[sym] = len;
    }
    c <<= 1;
  }
  return { code, size };
}

/**
 * Annex K.2 (Figures K.1–K.4): code lengths from symbol frequencies, limited to 16 bits, with one reserved
 * code point so that no code is all 1-bits. Returns a DHT spec.
 */
export function optimalHuffman(freqIn: ArrayLike<number>): HuffmanSpec {
  const freq = new Float64Array(257);
  for (let i = 0; i < 256; i++) freq[i] = freqIn[i] ?? 0;
  freq[256] = 1; // reserved symbol: guarantees the all-ones code is never used
  const codesize = new Int32Array(257);
  const others = new Int32Array(257).fill(-1);
  for (;;) {
    // find the two least frequent non-zero entries (ties: the larger index, as in the spec)
    let c1 = -1, c2 = -1, v1 = Infinity, v2 = Infinity;
    for (let i = 0; i <= 256; i++) {
      const f = freq[i];
      if (f > 0 && f <= v1) {
        v2 = v1;
        c2 = c1;
        v1 = f;
        c1 = i;
      } else if (f > 0 && f <= v2) {
        v2 = f;
        c2 = i;
      }
    }
    if (c2 < 0) break;
    freq[c1] += freq[c2];
    freq[c2] = 0;
    codesize[c1]++;
    let j = c1;
    while (others[j] >= 0) {
      j = others[j];
      codesize[j]++;
    }
    others[j] = c2;
    codesize[c2]++;
    j = c2;
    while (others[j] >= 0) {
      j = others[j];
      codesize[j]++;
    }
  }
  const bits = new Int32Array(258);
  for (let i = 0; i <= 256; i++) if (codesize[i]) bits[codesize[i]]++;
  // limit code lengths to 16 (Figure K.3)
  for (let i = 257; i > 16; i--) {
    while (bits[i] > 0) {
      let j = i - 2;
      while (bits[j] === 0) j--;
      bits[i] -= 2;
      bits[i - 1]++;
      bits[j + 1] += 2;
      bits[j]--;
    }
  }
  let i = 16;
  while (bits[i] === 0) i--;
  bits[i]--; // drop the reserved symbol's code
  const values: number[] = [];
  for (let len = 1; len <= 257; len++) for (let s = 0; s < 256; s++) if (codesize[s] === len) values.push(s);
  return { bits: Array.from(bits.subarray(1, 17)), values };
}

/** Growing byte buffer with a JPEG bit writer (byte stuffing after 0xFF). */
class Out {
  buf: Uint8Array;
  pos = 0;
  private acc = 0;
  private nbits = 0;
  constructor(initial: number) {
    this.buf = new Uint8Array(initial);
  }
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(0, this.pos));
    this.buf = nb;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }
  word(w: number): void {
    this.ensure(2);
    this.buf[this.pos++] = w >> 8;
    this.buf[this.pos++] = w & 0xff;
  }
  bytes(a: ArrayLike<number>): void {
    this.ensure(a.length);
    for (let i = 0; i < a.length; i++) this.buf[this.pos++] = a[i];
  }
  /** Append `size` ≤ 16 bits; caller guarantees capacity (ensure) for the block. */
  bits(code: number, size: number): void {
    let acc = (this.acc << size) | (code & ((1 << size) - 1));
    let n = this.nbits + size;
    const buf = this.buf;
    while (n >= 8) {
      n -= 8;
      const b = (acc >>> n) & 0xff;
      buf[this.pos++] = b;
      if (b === 0xff) buf[this.pos++] = 0;
    }
    acc &= (1 << n) - 1;
    this.acc = acc;
    this.nbits = n;
  }
  /** Pad the last byte with 1-bits (T.81 F.1.2.3). */
  flushBits(): void {
    if (this.nbits > 0) {
      this.ensure(2);
      this.bits(0x7f, 8 - this.nbits);
    }
    this.acc = 0;
    this.nbits = 0;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Quantise every block (zig-zag order, Int16) for a pair of quant tables. */
function quantiseAll(p: Prepared, lumaDiv: Float32Array, chromaDiv: Float32Array): Int16Array {
  const n = p.coeffs.length;
  const out = new Int16Array(n);
  const c = p.coeffs;
  const lumaBlocks = p.h * p.v;
  let o = 0;
  const zz = ZIGZAG;
  while (o < n) {
    for (let b = 0; b < p.blocksPerMcu; b++, o += 64) {
      const div = b < lumaBlocks ? lumaDiv : chromaDiv;
      for (let k = 0; k < 64; k++) {
        const nat = zz[k];
        // round half up, as libjpeg's float quantiser: (int)(x + 16384.5) - 16384
        out[o + k] = ((c[o + nat] * div[nat] + 16384.5) | 0) - 16384; // |0 truncates = floor for positives
      }
    }
  }
  return out;
}

function category(v: number): number {
  const a = v < 0 ? -v : v;
  return a === 0 ? 0 : 32 - Math.clz32(a);
}

/** Count the Huffman symbols the scan will use (for optimised tables). */
function countSymbols(p: Prepared, q: Int16Array): [Float64Array, Float64Array, Float64Array, Float64Array] {
  const dcL = new Float64Array(256), acL = new Float64Array(256), dcC = new Float64Array(256), acC = new Float64Array(256);
  const lumaBlocks = p.h * p.v;
  const pred = [0, 0, 0];
  let o = 0;
  const n = q.length;
  while (o < n) {
    for (let b = 0; b < p.blocksPerMcu; b++, o += 64) {
      const comp = b < lumaBlocks ? 0 : b - lumaBlocks + 1;
      const dc = comp === 0 ? dcL : dcC, ac = comp === 0 ? acL : acC;
      const diff = q[o] - pred[comp];
      pred[comp] = q[o];
      dc[category(diff)]++;
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const v = q[o + k];
        if (v === 0) {
          run++;
          continue;
        }
        while (run > 15) {
          ac[0xf0]++;
          run -= 16;
        }
        ac[(run << 4) | category(v)]++;
        run = 0;
      }
      if (run > 0) ac[0x00]++;
    }
  }
  return [dcL, acL, dcC, acC];
}

function writeScan(out: Out, p: Prepared, q: Int16Array, tables: [HuffCodes, HuffCodes, HuffCodes, HuffCodes]): void {
  const [dcL, acL, dcC, acC] = tables;
  const lumaBlocks = p.h * p.v;
  const pred = [0, 0, 0];
  let o = 0;
  const n = q.length;
  while (o < n) {
    out.ensure(p.blocksPerMcu * 64 * 8 + 16);
    for (let b = 0; b < p.blocksPerMcu; b++, o += 64) {
      const comp = b < lumaBlocks ? 0 : b - lumaBlocks + 1;
      const dc = comp === 0 ? dcL : dcC, ac = comp === 0 ? acL : acC;
      const diff = q[o] - pred[comp];
      pred[comp] = q[o];
      let s = category(diff);
      out.bits(dc.code[s], dc.size[s]);
      if (s) out.bits(diff < 0 ? diff - 1 : diff, s);
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const v = q[o + k];
        if (v === 0) {
          run++;
          continue;
        }
        while (run > 15) {
          out.bits(ac.code[0xf0], ac.size[0xf0]);
          run -= 16;
        }
        s = category(v);
        const sym = (run << 4) | s;
        out.bits(ac.code[sym], ac.size[sym]);
        out.bits(v < 0 ? v - 1 : v, s);
        run = 0;
      }
      if (run > 0) out.bits(ac.code[0], ac.size[0]);
    }
  }
  out.flushBits();
}

function writeHeaders(out: Out, p: Prepared, width: number, height: number, ql: Uint8Array, qc: Uint8Array, dpi: number, huff: HuffmanSpec[]): void {
  out.word(0xffd8); // SOI
  // APP0 JFIF 1.01, units 1 (dpi), density, no thumbnail
  out.word(0xffe0);
  out.word(16);
  out.bytes([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 1]);
  out.word(dpi);
  out.word(dpi);
  out.bytes([0, 0]);
  // DQT: two 8-bit tables, zig-zag order
  out.word(0xffdb);
  out.word(2 + 65 * 2);
  for (const [id, t] of [[0, ql], [1, qc]] as const) {
    out.byte(id);
    for (let k = 0; k < 64; k++) out.byte(t[ZIGZAG[k]]);
  }
  // SOF0
  out.word(0xffc0);
  out.word(8 + 3 * 3);
  out.byte(8);
  out.word(height);
  out.word(width);
  out.byte(3);
  out.bytes([1, (p.h << 4) | p.v, 0, 2, 0x11, 1, 3, 0x11, 1]);
  // DHT: DC0, AC0, DC1, AC1
  let len = 2;
  for (const t of huff) len += 17 + t.values.length;
  out.word(0xffc4);
  out.word(len);
  const classes = [0x00, 0x10, 0x01, 0x11];
  huff.forEach((t, i) => {
    out.byte(classes[i]);
    out.bytes(t.bits);
    out.bytes(t.values);
  });
  // SOS
  out.word(0xffda);
  out.word(6 + 2 * 3);
  out.bytes([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
}

const STD_CODES = {
  dcL: buildCodes(STD_DC_LUMA),
  acL: buildCodes(STD_AC_LUMA),
  dcC: buildCodes(STD_DC_CHROMA),
  acC: buildCodes(STD_AC_CHROMA),
};

function checkImage(img: RgbaImage): void {
  const { width, height, data } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65535 || height > 65535) {
    throw new RangeError(`jpeg: bad size ${width}×${height}`);
  }
  if (data.length < width * height * 4) throw new RangeError('jpeg: pixel buffer too short');
}

/**
 * An encoder bound to one image. The DCT for each subsampling is computed on first use and cached, so repeated
 * encodes at different qualities cost only quantisation and entropy coding.
 */
export function createJpegEncoder(img: RgbaImage): JpegEncoder {
  checkImage(img);
  const cache = new Map<Subsampling, Prepared>();
  let lastSize = 32 * 1024;
  return {
    width: img.width,
    height: img.height,
    encode(opts: JpegEncodeOptions): Uint8Array {
      const quality = Math.round(opts.quality);
      if (!(quality >= 1 && quality <= 100)) throw new RangeError(`jpeg: quality ${opts.quality} outside 1..100`);
      const sub = opts.subsampling ?? '4:2:0';
      if (!(sub in SAMPLING)) throw new RangeError(`jpeg: subsampling ${String(sub)}`);
      const dpi = Math.round(opts.dpi ?? 300);
      if (!(dpi >= 1 && dpi <= 65535)) throw new RangeError(`jpeg: dpi ${opts.dpi}`);
      let p = cache.get(sub);
      if (!p) {
        p = prepare(img, sub);
        cache.set(sub, p);
      }
      const ql = scaledQuantTable(STD_LUMA_QUANT, quality);
      const qc = scaledQuantTable(STD_CHROMA_QUANT, quality);
      const q = quantiseAll(p, divisors(ql), divisors(qc));
      let specs: HuffmanSpec[] = [STD_DC_LUMA, STD_AC_LUMA, STD_DC_CHROMA, STD_AC_CHROMA];
      let codes: [HuffCodes, HuffCodes, HuffCodes, HuffCodes] = [STD_CODES.dcL, STD_CODES.acL, STD_CODES.dcC, STD_CODES.acC];
      if (opts.optimizeHuffman) {
        specs = countSymbols(p, q).map(optimalHuffman);
        codes = specs.map(buildCodes) as typeof codes;
      }
      const out = new Out(Math.max(4096, Math.ceil(lastSize * 1.25)));
      writeHeaders(out, p, img.width, img.height, ql, qc, dpi, specs);
      writeScan(out, p, q, codes);
      out.word(0xffd9); // EOI
      lastSize = out.pos;
      return out.result();
    },
  };
}

/** One-shot encode. */
export function encodeJpeg(img: RgbaImage, opts: JpegEncodeOptions): Uint8Array {
  return createJpegEncoder(img).encode(opts);
}
