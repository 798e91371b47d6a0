/**
 * Matte refinement and the small image-field helpers the fixer's compose step shares.
 *
 * `refineMatte` turns a coarse person-probability mask (MediaPipe selfie segmentation: 256×256 or any size,
 * covering the whole image) into an alpha matte at the image's resolution that follows the real edges:
 *   1. bilinear upsampling of the mask; a trimap from it: eroded = sure person, outside the dilation = sure
 *      background, between = unknown band (wide enough for hair: ≥ 2 mask px, ≈ short side / 24);
 *   2. local colour models: the person's and the wall's colours continued into the band (pull-push of the sure
 *      pixels); each band pixel's alpha is the projection of its colour on the local wall→person colour line, so a
 *      thin dark strand over a light wall comes back as partial alpha; where the two colours are too similar the
 *      coarse mask is kept;
 *   3. a small colour guided filter (He, Sun & Tang) ties the estimate to the image edges and removes speckle,
 *      then a contrast stretch removes the faint halo (α < 0.05 → 0, α > 0.95 → 1).
 *
 * `pullPush` fills a colour field from weighted samples (coarse-to-fine), used to extend the background under the
 * person and into padded areas, and to estimate foreground colours for decontamination.
 *
 * Pure TypeScript over typed arrays.
 */

export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface RefineMatteOptions {
  /** Guided-filter window radius in image px (default ≈ short side / 80, at least 2). */
  radius?: number;
  /** Guided-filter regularisation on 0..1 colours (default 1e-2; tuned on the synthetic and the triangulated real
   *  matte in tests/unit/fixer: edge error ≈ 20 % lower than 1e-4). */
  eps?: number;
  /** Half width of the unknown band around the coarse edge, px (default: short side / 24, at least two mask px). */
  band?: number;
  /** Fast guided filter reduction (default 2 when the radius is ≥ 4, else 1; see `guidedFilter`). */
  subsample?: number;
}

/** Bilinear resample of a mask (mw×mh, covering the same area as the image) to w×h. */
export function resizeMask(mask: ArrayLike<number>, mw: number, mh: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const sx = mw / w, sy = mh / h;
  for (let y = 0; y < h; y++) {
    let fy = (y + 0.5) * sy - 0.5;
    if (fy < 0) fy = 0;
    if (fy > mh - 1) fy = mh - 1;
    const y0 = Math.floor(fy), y1 = Math.min(mh - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < w; x++) {
      let fx = (x + 0.5) * sx - 0.5;
      if (fx < 0) fx = 0;
      if (fx > mw - 1) fx = mw - 1;
      const x0 = Math.floor(fx), x1 = Math.min(mw - 1, x0 + 1), tx = fx - x0;
      const a = mask[y0 * mw + x0], b = mask[y0 * mw + x1], c = mask[y1 * mw + x0], d = mask[y1 * mw + x1];
      out[y * w + x] = (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }
  }
  return out;
}

/** Box mean over a (2r+1)² window, edge-normalised (separable running sums). */
export function boxMean(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let s = 0;
    for (let x = 0; x <= Math.min(r, w - 1); x++) s += src[row + x];
    for (let x = 0; x < w; x++) {
      const x0 = x - r, x1 = x + r;
      tmp[row + x] = s / (Math.min(w - 1, x1) - Math.max(0, x0) + 1);
      if (x1 + 1 < w) s += src[row + x1 + 1];
      if (x0 >= 0) s -= src[row + x0];
    }
  }
  // vertical pass row by row (running column sums) so memory is read in order
  const col = new Float64Array(w);
  for (let y = 0; y <= Math.min(r, h - 1); y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) col[x] += tmp[row + x];
  }
  for (let y = 0; y < h; y++) {
    const y0 = y - r, y1 = y + r;
    const inv = 1 / (Math.min(h - 1, y1) - Math.max(0, y0) + 1);
    const row = y * w;
    for (let x = 0; x < w; x++) out[row + x] = col[x] * inv;
    if (y1 + 1 < h) {
      const add = (y1 + 1) * w;
      for (let x = 0; x < w; x++) col[x] += tmp[add + x];
    }
    if (y0 >= 0) {
      const sub = y0 * w;
      for (let x = 0; x < w; x++) col[x] -= tmp[sub + x];
    }
  }
  return out;
}

