import { describe, expect, it } from 'vitest';
import { MATTE_TUNING, boxMean, pullPush, refineMatte, resizeMask, solidifyNearEdge } from '../../../../src/features/photo/matte.ts';
import { coarseMask, syntheticPortrait } from './synthetic.ts';
import { chessDistance } from '../../../../src/lib/image/regions.ts';

function mae(a: Float32Array, b: Float32Array, sel?: (i: number) => boolean): number {
  let s = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    if (sel && !sel(i)) continue;
    s += Math.abs(a[i] - b[i]);
    n++;
  }
  return s / n;
}

describe('refineMatte changes only a narrow band round the mask edge', () => {
  it('farther than the band (MATTE_TUNING.bandCells mask cells, at least 3 px) from the 0.5 contour alpha is exactly 0 or 1', () => {
    const S = syntheticPortrait(480, 640, 4);
    const cm = coarseMask(S.alpha, S.w, S.h, 8);
    const coarse = resizeMask(cm.data, cm.width, cm.height, S.w, S.h);
    const a = refineMatte(S.image, cm.data, cm.width, cm.height);
    const cell = Math.max(S.w / cm.width, S.h / cm.height);
    const band = Math.max(MATTE_TUNING.minBandPx, Math.round(MATTE_TUNING.bandCells * cell));
    expect(band).toBeGreaterThanOrEqual(2 * cell - 1);
    // distance to the other side of the contour, brute force on a grid of pixels
    let checked = 0;
    for (let y = 0; y < S.h; y += 7) {
      for (let x = 0; x < S.w; x += 7) {
        const inside = coarse[y * S.w + x] >= 0.5;
        let near = false;
        for (let dy = -band; dy <= band && !near; dy++)
          for (let dx = -band; dx <= band && !near; dx++) {
            const yy = y + dy, xx = x + dx;
            if (yy >= 0 && xx >= 0 && yy < S.h && xx < S.w && coarse[yy * S.w + xx] >= 0.5 !== inside) near = true;
          }
        if (near) continue;
        checked++;
        expect(a[y * S.w + x]).toBe(inside ? 1 : 0);
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });
});

describe('refineMatte on a synthetic portrait with a known alpha', () => {
  const S = syntheticPortrait();
  const cm = coarseMask(S.alpha, S.w, S.h, 8);
  const coarse = resizeMask(cm.data, cm.width, cm.height, S.w, S.h);
  const refined = refineMatte(S.image, cm.data, cm.width, cm.height);
  // the edge region: pixels whose true alpha is partial or that are within the coarse mask's blur
  const edge = (i: number) => (S.alpha[i] > 0.02 && S.alpha[i] < 0.98) || (coarse[i] > 0.05 && coarse[i] < 0.95);

  it('has the image size and values in 0..1', () => {
    expect(refined.length).toBe(S.w * S.h);
    expect(Math.min(...refined)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...refined)).toBeLessThanOrEqual(1);
  });

  it('is closer to the true alpha than the upsampled coarse mask (whole image and edge band)', () => {
    const eCoarse = mae(coarse, S.alpha), eRef = mae(refined, S.alpha);
    const bCoarse = mae(coarse, S.alpha, edge), bRef = mae(refined, S.alpha, edge);
    expect(eRef).toBeLessThan(eCoarse * 0.75);
    expect(bRef).toBeLessThan(bCoarse * 0.75);
  });

  it('strand pixels inside the band come closer to their true alpha than the coarse mask has them', () => {
    const cell = Math.max(S.w / cm.width, S.h / cm.height);
    const strand = (i: number) => S.alpha[i] >= 0.5 && coarse[i] < 0.5 && coarse[i] > 0.05 && refined[i] !== 0;
    let n = 0, eR = 0, eC = 0;
    for (let i = 0; i < S.alpha.length; i++) if (strand(i)) (n++, (eR += Math.abs(refined[i] - S.alpha[i])), (eC += Math.abs(coarse[i] - S.alpha[i])));
    expect(cell).toBeGreaterThan(1);
    expect(n).toBeGreaterThan(20);
    expect(eR / n).toBeLessThan(eC / n);
  });

  it('leaves no halo: pure background near the head stays at alpha ≈ 0', () => {
    let worst = 0, n = 0;
    for (let i = 0; i < S.alpha.length; i++) {
      if (S.alpha[i] === 0 && coarse[i] > 0.05 && coarse[i] < 0.5) {
        n++;
        worst += refined[i];
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(worst / n).toBeLessThan(0.08); // mean alpha on background pixels the coarse mask smeared
  });

  it('accepts a mask of a different aspect (e.g. 256×256 for a 240×320 image)', () => {
    const sq = resizeMask(cm.data, cm.width, cm.height, 256, 256);
    const a = refineMatte(S.image, sq, 256, 256);
    expect(mae(a, S.alpha)).toBeLessThan(mae(coarse, S.alpha));
  });

  it('rejects a mask shorter than its stated size', () => {
    expect(() => refineMatte(S.image, new Float32Array(10), 256, 256)).toThrow(RangeError);
  });
});

describe('solidifyNearEdge: just inside the contour, solid only what holds no backdrop', () => {
  // 48 × 40: person (dark brown, α 1) left of x = 15, the backdrop (light blue, α 0) from x = 18. Column 15 (3 px
  // inside the 0.5 contour) is pure person at α 0.8; column 16 (2 px inside) at α 0.7 is pure person in the top half
  // and a 70 / 30 mix in the bottom half; column 17 (1 px inside) at α 0.7 is pure person in the top half too. The
  // band (`unknown`) starts at x = 12, except in rows 0–3, which are outside it.
  const W = 48, H = 40, P = [60, 40, 30], B = [95, 190, 250];
  function scene(backdrop = B) {
    const data = new Uint8ClampedArray(W * H * 4), alpha = new Float32Array(W * H), unknown = new Uint8Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = y * W + x, top = y < H / 2;
        const a = x < 15 ? 1 : x === 15 ? 0.8 : x >= 18 ? 0 : 0.7;
        const colourA = x <= 15 || (x <= 17 && top) ? 1 : a;
        for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(colourA * P[c] + (1 - colourA) * backdrop[c]);
        data[i * 4 + 3] = 255;
        alpha[i] = a;
        unknown[i] = x >= 12 && y >= 4 ? 1 : 0;
      }
    const outside = new Uint8Array(W * H);
    for (let i = 0; i < W * H; i++) outside[i] = alpha[i] < 0.5 ? 1 : 0;
    return { image: { data, width: W, height: H }, alpha, depth: chessDistance(outside, W, H), unknown };
  }
  it('pure person 2 px inside becomes 1; a mix there, pure person 1 or 3 px inside, and anything outside the band keep their α', () => {
    const s = scene();
    expect(s.depth[5 * W + 16]).toBe(MATTE_TUNING.solidNearPx);
    expect(s.depth[5 * W + 15]).toBe(MATTE_TUNING.solidInsidePx);
    const n = solidifyNearEdge(s.image, s.alpha, s.unknown, s.depth);
    expect(n).toBe(H / 2 - 4);
    for (let y = 0; y < H; y++) {
      expect(s.alpha[y * W + 16], `row ${y}`).toBeCloseTo(y >= 4 && y < H / 2 ? 1 : 0.7, 6);
      expect(s.alpha[y * W + 15]).toBeCloseTo(0.8, 6);
      expect(s.alpha[y * W + 17]).toBeCloseTo(0.7, 6);
    }
  });
  it('a backdrop of nearly the person\'s colour says nothing: α stays', () => {
    const s = scene([70, 48, 40]);
    expect(solidifyNearEdge(s.image, s.alpha, s.unknown, s.depth)).toBe(0);
  });
});

describe('field helpers', () => {
  it('boxMean equals a brute-force window mean (edges clipped) on random data', () => {
    const w = 37, h = 53, r = 5;
    let seed = 11;
    const a = Float32Array.from({ length: w * h }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647));
    const m = boxMean(a, w, h, r);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      let s = 0, n = 0;
      for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) { s += a[yy * w + xx]; n++; }
      expect(m[y * w + x]).toBeCloseTo(s / n, 5);
    }
  });
  it('boxMean of a constant is the constant (edge-normalised)', () => {
    const a = new Float32Array(50 * 30).fill(0.7);
    for (const v of boxMean(a, 50, 30, 4)) expect(v).toBeCloseTo(0.7, 5);
  });

  it('pullPush keeps known samples, fills holes smoothly between them', () => {
    const w = 64, h = 48;
    const rgb = new Float32Array(w * h * 3), wt = new Float32Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (x < 16 || x >= 48) {
          wt[i] = 1;
          rgb.set(x < 16 ? [0, 0, 0] : [200, 100, 50], i * 3);
        }
      }
    const f = pullPush(rgb, wt, w, h, 0);
    expect(f[(10 * w + 5) * 3]).toBeCloseTo(0, 3);
    expect(f[(10 * w + 60) * 3]).toBeCloseTo(200, 3);
    const mid = f[(24 * w + 32) * 3];
    expect(mid).toBeGreaterThan(40);
    expect(mid).toBeLessThan(160);
    // monotone across the hole on a row
    for (let x = 17; x < 47; x++) expect(f[(24 * w + x + 1) * 3]).toBeGreaterThanOrEqual(f[(24 * w + x) * 3] - 1);
  });
});
