/**
 * The one raster type of the pure image code, and the small field helpers around it (no DOM).
 * Fields are row-major Float32Arrays of width × height values (1 channel) or × 3 (RGB); RGBA is 8-bit.
 */

/** 8-bit RGBA pixels, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** The RGB channels of an image as floats (0..255), 3 per pixel. */
export function rgbField(img: RgbaImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = img.data[i * 4];
    out[i * 3 + 1] = img.data[i * 4 + 1];
    out[i * 3 + 2] = img.data[i * 4 + 2];
  }
  return out;
}

/**
 * Nearest-neighbour resample of a field with `ch` channels from sw×sh to dw×dh (cell centres aligned); used for
 * pyramids where the values must stay exactly the ones of the source (alpha levels, colour samples).
 */
export function resizeNearest(src: Float32Array, sw: number, sh: number, ch: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh * ch);
  for (let y = 0; y < dh; y++) {
    const sy = Math.min(sh - 1, Math.floor(((y + 0.5) * sh) / dh));
    for (let x = 0; x < dw; x++) {
      const sx = Math.min(sw - 1, Math.floor(((x + 0.5) * sw) / dw));
      const s = (sy * sw + sx) * ch, d = (y * dw + x) * ch;
      for (let c = 0; c < ch; c++) out[d + c] = src[s + c];
    }
  }
  return out;
}

/**
 * Bilinear resample of a field with `ch` channels from sw×sh to dw×dh. Cell centres are aligned: destination pixel
 * x reads the source at (x + 0.5)·scaleX − 0.5 (clamped to the field), with scaleX = sw / dw unless given (a pyramid
 * level of ⌈w/2⌉ reads its parent at exactly 0.5).
 */
export function resizeBilinear(src: ArrayLike<number>, sw: number, sh: number, ch: number, dw: number, dh: number, scaleX = sw / dw, scaleY = sh / dh): Float32Array {
  const out = new Float32Array(dw * dh * ch);
  const xs = new Int32Array(dw * 2), txs = new Float32Array(dw);
  for (let x = 0; x < dw; x++) {
    let fx = (x + 0.5) * scaleX - 0.5;
    if (fx < 0) fx = 0;
    if (fx > sw - 1) fx = sw - 1;
    const x0 = Math.floor(fx);
    xs[x * 2] = x0;
    xs[x * 2 + 1] = Math.min(sw - 1, x0 + 1);
    txs[x] = fx - x0;
  }
  for (let y = 0; y < dh; y++) {
    let fy = (y + 0.5) * scaleY - 0.5;
    if (fy < 0) fy = 0;
    if (fy > sh - 1) fy = sh - 1;
    const y0 = Math.floor(fy), y1 = Math.min(sh - 1, y0 + 1), ty = fy - y0;
    const r0 = y0 * sw, r1 = y1 * sw;
    for (let x = 0; x < dw; x++) {
      const x0 = xs[x * 2], x1 = xs[x * 2 + 1], tx = txs[x];
      const o = (y * dw + x) * ch;
      for (let c = 0; c < ch; c++) {
        const a = src[(r0 + x0) * ch + c], b = src[(r0 + x1) * ch + c], p = src[(r1 + x0) * ch + c], q = src[(r1 + x1) * ch + c];
        out[o + c] = (a + (b - a) * tx) * (1 - ty) + (p + (q - p) * tx) * ty;
      }
    }
  }
  return out;
}

/** Bilinear sample of a 1-channel field at continuous coordinates (cell centres at integers), clamped to the field. */
export function sampleBilinear(field: ArrayLike<number>, fw: number, fh: number, fx: number, fy: number): number {
  if (fx < 0) fx = 0;
  if (fx > fw - 1) fx = fw - 1;
  if (fy < 0) fy = 0;
  if (fy > fh - 1) fy = fh - 1;
  const x0 = Math.floor(fx), x1 = Math.min(fw - 1, x0 + 1), tx = fx - x0;
  const y0 = Math.floor(fy), y1 = Math.min(fh - 1, y0 + 1), ty = fy - y0;
  const a = field[y0 * fw + x0], b = field[y0 * fw + x1], c = field[y1 * fw + x0], d = field[y1 * fw + x1];
  return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
}

/** One 8-bit channel value with its alpha composited over white (JPEG has no alpha; the platform's photos are opaque). */
export function overWhite(v: number, alpha: number): number {
  if (alpha === 255) return v;
  const f = alpha / 255;
  return v * f + 255 * (1 - f);
}