/** Chessboard distance (px) from every pixel to the nearest pixel whose `bin` value equals `target` (two passes). */
function chessDistance(bin: Float32Array, w: number, h: number, target: number): Float32Array {
  const INF = w + h + 1;
  const d = new Float32Array(w * h);
  for (let i = 0; i < d.length; i++) d[i] = bin[i] === target ? 0 : INF;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let v = d[i];
      if (v === 0) continue;
      if (x > 0 && d[i - 1] + 1 < v) v = d[i - 1] + 1;
      if (y > 0) {
        if (d[i - w] + 1 < v) v = d[i - w] + 1;
        if (x > 0 && d[i - w - 1] + 1 < v) v = d[i - w - 1] + 1;
        if (x < w - 1 && d[i - w + 1] + 1 < v) v = d[i - w + 1] + 1;
      }
      d[i] = v;
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      let v = d[i];
      if (v === 0) continue;
      if (x < w - 1 && d[i + 1] + 1 < v) v = d[i + 1] + 1;
      if (y < h - 1) {
        if (d[i + w] + 1 < v) v = d[i + w] + 1;
        if (x < w - 1 && d[i + w + 1] + 1 < v) v = d[i + w + 1] + 1;
        if (x > 0 && d[i + w - 1] + 1 < v) v = d[i + w - 1] + 1;
      }
      d[i] = v;
    }
  }
  return d;
}

/** Binary erosion (isMax false) or dilation (true) of a 0/1 map by a (2r+1)² square, via distance transforms. */
function minMax(bin: Float32Array, w: number, h: number, r: number, isMax: boolean): Float32Array {
  const out = new Float32Array(w * h);
  if (isMax) {
    const d = chessDistance(bin, w, h, 1);
    for (let i = 0; i < out.length; i++) out[i] = d[i] <= r ? 1 : 0;
  } else {
    const d = chessDistance(bin, w, h, 0);
    for (let i = 0; i < out.length; i++) out[i] = d[i] > r ? 1 : 0;
  }
  return out;
}

/**
 * Colour guided filter: output q = mean(a)·I + mean(b) with a = (Σ_I + εU)⁻¹ cov(I, p), b = mean(p) − a·mean(I),
 * all over (2r+1)² windows. I is the image in 0..1.
 * With `sub` > 1 it is the fast guided filter: a and b are found on a copy reduced `sub`× (box average, radius r/sub)
 * and only their smooth means are scaled back up (bilinear) before q is formed at full resolution — the same
 * edges, sub² less work (a and b vary slowly, so little is lost).
 */
