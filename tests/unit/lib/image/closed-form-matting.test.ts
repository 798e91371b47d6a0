/**
 * Closed-form matting inside an unknown band (src/lib/image/closed-form-matting.ts), on images whose alpha is known
 * exactly: a two-colour composite I = α·F + (1 − α)·B satisfies the colour-line model, so the solver must recover α
 * from the known pixels beside the band alone.
 */
import { describe, expect, it } from 'vitest';
import { closedFormAlpha } from '../../../../src/lib/image/closed-form-matting.ts';
import { rng } from '../../features/photo/synthetic.ts';

/** A w×h composite of a disc (soft edge `soft` px) in colour F over a textured background near B. */
function disc(w: number, h: number, soft: number, F: number[], B: number[], texture: number) {
  const rnd = rng(7);
  const alpha = new Float32Array(w * h);
  const data = new Uint8ClampedArray(w * h * 4);
  const cx = w / 2, cy = h / 2, R = Math.min(w, h) * 0.3;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const a = Math.max(0, Math.min(1, (R - Math.hypot(x + 0.5 - cx, y + 0.5 - cy)) / soft + 0.5));
      alpha[i] = a;
      const t = (rnd() - 0.5) * texture;
      for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(a * F[c] + (1 - a) * (B[c] + t));
      data[i * 4 + 3] = 255;
    }
  return { image: { data, width: w, height: h }, alpha };
}

/** Unknown = within `band` px (chessboard) of the true 0.5 contour; known = the true side (0 or 1). */
function trimap(alpha: Float32Array, w: number, h: number, band: number) {
  const unknown = new Uint8Array(w * h), known = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const inside = alpha[i] >= 0.5;
      known[i] = inside ? 1 : 0;
      for (let dy = -band; dy <= band && !unknown[i]; dy++)
        for (let dx = -band; dx <= band; dx++) {
          const yy = y + dy, xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < h && xx < w && alpha[yy * w + xx] >= 0.5 !== inside) {
            unknown[i] = 1;
            break;
          }
        }
    }
  return { unknown, known };
}

const meanAbs = (a: Float32Array, b: Float32Array, sel: Uint8Array) => {
  let s = 0, n = 0;
  for (let i = 0; i < a.length; i++) if (sel[i]) (s += Math.abs(a[i] - b[i])), n++;
  return s / n;
};

describe('closedFormAlpha', () => {
  const w = 96, h = 80;
  it('recovers a soft edge between two colours from the known pixels alone (start: the hard trimap)', () => {
    const { image, alpha } = disc(w, h, 4, [200, 150, 120], [40, 90, 60], 0);
    const { unknown, known } = trimap(alpha, w, h, 5);
    const start = meanAbs(known, alpha, unknown);
    const a = closedFormAlpha(image, known, unknown, null, { eps: 1e-7 });
    expect(start).toBeGreaterThan(0.05);
    expect(meanAbs(a, alpha, unknown)).toBeLessThan(0.02);
  });

  it('stays close on a textured background (±12 levels)', () => {
    const { image, alpha } = disc(w, h, 3, [220, 200, 180], [60, 70, 90], 24);
    const { unknown, known } = trimap(alpha, w, h, 4);
    const a = closedFormAlpha(image, known, unknown, null, { eps: 1e-5 });
    expect(meanAbs(a, alpha, unknown)).toBeLessThan(0.06);
    expect(meanAbs(a, alpha, unknown)).toBeLessThan(meanAbs(known, alpha, unknown) / 3);
  });

  it('keeps every known pixel exactly and clamps the unknown to 0..1', () => {
    const { image, alpha } = disc(w, h, 2, [250, 250, 250], [0, 0, 0], 10);
    const { unknown, known } = trimap(alpha, w, h, 3);
    const a = closedFormAlpha(image, known, unknown, known, { priorWeight: 0.05 });
    let unk = 0;
    for (let i = 0; i < a.length; i++) {
      if (!unknown[i]) expect(a[i]).toBe(known[i]);
      else unk++;
      expect(a[i]).toBeGreaterThanOrEqual(0);
      expect(a[i]).toBeLessThanOrEqual(1);
    }
    expect(unk).toBeGreaterThan(500);
  });

  it('with a strong prior weight the unknown pixels follow the prior', () => {
    const { image, alpha } = disc(w, h, 4, [200, 150, 120], [40, 90, 60], 0);
    const { unknown, known } = trimap(alpha, w, h, 5);
    const prior = new Float32Array(w * h).fill(0.3);
    const a = closedFormAlpha(image, known, unknown, prior, { priorWeight: 1e4 });
    for (let i = 0; i < a.length; i++) if (unknown[i]) expect(a[i]).toBeCloseTo(0.3, 2);
  });

  it('a per-pixel prior weight pulls only where it is set', () => {
    const { image, alpha } = disc(w, h, 4, [200, 150, 120], [40, 90, 60], 0);
    const { unknown, known } = trimap(alpha, w, h, 5);
    const prior = new Float32Array(w * h).fill(0.3);
    const weight = new Float32Array(w * h);
    for (let i = 0; i < weight.length; i++) if (i % w < w / 2) weight[i] = 10; // the left half only
    const opts = { eps: 1e-7, maxIterations: 3000, tolerance: 1e-8 };
    const a = closedFormAlpha(image, known, unknown, prior, { ...opts, priorWeight: weight });
    const free = closedFormAlpha(image, known, unknown, prior, opts);
    let left = 0, leftFree = 0, right = 0, nl = 0, nr = 0;
    for (let i = 0; i < a.length; i++) {
      if (!unknown[i]) continue;
      if (i % w < w / 2 - 6) (left += Math.abs(a[i] - 0.3)), (leftFree += Math.abs(free[i] - 0.3)), nl++;
      else if (i % w > w / 2 + 6) (right += Math.abs(a[i] - free[i])), nr++;
    }
    expect(left / nl).toBeLessThan(0.3 * (leftFree / nl)); // pulled towards the prior where weighted
    expect(right / nr).toBeLessThan(0.02); // the other half as without a prior
    expect(() => closedFormAlpha(image, known, unknown, prior, { priorWeight: new Float32Array(5) })).toThrow(RangeError);
  });

  it('with no unknown pixel it returns the alpha unchanged; mismatched sizes throw', () => {
    const { image, alpha } = disc(20, 20, 2, [1, 2, 3], [4, 5, 6], 0);
    expect(Array.from(closedFormAlpha(image, alpha, new Uint8Array(400), null))).toEqual(Array.from(alpha));
    expect(() => closedFormAlpha(image, alpha, new Uint8Array(10), null)).toThrow(RangeError);
  });
});
