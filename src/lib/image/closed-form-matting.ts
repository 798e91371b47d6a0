/**
 * Closed-form alpha matting restricted to an unknown band (after Levin, Lischinski & Weiss 2008, "A closed-form
 * solution to natural image matting"), written for the fixer's narrow band around a segmenter's edge.
 *
 * Within every 3 × 3 window the alpha is taken as an affine function of the colour (the colour-line model); the
 * matting Laplacian L measures how far an alpha is from that. We minimise
 *     αᵀ L α + γ · Σ_unknown (α − prior)²
 * with the alpha of the known pixels fixed (hard constraints, eliminated), by preconditioned conjugate gradients.
 * Only windows that touch an unknown pixel are built, so the cost grows with the band, not with the image.
 *
 * Pure TypeScript over typed arrays (no DOM).
 */
import type { RgbaImage } from './raster.ts';

export interface ClosedFormOptions {
  /** Regularisation of each window's colour covariance (colours 0..1); larger gives smoother alpha. */
  eps?: number;
  /** γ: pull of every unknown pixel towards `prior` (0 = none); one number, or one per pixel (image-sized). */
  priorWeight?: number | Float32Array;
  /** Conjugate-gradient stop: relative residual, and at most this many iterations. */
  tolerance?: number;
  maxIterations?: number;
}

/** Neighbour offsets of one pixel in L: the 5 × 5 block (two 3 × 3 windows share pixels ≤ 2 px apart). */
const SPAN = 5;
const TAPS = SPAN * SPAN;
const CENTRE = (TAPS - 1) / 2;

/**
 * Solve for the alpha of the pixels with `unknown[i] = 1`; every other pixel keeps `alpha[i]` (and constrains its
 * neighbours). `prior` (same size; may be null) is where the unknown pixels are pulled with `priorWeight` and the
 * starting point of the iterations. Returns a new alpha (unknown pixels clamped to 0..1).
 * Throws a RangeError when the arrays do not match the image.
 */