export function guidedFilter(img: RgbaImage, p: Float32Array, r: number, eps: number, sub = 1): Float32Array {
  const { width: W, height: H, data } = img;
  const N = W * H;
  const R = new Float32Array(N), G = new Float32Array(N), B = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    R[i] = data[i * 4] / 255;
    G[i] = data[i * 4 + 1] / 255;
    B[i] = data[i * 4 + 2] / 255;
  }
  const k = Math.max(1, Math.floor(sub));
  const w = Math.ceil(W / k), h = Math.ceil(H / k), n = w * h;
  const reduce = (src: Float32Array) => {
    if (k === 1) return src;
    const o = new Float32Array(n), cnt = new Float32Array(n);
    for (let y = 0; y < H; y++) {
      const ry = ((y / k) | 0) * w;
      for (let x = 0; x < W; x++) {
        const d = ry + ((x / k) | 0);
        o[d] += src[y * W + x];
        cnt[d]++;
      }
    }
    for (let i = 0; i < n; i++) o[i] /= cnt[i];
    return o;
  };
  const r1 = R, g1 = G, b1 = B; // full resolution guide
  const Rs = reduce(R), Gs = reduce(G), Bs = reduce(B), ps = reduce(p);
  const rr = Math.max(1, Math.round(r / k));
  const prod = (a: Float32Array, b: Float32Array) => {
    const o = new Float32Array(n);
    for (let i = 0; i < n; i++) o[i] = a[i] * b[i];
    return o;
  };
  const mR = boxMean(Rs, w, h, rr), mG = boxMean(Gs, w, h, rr), mB = boxMean(Bs, w, h, rr), mP = boxMean(ps, w, h, rr);
  const mRp = boxMean(prod(Rs, ps), w, h, rr), mGp = boxMean(prod(Gs, ps), w, h, rr), mBp = boxMean(prod(Bs, ps), w, h, rr);
  const mRR = boxMean(prod(Rs, Rs), w, h, rr), mRG = boxMean(prod(Rs, Gs), w, h, rr), mRB = boxMean(prod(Rs, Bs), w, h, rr);
  const mGG = boxMean(prod(Gs, Gs), w, h, rr), mGB = boxMean(prod(Gs, Bs), w, h, rr), mBB = boxMean(prod(Bs, Bs), w, h, rr);
  const aR = new Float32Array(n), aG = new Float32Array(n), aB = new Float32Array(n), bb = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const cr = mRp[i] - mR[i] * mP[i], cg = mGp[i] - mG[i] * mP[i], cb = mBp[i] - mB[i] * mP[i];
    // symmetric covariance + eps on the diagonal
    const s00 = mRR[i] - mR[i] * mR[i] + eps, s01 = mRG[i] - mR[i] * mG[i], s02 = mRB[i] - mR[i] * mB[i];
    const s11 = mGG[i] - mG[i] * mG[i] + eps, s12 = mGB[i] - mG[i] * mB[i], s22 = mBB[i] - mB[i] * mB[i] + eps;
    // inverse via the adjugate
    const i00 = s11 * s22 - s12 * s12, i01 = s02 * s12 - s01 * s22, i02 = s01 * s12 - s02 * s11;
    const i11 = s00 * s22 - s02 * s02, i12 = s01 * s02 - s00 * s12, i22 = s00 * s11 - s01 * s01;
    const det = s00 * i00 + s01 * i01 + s02 * i02;
    const inv = det !== 0 ? 1 / det : 0;
    const ar = (i00 * cr + i01 * cg + i02 * cb) * inv;
    const ag = (i01 * cr + i11 * cg + i12 * cb) * inv;
    const ab = (i02 * cr + i12 * cg + i22 * cb) * inv;
    aR[i] = ar;
    aG[i] = ag;
    aB[i] = ab;
    bb[i] = mP[i] - ar * mR[i] - ag * mG[i] - ab * mB[i];
  }
  const maR = boxMean(aR, w, h, rr), maG = boxMean(aG, w, h, rr), maB = boxMean(aB, w, h, rr), mb = boxMean(bb, w, h, rr);
  const q = new Float32Array(N);
  if (k === 1) {
    for (let i = 0; i < N; i++) q[i] = maR[i] * r1[i] + maG[i] * g1[i] + maB[i] * b1[i] + mb[i];
    return q;
  }
  // bilinear: reduced cell centres sit at (c + 0.5)·k − 0.5 in full-resolution pixels
  for (let y = 0; y < H; y++) {
    let fy = (y + 0.5) / k - 0.5;
    if (fy < 0) fy = 0;
    if (fy > h - 1) fy = h - 1;
    const y0 = Math.floor(fy), y1 = Math.min(h - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < W; x++) {
      let fx = (x + 0.5) / k - 0.5;
      if (fx < 0) fx = 0;
      if (fx > w - 1) fx = w - 1;
      const x0 = Math.floor(fx), x1 = Math.min(w - 1, x0 + 1), tx = fx - x0;
      const i00 = y0 * w + x0, i01 = y0 * w + x1, i10 = y1 * w + x0, i11 = y1 * w + x1;
      const w00 = (1 - tx) * (1 - ty), w01 = tx * (1 - ty), w10 = (1 - tx) * ty, w11 = tx * ty;
      const lerp = (m: Float32Array) => m[i00] * w00 + m[i01] * w01 + m[i10] * w10 + m[i11] * w11;
      const i = y * W + x;
      q[i] = lerp(maR) * r1[i] + lerp(maG) * g1[i] + lerp(maB) * b1[i] + lerp(mb);
    }
  }
  return q;
}

/**
 * Refine a coarse person mask (maskW × maskH, covering the whole image) into an image-sized alpha matte 0..1.
 */
