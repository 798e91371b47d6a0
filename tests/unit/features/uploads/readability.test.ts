import { describe, it, expect } from 'vitest';
import { sharpness } from '../../../../src/features/uploads/readability.ts';

/** A synthetic 1024×724 "page": white paper, rows of black glyph-like bars (text lines) and a frame. */
function page(w = 1024, h = 724): Uint8ClampedArray {
  const d = new Uint8ClampedArray(w * h * 4).fill(255);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { const i = (y * w + x) * 4; d[i] = d[i + 1] = d[i + 2] = 20; }
  };
  ink(30, 30, w - 30, 34); ink(30, h - 34, w - 30, h - 30);
  for (let line = 0; line < 14; line++) {
    const y = 120 + line * 38;
    for (let x = 80; x < w - 120; x += 14) if ((x * 7 + line * 13) % 5 !== 0) ink(x, y, x + 9, y + 16);
  }
  return d;
}

/** Separable box blur, repeated 3× (≈ Gaussian of σ ≈ radius). */
function blur(d: Uint8ClampedArray, w: number, h: number, r: number): Uint8ClampedArray {
  let src = Float32Array.from(d);
  for (let pass = 0; pass < 3; pass++) {
    const tmp = new Float32Array(src.length);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 4; c++) {
      let s = 0, n = 0;
      for (let k = -r; k <= r; k++) { const xx = x + k; if (xx >= 0 && xx < w) { s += src[(y * w + xx) * 4 + c]; n++; } }
      tmp[(y * w + x) * 4 + c] = s / n;
    }
    const out = new Float32Array(src.length);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 4; c++) {
      let s = 0, n = 0;
      for (let k = -r; k <= r; k++) { const yy = y + k; if (yy >= 0 && yy < h) { s += tmp[(yy * w + x) * 4 + c]; n++; } }
      out[(y * w + x) * 4 + c] = s / n;
    }
    src = out;
  }
  return Uint8ClampedArray.from(src);
}

describe('sharpness', () => {
  const w = 1024, h = 724;
  const crisp = page(w, h);
  it('a crisp printed page scores well above the threshold', () => {
    const s = sharpness({ width: w, height: h, data: crisp });
    expect(s.blank).toBe(false);
    expect(s.blurry).toBe(false);
    expect(s.score).toBeGreaterThan(0.3);
    expect(s.contrast).toBeGreaterThan(200);
  });
  it('the same page out of focus (blur radius 3 px) is flagged blurry', () => {
    const s = sharpness({ width: w, height: h, data: blur(crisp, w, h, 3) });
    expect(s.blurry).toBe(true);
    expect(s.score).toBeLessThan(0.12);
  });
  it('slight softness (radius 1 px) still passes', () => {
    expect(sharpness({ width: w, height: h, data: blur(crisp, w, h, 1) }).blurry).toBe(false);
  });
  it('a uniform grey picture is blank, not blurry', () => {
    const s = sharpness({ width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(128) });
    expect(s).toMatchObject({ blank: true, blurry: false, score: 0 });
  });
  it('rejects too few pixels with the sizes in the message', () => {
    expect(() => sharpness({ width: 2, height: 2, data: new Uint8ClampedArray(16) })).toThrow(/2×2/);
  });
});