export function closedFormAlpha(
  img: RgbaImage,
  alpha: Float32Array,
  unknown: Uint8Array,
  prior: Float32Array | null,
  opts: ClosedFormOptions = {},
): Float32Array {
  const { width: w, height: h, data } = img;
  const n = w * h;
  if (alpha.length !== n || unknown.length !== n || (prior && prior.length !== n)) {
    throw new RangeError(`closedFormAlpha: ${w}×${h} image, alpha ${alpha.length}, unknown ${unknown.length}, prior ${prior?.length ?? 'none'}`);
  }
  const eps = opts.eps ?? 1e-5;
  const pw = opts.priorWeight ?? 0;
  if (typeof pw !== 'number' && pw.length !== n) throw new RangeError(`closedFormAlpha: priorWeight ${pw.length} for ${w}×${h}`);
  const gammaAt = (p: number) => (!prior ? 0 : typeof pw === 'number' ? pw : pw[p]);
  const tol = opts.tolerance ?? 1e-4;
  const maxIt = opts.maxIterations ?? 300;

  const out = Float32Array.from(alpha);
  const idx = new Int32Array(n).fill(-1);
  let nu = 0;
  for (let i = 0; i < n; i++) if (unknown[i]) idx[i] = nu++;
  if (nu === 0) return out;
  const pix = new Int32Array(nu);
  for (let i = 0; i < n; i++) if (idx[i] >= 0) pix[idx[i]] = i;

  // rows of A = L_UU (+ γ on the diagonal), 25 taps each; b = −L_UK·α_K (+ γ·prior)
  const A = new Float64Array(nu * TAPS);
  const b = new Float64Array(nu);
  const win = new Int32Array(9);
  const cr = new Float64Array(9), cg = new Float64Array(9), cb = new Float64Array(9);
  const visited = new Uint8Array(n);
  for (let u = 0; u < nu; u++) {
    const p = pix[u];
    const px = p % w, py = (p - px) / w;
    // every window centre within 1 px of this unknown pixel, built once
    for (let cy = Math.max(1, py - 1); cy <= Math.min(h - 2, py + 1); cy++) {
      for (let cx = Math.max(1, px - 1); cx <= Math.min(w - 2, px + 1); cx++) {
        const c = cy * w + cx;
        if (visited[c]) continue;
        visited[c] = 1;
        let k = 0;
        let mr = 0, mg = 0, mb = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const q = c + dy * w + dx;
            win[k] = q;
            cr[k] = data[q * 4] / 255;
            cg[k] = data[q * 4 + 1] / 255;
            cb[k] = data[q * 4 + 2] / 255;
            mr += cr[k];
            mg += cg[k];
            mb += cb[k];
            k++;
          }
        mr /= 9;
        mg /= 9;
        mb /= 9;
        let s00 = 0, s01 = 0, s02 = 0, s11 = 0, s12 = 0, s22 = 0;
        for (let j = 0; j < 9; j++) {
          const r = cr[j] - mr, g = cg[j] - mg, bl = cb[j] - mb;
          cr[j] = r;
          cg[j] = g;
          cb[j] = bl;
          s00 += r * r;
          s01 += r * g;
          s02 += r * bl;
          s11 += g * g;
          s12 += g * bl;
          s22 += bl * bl;
        }
        const e = eps / 9;
        s00 = s00 / 9 + e;
        s01 /= 9;
        s02 /= 9;
        s11 = s11 / 9 + e;
        s12 /= 9;
        s22 = s22 / 9 + e;
        const i00 = s11 * s22 - s12 * s12, i01 = s02 * s12 - s01 * s22, i02 = s01 * s12 - s02 * s11;
        const i11 = s00 * s22 - s02 * s02, i12 = s01 * s02 - s00 * s12, i22 = s00 * s11 - s01 * s01;
        const det = s00 * i00 + s01 * i01 + s02 * i02;
        const inv = 1 / det;
        for (let a = 0; a < 9; a++) {
          const ia = idx[win[a]];
          if (ia < 0) continue;
          // (I_a − μ)ᵀ Σ⁻¹, then dot with every (I_b − μ)
          const va = (i00 * cr[a] + i01 * cg[a] + i02 * cb[a]) * inv;
          const vg = (i01 * cr[a] + i11 * cg[a] + i12 * cb[a]) * inv;
          const vb = (i02 * cr[a] + i12 * cg[a] + i22 * cb[a]) * inv;
          const ax = a % 3, ay = (a - ax) / 3;
          const row = ia * TAPS;
          for (let bq = 0; bq < 9; bq++) {
            const bx = bq % 3, by = (bq - bx) / 3;
            const l = (a === bq ? 1 : 0) - (1 + va * cr[bq] + vg * cg[bq] + vb * cb[bq]) / 9;
            A[row + (by - ay + 2) * SPAN + (bx - ax + 2)] += l;
          }
        }
      }
    }
  }
  // neighbour table; known neighbours move to the right-hand side
  const nb = new Int32Array(nu * TAPS).fill(-1);
  for (let u = 0; u < nu; u++) {
    const p = pix[u];
    const px = p % w, py = (p - px) / w;
    const row = u * TAPS;
    const gamma = gammaAt(p);
    if (gamma > 0) {
      A[row + CENTRE] += gamma;
      b[u] += gamma * prior![p];
    }
    for (let t = 0; t < TAPS; t++) {
      const v = A[row + t];
      if (v === 0) continue;
      const dx = (t % SPAN) - 2, dy = ((t / SPAN) | 0) - 2;
      const qx = px + dx, qy = py + dy;
      const q = qy * w + qx;
      const iq = idx[q];
      if (iq >= 0) nb[row + t] = iq;
      else {
        b[u] -= v * alpha[q];
        A[row + t] = 0;
      }
    }
  }
  // preconditioned conjugate gradients (Jacobi), started from the prior (or the given alpha)
  const x = new Float64Array(nu);
  for (let u = 0; u < nu; u++) x[u] = prior ? prior[pix[u]] : alpha[pix[u]];
  const mul = (v: Float64Array, o: Float64Array) => {
    for (let u = 0; u < nu; u++) {
      const row = u * TAPS;
      let s = 0;
      for (let t = 0; t < TAPS; t++) {
        const j = nb[row + t];
        if (j >= 0) s += A[row + t] * v[j];
      }
      o[u] = s;
    }
  };
  const r = new Float64Array(nu), z = new Float64Array(nu), d = new Float64Array(nu), q = new Float64Array(nu);
  const dinv = new Float64Array(nu);
  for (let u = 0; u < nu; u++) {
    const a = A[u * TAPS + CENTRE];
    dinv[u] = a > 0 ? 1 / a : 1;
  }
  mul(x, q);
  let bn = 0;
  for (let u = 0; u < nu; u++) {
    r[u] = b[u] - q[u];
    z[u] = r[u] * dinv[u];
    d[u] = z[u];
    bn += b[u] * b[u];
  }
  bn = Math.sqrt(bn) || 1;
  let rz = 0;
  for (let u = 0; u < nu; u++) rz += r[u] * z[u];
  for (let it = 0; it < maxIt; it++) {
    mul(d, q);
    let dq = 0;
    for (let u = 0; u < nu; u++) dq += d[u] * q[u];
    if (!(dq > 0)) break;
    const step = rz / dq;
    let rn = 0;
    for (let u = 0; u < nu; u++) {
      x[u] += step * d[u];
      r[u] -= step * q[u];
      rn += r[u] * r[u];
    }
    if (Math.sqrt(rn) / bn < tol) break;
    let rz2 = 0;
    for (let u = 0; u < nu; u++) {
      z[u] = r[u] * dinv[u];
      rz2 += r[u] * z[u];
    }
    const beta = rz2 / rz;
    rz = rz2;
    for (let u = 0; u < nu; u++) d[u] = z[u] + beta * d[u];
  }
  for (let u = 0; u < nu; u++) {
    const v = x[u];
    out[pix[u]] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return out;
}