export function refineMatte(image: RgbaImage, mask: ArrayLike<number>, maskW: number, maskH: number, opts: RefineMatteOptions = {}): Float32Array {
  const { width: w, height: h, data } = image;
  if (mask.length < maskW * maskH || maskW < 1 || maskH < 1) throw new RangeError('refineMatte: bad mask size');
  const n = w * h;
  const short = Math.min(w, h);
  const r = Math.max(2, Math.round(opts.radius ?? short / 80));
  const eps = opts.eps ?? 1e-2;
  const pxPerMask = Math.max(w / maskW, h / maskH);
  const band = Math.max(3, Math.round(opts.band ?? Math.max(short / 24, 2 * pxPerMask)));
  const coarse = maskW === w && maskH === h ? Float32Array.from(mask as ArrayLike<number>) : resizeMask(mask, maskW, maskH, w, h);
  // trimap from the coarse mask
  const bin = new Float32Array(n);
  for (let i = 0; i < n; i++) bin[i] = coarse[i] >= 0.5 ? 1 : 0;
  const sureFg = minMax(bin, w, h, band, false); // eroded: 1 only deep inside
  const maybeFg = minMax(bin, w, h, band, true); // dilated: 0 only far outside
  // local colour models: the person's and the wall's colours continued into the unknown band
  const rgb = new Float32Array(n * 3);
  const wf = new Float32Array(n), wb = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = data[i * 4];
    rgb[i * 3 + 1] = data[i * 4 + 1];
    rgb[i * 3 + 2] = data[i * 4 + 2];
    wf[i] = sureFg[i] === 1 ? 1 : 0;
    wb[i] = maybeFg[i] === 0 ? 1 : 0;
  }
  const F = pullPush(rgb, wf, w, h, 2);
  const B = pullPush(rgb, wb, w, h, 2);
  // unknown band: project the colour on the local background→foreground line; where the two colours are too
  // close to tell apart, keep the coarse mask
  const est = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (sureFg[i] === 1) {
      est[i] = 1;
      continue;
    }
    if (maybeFg[i] === 0) {
      est[i] = 0;
      continue;
    }
    const dr = F[i * 3] - B[i * 3], dg = F[i * 3 + 1] - B[i * 3 + 1], db = F[i * 3 + 2] - B[i * 3 + 2];
    const d2 = dr * dr + dg * dg + db * db;
    const pr = rgb[i * 3] - B[i * 3], pg = rgb[i * 3 + 1] - B[i * 3 + 1], pb = rgb[i * 3 + 2] - B[i * 3 + 2];
    let a = d2 > 0 ? (pr * dr + pg * dg + pb * db) / d2 : coarse[i];
    a = a < 0 ? 0 : a > 1 ? 1 : a;
    // confidence of the colour model: 0 below a 20-level separation, 1 above 60
    const sep = Math.sqrt(d2);
    const c = sep <= 20 ? 0 : sep >= 60 ? 1 : (sep - 20) / 40;
    est[i] = c * a + (1 - c) * coarse[i];
  }
  // a light guided filter ties the estimate to the image's edges and removes speckle
  const q = guidedFilter(image, est, r, eps, opts.subsample ?? (r >= 4 ? 2 : 1));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let a: number;
    if (sureFg[i] === 1) a = 1;
    else if (maybeFg[i] === 0) a = 0;
    else a = (q[i] - 0.05) / 0.9; // halo removal: α < 0.05 → 0, α > 0.95 → 1
    out[i] = a < 0 ? 0 : a > 1 ? 1 : a;
  }
  return out;
}

/**
 * Pull-push interpolation of an RGB field from weighted samples.
 * `rgb` is w×h×3 (any scale), `weight` w×h (0 = unknown). Returns a w×h×3 Float32Array defined everywhere:
 * where samples are dense it keeps detail down to cells of 2^`finest` px (0 = exact at full weight), elsewhere it
 * is the smooth average of the nearby known samples (bilinear between coarse cells).
 */
export function pullPush(rgb: ArrayLike<number>, weight: Float32Array, w: number, h: number, finest = 0): Float32Array {
  // pull: pyramid of (Σ w·c, Σ w) with 2×2 sums
  const levels: { w: number; h: number; c: Float32Array; wt: Float32Array }[] = [];
  {
    const c = new Float32Array(w * h * 3), wt = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++) {
      const k = weight[i] > 0 ? weight[i] : 0;
      wt[i] = k;
      c[i * 3] = rgb[i * 3] * k;
      c[i * 3 + 1] = rgb[i * 3 + 1] * k;
      c[i * 3 + 2] = rgb[i * 3 + 2] * k;
    }
    levels.push({ w, h, c, wt });
  }
  while (levels[levels.length - 1].w > 1 || levels[levels.length - 1].h > 1) {
    const L = levels[levels.length - 1];
    const nw = Math.ceil(L.w / 2), nh = Math.ceil(L.h / 2);
    const c = new Float32Array(nw * nh * 3), wt = new Float32Array(nw * nh);
    for (let y = 0; y < L.h; y++) {
      for (let x = 0; x < L.w; x++) {
        const s = y * L.w + x, d = (y >> 1) * nw + (x >> 1);
        wt[d] += L.wt[s];
        c[d * 3] += L.c[s * 3];
        c[d * 3 + 1] += L.c[s * 3 + 1];
        c[d * 3 + 2] += L.c[s * 3 + 2];
      }
    }
    levels.push({ w: nw, h: nh, c, wt });
  }
  // push: from the top, each level = own mean where its cells are well sampled, else the upsampled coarser field
  let field = new Float32Array(3);
  {
    const T = levels[levels.length - 1];
    const k = T.wt[0] > 0 ? 1 / T.wt[0] : 0;
    field[0] = T.c[0] * k;
    field[1] = T.c[1] * k;
    field[2] = T.c[2] * k;
  }
  const stop = Math.max(0, Math.min(finest, levels.length - 1));
  for (let l = levels.length - 2; l >= stop; l--) {
    const L = levels[l], P = levels[l + 1];
    const next = new Float32Array(L.w * L.h * 3);
    const full = 4 ** l; // weight of a fully known cell (unit weights)
    for (let y = 0; y < L.h; y++) {
      // bilinear sample of the coarser field at this cell's centre
      let fy = (y + 0.5) / 2 - 0.5;
      if (fy < 0) fy = 0;
      if (fy > P.h - 1) fy = P.h - 1;
      const y0 = Math.floor(fy), y1 = Math.min(P.h - 1, y0 + 1), ty = fy - y0;
      for (let x = 0; x < L.w; x++) {
        let fx = (x + 0.5) / 2 - 0.5;
        if (fx < 0) fx = 0;
        if (fx > P.w - 1) fx = P.w - 1;
        const x0 = Math.floor(fx), x1 = Math.min(P.w - 1, x0 + 1), tx = fx - x0;
        const i = y * L.w + x;
        const wt = L.wt[i];
        const a = Math.min(1, wt / full);
        for (let ch = 0; ch < 3; ch++) {
          const c00 = field[(y0 * P.w + x0) * 3 + ch], c01 = field[(y0 * P.w + x1) * 3 + ch];
          const c10 = field[(y1 * P.w + x0) * 3 + ch], c11 = field[(y1 * P.w + x1) * 3 + ch];
          const up = (c00 + (c01 - c00) * tx) * (1 - ty) + (c10 + (c11 - c10) * tx) * ty;
          const own = wt > 0 ? L.c[i * 3 + ch] / wt : up;
          next[i * 3 + ch] = a * own + (1 - a) * up;
        }
      }
    }
    field = next;
  }
  if (stop === 0) return field;
  // bilinear upsample of the level-`stop` field to full size
  const S = levels[stop];
  const out = new Float32Array(w * h * 3);
  const f = 2 ** stop;
  for (let y = 0; y < h; y++) {
    let fy = (y + 0.5) / f - 0.5;
    if (fy < 0) fy = 0;
    if (fy > S.h - 1) fy = S.h - 1;
    const y0 = Math.floor(fy), y1 = Math.min(S.h - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < w; x++) {
      let fx = (x + 0.5) / f - 0.5;
      if (fx < 0) fx = 0;
      if (fx > S.w - 1) fx = S.w - 1;
      const x0 = Math.floor(fx), x1 = Math.min(S.w - 1, x0 + 1), tx = fx - x0;
      for (let ch = 0; ch < 3; ch++) {
        const c00 = field[(y0 * S.w + x0) * 3 + ch], c01 = field[(y0 * S.w + x1) * 3 + ch];
        const c10 = field[(y1 * S.w + x0) * 3 + ch], c11 = field[(y1 * S.w + x1) * 3 + ch];
        out[(y * w + x) * 3 + ch] = (c00 + (c01 - c00) * tx) * (1 - ty) + (c10 + (c11 - c10) * tx) * ty;
      }
    }
  }
  return out;
}
