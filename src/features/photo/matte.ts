/**
 * Matte refinement and the small image-field helpers the fixer's compose step shares.
 *
 * `refineMatte` turns a coarse person-probability mask (MediaPipe selfie segmentation: 256×256 or any size,
 * covering the whole image) into an alpha matte at the image's resolution: a person prior around the detected face,
 * a narrow unknown band at the working resolution and closed-form matting only inside it. `estimateForeground`
 * gives the person's true colours at the edge (multi-level foreground estimation) for the background replacement.
 * Measured on composites with an exact truth (scripts/lib/matte-truth.mjs): the first refine step (a guided filter
 * with a window large against hair and shoulders, projection on colour lines, a contrast stretch, then tinting)
 * made the halos and the eaten edges; the coarse mask itself makes the blobs (see ../shared/notes/matting.md).
 * Given the true alpha averaged to the segmenter's cells, this refinement scored band α 0.033, ΔE00 1.9 (busy plates;
 * before the ear zone): what is left is mostly where the real segmenter's mask is wrong by more than the band.
 *
 * `pullPush` fills a colour field from weighted samples (coarse-to-fine), used to extend the background under the
 * person and into padded areas, and to estimate foreground colours for decontamination.
 *
 * Pure TypeScript over typed arrays.
 */
import { rgbField, resizeBilinear, resizeNearest, type RgbaImage } from '../../lib/image/raster.ts';
import { chessDistance, components } from '../../lib/image/regions.ts';
import { closedFormAlpha } from '../../lib/image/closed-form-matting.ts';
import { dropOtherFaces, type Box } from './other-faces.ts';

export type { RgbaImage } from '../../lib/image/raster.ts';


/** Bilinear resample of a mask (mw×mh, covering the same area as the image) to w×h. */
export function resizeMask(mask: ArrayLike<number>, mw: number, mh: number, w: number, h: number): Float32Array {
  return resizeBilinear(mask, mw, mh, 1, w, h);
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

/** Face geometry in the matte's pixels (the framing's predicted output measurements). */
export interface MatteFace {
  headTopPx: number;
  eyeYPx: number;
  faceWidthPx: number;
  faceCenterXPx: number;
}

/**
 * Tuning of the matte (measured on the matting benchmark's composites — 6 foregrounds with an exact alpha on 3 busy
 * and 2 plain plates, from the alpha clean-up on also an ID-photo red one; the real selfie-segmenter masks —
 * `npm run bench -- matte`, see BENCHMARKS.md; the numbers quoted are means per kind of plate).
 */
export const MATTE_TUNING = {
  /** Person envelope, in face widths from the face centre / eye line: hair beside the head … */
  hairHalfWidthFw: 1.05,
  /** … and above the eyes (tall hair, buns) … */
  hairAboveEyeFw: 1.75,
  /** … down to where the shoulders may start (0.7: high shoulders of a large face reach the photo's side there;
   *  1.0 cut them off with a straight notch; busy/plain eaten 0.57 / 0.63 → 0.39 / 0.45 %) and the envelope widens
   *  to the whole width over `shoulderRampFw`. */
  shoulderBelowEyeFw: 0.7,
  shoulderRampFw: 0.6,
  /** Confidence: the segmenter's real person is ≈ 1 with a soft rim; a piece of the backdrop it half takes for the
   *  person is a wide grey area. Only what lies within `rimCells` cells of the confident core (mask averaged over
   *  `coreRadiusCells` ≥ `coreLevel`, connected to the face) is kept: leftover on the busy plates 0.72 → 0.38 %.
   *  With the second views of the segmenter (compose.ts WIDE_VIEW / HEAD_VIEW), the 2.5-cell band and the clean-up
   *  of the solved alpha below: 2 cells (busy halo / eaten 0.593 px / 0.230 % at 2.5 cells, 0.545 / 0.255 at 2; a rim
   *  of the old background is what a reviewer rejects — recorded masks, `npm run matte-replay`). */
  coreLevel: 0.9,
  coreRadiusCells: 1,
  rimCells: 2,
  /** With a second segmentation (`RefineMatteOptions.confirm`: the whole photo when the matte comes from the crop's,
   *  else a closer view of the head), the core must be person there too, at least this much. The two views rarely share a mistake: busy leftover
   *  0.38 → 0.15 % (a dog the crop's view took for a shoulder), eaten +0.02 % (0.5: no effect; 0.9: eaten +0.04 %). */
  confirmLevel: 0.7,
  /** Unknown band half width in segmenter cells (at least `minBandPx` px) around the mask's 0.5 contour: 2 cells
   *  scored better than 1.5 and 3 on the busy plates (band α 0.070 / 0.072 / 0.077 at ε 1e-4) — the mask's edge is
   *  rarely off by more, and a wider band lets the colour-line model follow the backdrop's own edges. With the
   *  averaged wide view (a smoother mask) and closed-form matting, 2.5 cells: busy band α 0.061 → 0.059, ΔE
   *  3.23 → 3.12, halo 0.68 → 0.65 px; plain eaten 0.27 → 0.30 % (recorded masks, rim 3 cells). */
  bandCells: 2.5,
  minBandPx: 3,
  /** Above the eye line (hair) the band is asymmetric: `hairBandOutCells` outwards, `hairBandInCells` inwards. The
   *  segmenter stops short of hair strands (busy/plain eaten 0.36 / 0.37 % with 2 / 2 cells → 0.22 / 0.26 % with
   *  3 / 1.5; band α 0.068 / 0.053 → 0.062 / 0.049). Applied below the eyes too it let the matte take the backdrop
   *  beside the shoulders (busy halo 0.74 → 0.92 px), so it stays with the hair. With the ear zone below and the
   *  pull at 0.1: 4 cells out (busy band α 0.0507 → 0.0503, eaten 0.212 → 0.200 %, halo 0.49 → 0.50 px; the hair of
   *  the contact sheet's photos unchanged to the eye — Obama, Gates, the blonde and the curly hair looked at zoomed). */
  hairBandOutCells: 4,
  hairBandInCells: 1.5,
  /** γ of the pull towards the coarse mask in that outward extension (beyond `bandCells`): on a real photo (grey hair
   *  against a light window, b_man-black-oval-office) the free extension left light smudges above the hair; 0.2
   *  removes them (contact sheet) at a cost of busy eaten 0.24 → 0.26 % on the composites (recorded masks); 0.1 with
   *  the 4-cell band left them away too. Gating the hair extension by the segmenter's own value, as for the ears,
   *  lost strands it does not see at all (busy eaten 0.200 → 0.225 %). */
  hairBandPrior: 0.1,
  /** The ears: the segmenter cuts off the outer ear (an ear-shaped bite of the new colour beside the cheek on
   *  white-glasses and cn-grey-suit). Beside the face (`earFromCentreFw` face widths from its centre), from the eye
   *  line to `earBelowEyeFw` below it, the band reaches `earBandOutCells` outwards, without the pull towards the
   *  mask (a pull of 0.2 as for the hair kept the ears cut: busy eaten 0.253 → 0.245 %; free: 0.199 %) — but only
   *  where the segmenter itself gave at least `earMaskMin` (it sees a cut ear faintly), and what the solve leaves
   *  below `earSolid` there is cleared: a free band beside the ear of b_woman-black-outdoor took a grey
   *  smudge of her textured wall (contact sheet); gated, the smudge is gone and the ears stay (0.05 and 0.03 alike on
   *  the photos). What it keeps must be mostly skin (`earSkinChroma`, see `notEarStretches`); not on a side where a
   *  bystander's face was found. Busy / plain eaten 0.253 / 0.201 → 0.21 / 0.19 %, halo 0.48 → 0.47 px (4 cells: less
   *  eaten gained; 7: more leftover; down to 0.8 fw below the eyes: the shoulders' backdrop, halo 0.57 px). */
  earBandOutCells: 5,
  earBelowEyeFw: 0.6,
  earFromCentreFw: [0.35, 0.9],
  earMaskMin: 0.03,
  earSolid: 0.5,
  /** Chromaticity distance (r, g of r + g + b) within which a piece the ear zone took counts as skin: ears measured
   *  0.008–0.036 from the cheeks (composites, Obama, Gates), hair and a bystander's shirt 0.06–0.09. */
  earSkinChroma: 0.05,
  /** Closed-form matting inside the band: window covariance regularisation (colours 0..1; busy/plain band α
   *  1e-3 0.076/–, 1e-4 0.070/0.058, 1e-5 0.068/0.053, 1e-6 0.068/0.051 — below 1e-5 the busy plates gain nothing)
   *  and the iteration cap (200 and 1000 give the same scores). */
  mattingEps: 1e-5,
  mattingIterations: 200,
  /** Clean-up of the solved alpha in the band: the colour-line model leaves a faint haze (≤ `alphaLow`, set to 0)
   *  in the backdrop, and lets hair well inside the person fall a little short of 1, which blends some of the new
   *  blue into it: α ≥ 0.5 at least `solidInsidePx` px inside the solved 0.5 contour is set to 1. The soft edge itself
   *  is left alone — a plain stretch of α (0.05 → 0, 0.85 → 1) also lowered eaten, but raised α in the true soft edge,
   *  where the foreground estimate then takes the old colour: on the red plate band ΔE 2.08 → 3.09, and a red rim on
   *  the real red portrait (tests/unit/features/photo/matte-real.test.ts; 2 px inside: the same, 17 levels of red).
   *  At 3 px: busy / plain eaten 0.34 / 0.25 → 0.26 / 0.19 %, halo 0.52 / 0.26 → 0.55 / 0.25 px, red plate ΔE 2.15. */
  alphaLow: 0.05,
  solidInsidePx: 3,
  /** Just inside the solved contour (`solidNearPx` ≤ depth < `solidInsidePx`) the solve still lets some pure person
   *  fall to α 0.5–0.9 (dark hair under a blue veil: most of what is left of "eaten"). There a pixel is made solid only
   *  when its own colour says it holds no backdrop — projected on the line from the backdrop's colour nearby (α = 0
   *  within `solidNearBgR` px) to the person's (sure person within `solidNearFgR` px), it lies at least
   *  `solidNearLevel` of the way (1: as far from the backdrop as the person's own colour; `solidifyNearEdge`). A mixed
   *  pixel of the true soft edge lies short of that and keeps its α. Busy / plain eaten 0.206 / 0.196 → 0.195 /
   *  0.190 %, band α and ΔE a little better (recorded masks); the red rim on the real red portrait 2.4 → 2.7 levels
   *  (matte-real.test.ts).
   *  Every pixel at depth 2 with α ≥ 0.5 made solid, without the colour test: eaten 0.14 %, but a red rim of 17
   *  levels; at α ≥ 0.8: 0.19 % and 7 levels, visible as a dark red line along the hair (zoomed). Level 0.9: eaten
   *  0.188 %, rim 4.5 levels; at depth 1 as well: eaten 0.187 %, halo and band α a little worse. */
  solidNearPx: 2,
  solidNearLevel: 1,
  solidNearFgR: 4,
  solidNearBgR: 6,
} as const;

export interface RefineMatteOptions {
  /** The face in image px: keep only the person around it (drops islands, blobs beside the hair, other people). */
  face?: MatteFace;
  /** A second segmentation at the image's size (0..1), e.g. of the whole photo when `mask` is the crop's: the
   *  person's confident core must be person in it too (used with `face`). */
  confirm?: Float32Array | null;
  /** Size of one coarse-mask cell in image px (sets the unknown band; default from maskW/maskH). */
  cellPx?: number;
  /** Boxes (image px) of bystanders' faces beside the head (other-faces.ts): their zone is dropped (used with `face`). */
  otherFaces?: readonly Box[];
}

/**
 * Keep only the person of the detected face in a coarse mask (image-sized, 0..1): the 0.5-level region is cut to an
 * envelope around the head (hair may reach `hairHalfWidthFw` beside the face centre and `hairAboveEyeFw` above the
 * eyes; below the shoulders the envelope opens to the full width) and only its components that meet the face are
 * kept, and of those only what lies near the segmenter's confident core (where `confirm`, a second segmentation,
 * is given: near where both are sure); everything else — islands, blobs of the old backdrop beside the hair, a
 * second person — is set to 0. The soft rim of what is kept (values < 0.5 within 2 cells) stays.
 */
export function personPrior(mask: Float32Array, w: number, h: number, face: MatteFace, cellPx: number, confirm: Float32Array | null = null, otherFaces: readonly Box[] = []): Float32Array {
  const T = MATTE_TUNING;
  // a bystander's face found beside the head (other-faces.ts): its zone is no person, whatever the segmenter says
  if (otherFaces.length) mask = dropOtherFaces(mask, w, h, face, otherFaces);
  const fw = Math.max(1, face.faceWidthPx), cx = face.faceCenterXPx, ey = face.eyeYPx;
  const top = ey - T.hairAboveEyeFw * fw;
  const sh = ey + T.shoulderBelowEyeFw * fw;
  const inEnvelope = (x: number, y: number) => {
    if (y < top) return false;
    const half = y <= sh ? T.hairHalfWidthFw * fw : T.hairHalfWidthFw * fw + ((y - sh) / (T.shoulderRampFw * fw)) * w;
    return Math.abs(x - cx) <= half;
  };
  // the face seed: between the cheeks, from just above the eyes to the mouth
  const x0 = Math.max(0, Math.floor(cx - 0.3 * fw)), x1 = Math.min(w - 1, Math.ceil(cx + 0.3 * fw));
  const y0 = Math.max(0, Math.floor(ey - 0.2 * fw)), y1 = Math.min(h - 1, Math.ceil(ey + 0.5 * fw));
  /** Of a binary map, only the components that meet the face seed (with `fallbackLargest`, else the largest). */
  const atFace = (map: Uint8Array, fallbackLargest: boolean): Uint8Array | null => {
    const { labels, sizes } = components(map, w, h);
    const keep = new Uint8Array(sizes.length);
    let any = false;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (labels[y * w + x]) (keep[labels[y * w + x]] = 1), (any = true);
    if (!any) {
      if (!fallbackLargest) return null;
      // the mask missed the face: keep the largest piece rather than nothing
      let best = 0;
      for (let k = 1; k < sizes.length; k++) if (sizes[k] > (sizes[best] ?? 0)) best = k;
      if (best) keep[best] = 1;
    }
    const out = new Uint8Array(w * h);
    for (let i = 0; i < out.length; i++) out[i] = labels[i] && keep[labels[i]] ? 1 : 0;
    return out;
  };
  const bin = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x] >= 0.5 && inEnvelope(x, y)) bin[y * w + x] = 1;
  const kept = atFace(bin, true)!;
  {
    const avg = boxMean(mask, w, h, Math.max(1, Math.round(cellPx * T.coreRadiusCells)));
    const core = new Uint8Array(w * h);
    for (let i = 0; i < core.length; i++) core[i] = kept[i] && avg[i] >= T.coreLevel && (!confirm || confirm[i] >= T.confirmLevel) ? 1 : 0;
    const sure = atFace(core, false);
    if (sure) {
      const d = chessDistance(sure, w, h);
      const lim = Math.max(2, T.rimCells * cellPx);
      for (let i = 0; i < kept.length; i++) if (kept[i] && d[i] > lim) kept[i] = 0;
    }
  }
  const near = chessDistance(kept, w, h);
  const rim = Math.max(2, 2 * cellPx);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (kept[i]) out[i] = mask[i];
      else if (near[i] <= rim && mask[i] < 0.5 && inEnvelope(x, y)) out[i] = mask[i];
    }
  }
  return out;
}

/**
 * Refine a coarse person mask (maskW × maskH, covering the whole image) into an image-sized alpha matte 0..1.
 *   1. bilinear upsampling; with `face`, the person prior (`personPrior`);
 *   2. a trimap at the image's resolution: sure person / sure background farther than a narrow band (`bandCells`
 *      mask cells; above the eyes `hairBandOutCells` outwards and `hairBandInCells` inwards; beside the face below
 *      the eyes, where the segmenter saw a little, `earBandOutCells` outwards) from the 0.5 contour;
 *   3. inside the band only: closed-form matting (src/lib/image/closed-form-matting.ts) — the alpha that follows
 *      the image's colours in every 3 × 3 window, fixed by the sure pixels on both sides; then the faint
 *      haze (≤ `alphaLow`) is cleared and what lies well inside the person (`solidInsidePx`) made solid, just inside
 *      it only pure person (`solidifyNearEdge`). No blur of
 *      the mask, no contrast stretch, no tinting (the colours come from `estimateForeground`).
 * On the benchmark's composites this replaced a projection on local colour lines plus a 2 px guided filter:
 * busy plates band α 0.096 → 0.068, band ΔE00 4.9 → 3.6, eaten 0.85 → 0.36 %, halo 1.03 → 0.71 px (with the person
 * prior above; recorded masks, tests/fixtures/matte-masks).
 */
export function refineMatte(image: RgbaImage, mask: ArrayLike<number>, maskW: number, maskH: number, opts: RefineMatteOptions = {}): Float32Array {
  const { width: w, height: h } = image;
  if (mask.length < maskW * maskH || maskW < 1 || maskH < 1) throw new RangeError('refineMatte: bad mask size');
  const n = w * h;
  const T = MATTE_TUNING;
  const cell = opts.cellPx ?? Math.max(w / maskW, h / maskH);
  let coarse = maskW === w && maskH === h ? Float32Array.from(mask as ArrayLike<number>) : resizeMask(mask, maskW, maskH, w, h);
  if (opts.confirm && opts.confirm.length !== n) throw new RangeError('refineMatte: confirm mask is not image-sized');
  // the segmenter's own values with the bystanders' zones dropped (once, for the prior and the ear zone's gate)
  const raw = opts.face && opts.otherFaces?.length ? dropOtherFaces(coarse, w, h, opts.face, opts.otherFaces) : coarse;
  if (opts.face) coarse = personPrior(raw, w, h, opts.face, cell, opts.confirm ?? null);
  const band = Math.max(T.minBandPx, Math.round(T.bandCells * cell));
  const fg = new Uint8Array(n), bg = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    fg[i] = coarse[i] >= 0.5 ? 1 : 0;
    bg[i] = 1 - fg[i];
  }
  const toBg = chessDistance(bg, w, h); // for person pixels: distance to the background
  const toFg = chessDistance(fg, w, h);
  const unknown = new Uint8Array(n);
  const known = new Float32Array(n);
  const weight = new Float32Array(n);
  // above the eyes (hair) the segmenter tends to stop short of the strands: the band reaches farther out there, and
  // that extension beyond `band` is pulled towards the segmenter's own (low) value: only clear evidence takes it
  const hairOut = Math.max(band, Math.round(T.hairBandOutCells * cell));
  const hairIn = Math.max(T.minBandPx, Math.round(T.hairBandInCells * cell));
  const hairRows = opts.face ? Math.max(0, Math.min(h, Math.floor(opts.face.eyeYPx) + 1)) : 0;
  // beside the face from the eye line down (the ears), the band reaches `earBandOutCells` outwards, free of the pull
  const face = opts.face;
  const earOut = Math.max(band, Math.round(T.earBandOutCells * cell));
  // not on a side where a bystander's face was found: a face behind the ear is skin too (b_woman-older-indoor)
  const bystanderLeft = !!face && (opts.otherFaces ?? []).some((b) => (b.x0 + b.x1) / 2 < face.faceCenterXPx);
  const bystanderRight = !!face && (opts.otherFaces ?? []).some((b) => (b.x0 + b.x1) / 2 >= face.faceCenterXPx);
  const inEarZone = (x: number, y: number) => {
    if (!face) return false;
    if (x < face.faceCenterXPx ? bystanderLeft : bystanderRight) return false;
    const fw = Math.max(1, face.faceWidthPx);
    const dx = Math.abs(x - face.faceCenterXPx) / fw, dy = (y - face.eyeYPx) / fw;
    return dy >= 0 && dy <= T.earBelowEyeFw && dx >= T.earFromCentreFw[0] && dx <= T.earFromCentreFw[1];
  };
  const earExt = new Uint8Array(n);
  for (let y = 0, i = 0; y < h; y++) {
    const hair = y < hairRows;
    for (let x = 0; x < w; x++, i++) {
      let out = band, prior: number = T.hairBandPrior;
      if (hair) out = hairOut;
      else if (!fg[i] && toFg[i] > band && toFg[i] <= earOut && raw[i] >= T.earMaskMin && inEarZone(x, y)) (out = earOut), (prior = 0), (earExt[i] = 1);
      unknown[i] = (fg[i] ? toBg[i] <= (hair ? hairIn : band) : toFg[i] <= out) ? 1 : 0;
      known[i] = fg[i];
      if (unknown[i] && !fg[i] && toFg[i] > band) weight[i] = prior;
    }
  }
  const solve = () => {
    const alpha = closedFormAlpha(image, known, unknown, coarse, { eps: T.mattingEps, maxIterations: T.mattingIterations, priorWeight: weight });
    const outside = new Uint8Array(n);
    for (let i = 0; i < n; i++) outside[i] = alpha[i] < 0.5 ? 1 : 0;
    const depth = chessDistance(outside, w, h); // px inside the solved 0.5 contour
    for (let i = 0; i < n; i++) {
      if (!unknown[i]) continue;
      if (alpha[i] <= T.alphaLow) alpha[i] = 0;
      else if (depth[i] >= T.solidInsidePx) alpha[i] = 1;
      else if (earExt[i] && alpha[i] < T.earSolid) alpha[i] = 0;
    }
    solidifyNearEdge(image, alpha, unknown, depth);
    return alpha;
  };
  let alpha = solve();
  // where the ear zone found no ear (nothing, or not of the face's colour), the band is solved again without it
  const notEar = face ? notEarStretches(image, alpha, earExt, face) : null;
  if (notEar) {
    for (let i = 0; i < n; i++) if (notEar[i]) (unknown[i] = 0), (earExt[i] = 0);
    alpha = solve();
  }
  return alpha;
}

/**
 * Just inside the solved 0.5 contour (`depth` px, `solidNearPx` ≤ depth < `solidInsidePx`), pixels of the band
 * (`unknown`) with 0.5 ≤ α < 1 are set to 1 where their colour holds none of the backdrop: on the line from the mean
 * colour of α = 0 within `solidNearBgR` px (the backdrop) to that of the sure person within `solidNearFgR` px (α = 1
 * outside the band, or deeper than `solidInsidePx` in it — not the ring just made solid, which may hold some
 * backdrop), the pixel lies at least `solidNearLevel` of the way (1 = as far from the backdrop as the person's
 * colour). Where the two means are close (< 20 levels apart) the colour says nothing and α stays. All decided before
 * any is set. In place; returns how many were set.
 */
export function solidifyNearEdge(image: RgbaImage, alpha: Float32Array, unknown: Uint8Array, depth: Float32Array): number {
  const { width: w, height: h, data } = image;
  const T = MATTE_TUNING;
  const R = Math.max(T.solidNearFgR, T.solidNearBgR);
  const snap: number[] = [];
  for (let i = 0; i < alpha.length; i++) {
    // depth ≥ 2 means α ≥ 0.5 (the depth is of the solved α's 0.5 contour)
    if (!unknown[i] || alpha[i] >= 1 || depth[i] < T.solidNearPx || depth[i] >= T.solidInsidePx) continue;
    const x = i % w, y = (i / w) | 0;
    let fr = 0, fg = 0, fb = 0, nf = 0, br = 0, bgc = 0, bb = 0, nb = 0;
    for (let yy = Math.max(0, y - R); yy <= Math.min(h - 1, y + R); yy++) {
      for (let xx = Math.max(0, x - R); xx <= Math.min(w - 1, x + R); xx++) {
        const j = yy * w + xx, o = j * 4, d = Math.max(Math.abs(xx - x), Math.abs(yy - y));
        if (alpha[j] === 1 && (!unknown[j] || depth[j] > T.solidInsidePx) && d <= T.solidNearFgR) (fr += data[o]), (fg += data[o + 1]), (fb += data[o + 2]), nf++;
        else if (alpha[j] === 0 && d <= T.solidNearBgR) (br += data[o]), (bgc += data[o + 1]), (bb += data[o + 2]), nb++;
      }
    }
    if (!nf || !nb) continue;
    const lr = fr / nf - br / nb, lg = fg / nf - bgc / nb, lb = fb / nf - bb / nb; // backdrop → person
    const len2 = lr * lr + lg * lg + lb * lb;
    if (len2 < 400) continue;
    const o = i * 4;
    const t = ((data[o] - br / nb) * lr + (data[o + 1] - bgc / nb) * lg + (data[o + 2] - bb / nb) * lb) / len2;
    if (t >= T.solidNearLevel) snap.push(i);
  }
  for (const i of snap) alpha[i] = 1;
  return snap.length;
}

/** Chromaticity (r, g of r + g + b) of a colour. */
function chroma(r: number, g: number, b: number): [number, number] {
  const s = Math.max(1, r + g + b);
  return [r / s, g / s];
}

/**
 * The ear zone's extension (`earExt`) stays only where it found an ear: a stretch of it (a connected part, one per
 * side) is kept when what it took (α > 0 after the clean-up) is mostly of the face's colour — a connected piece is
 * skin when its mean chromaticity lies within `earSkinChroma` of the median of the cheeks and nose; an ear is skin, a
 * bystander's shirt or a light wall beside the ear is not. A stretch that took nothing, or mostly other things, goes
 * back to sure background, so the band beside it is solved as without the zone (b_woman-older-indoor: the freed pixels alone let
 * the band take a grey bump beside her ear). Returns the pixels to give back, or null when every stretch found skin;
 * in a stretch that is kept, its pieces that are not skin are cleared in `alpha` here.
 */
function notEarStretches(image: RgbaImage, alpha: Float32Array, earExt: Uint8Array, face: MatteFace): Uint8Array | null {
  const { width: w, height: h, data } = image;
  const T = MATTE_TUNING;
  const strips = components(earExt, w, h);
  if (strips.sizes.length < 2) return null;
  const hit = new Uint8Array(w * h);
  for (let i = 0; i < hit.length; i++) if (earExt[i] && alpha[i] > 0) hit[i] = 1;
  const fw = Math.max(1, face.faceWidthPx);
  const rs: number[] = [], gs: number[] = [], bs: number[] = [];
  const x0 = Math.max(0, Math.round(face.faceCenterXPx - 0.25 * fw)), x1 = Math.min(w - 1, Math.round(face.faceCenterXPx + 0.25 * fw));
  const y0 = Math.max(0, Math.round(face.eyeYPx + 0.1 * fw)), y1 = Math.min(h - 1, Math.round(face.eyeYPx + 0.45 * fw));
  for (let y = y0; y <= y1; y += 2) for (let x = x0; x <= x1; x += 2) {
    const o = (y * w + x) * 4;
    rs.push(data[o]), gs.push(data[o + 1]), bs.push(data[o + 2]);
  }
  const med = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1];
  const skin = rs.length ? chroma(med(rs), med(gs), med(bs)) : null;
  const { labels, sizes } = components(hit, w, h);
  const sr = new Float64Array(sizes.length), sg = new Float64Array(sizes.length), sb = new Float64Array(sizes.length);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i];
    if (!k) continue;
    sr[k] += data[i * 4], sg[k] += data[i * 4 + 1], sb[k] += data[i * 4 + 2];
  }
  // per stretch: px of skin pieces and of other pieces; it is kept when skin outweighs the rest twice over (the other
  // pieces in it are cleared)
  const isSkin = new Uint8Array(sizes.length);
  for (let k = 1; k < sizes.length; k++) {
    const c = chroma(sr[k] / sizes[k], sg[k] / sizes[k], sb[k] / sizes[k]);
    isSkin[k] = skin && Math.hypot(c[0] - skin[0], c[1] - skin[1]) <= T.earSkinChroma ? 1 : 0;
  }
  const skinPx = new Float64Array(strips.sizes.length), otherPx = new Float64Array(strips.sizes.length);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i];
    if (k) (isSkin[k] ? skinPx : otherPx)[strips.labels[i]]++;
  }
  let any = false;
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) {
    const s = strips.labels[i];
    if (!s) continue;
    if (skinPx[s] > 0 && skinPx[s] >= 2 * otherPx[s]) {
      if (labels[i] && !isSkin[labels[i]]) alpha[i] = 0;
    } else (out[i] = 1), (any = true);
  }
  return any ? out : null;
}

export interface ForegroundOptions {
  /** Smoothness of F and B where α is flat (Germer et al. use 5e-3). */
  eps?: number;
  /** Extra smoothness across α edges (Germer et al.: 0.1). */
  omega?: number;
  /** Iterations on the small levels (≤ 32 px) and on the larger ones. */
  smallIterations?: number;
  bigIterations?: number;
}

/**
 * Foreground colour estimation from an image and its alpha: multi-level foreground estimation (after Germer, Uelwer,
 * Conrad & Harmeling 2020, "Fast multi-level foreground estimation"). F and B minimise
 * Σ (α·F + (1 − α)·B − I)² + Σ_neighbours (eps + omega·|Δα|)·(|ΔF|² + |ΔB|²), solved coarse to fine (each level
 * starts from the coarser one) with a few Gauss–Seidel sweeps of the per-pixel 2 × 2 system.
 * Returns F as RGB floats (0..255), 3 per pixel; where α = 1, F is the image itself.
 */
export function estimateForeground(image: RgbaImage, alpha: Float32Array, opts: ForegroundOptions = {}): Float32Array {
  const { width: W, height: H } = image;
  const eps = opts.eps ?? 5e-3, omega = opts.omega ?? 0.1;
  const nSmall = opts.smallIterations ?? 10, nBig = opts.bigIterations ?? 2;
  const I = rgbField(image);
  for (let i = 0; i < I.length; i++) I[i] /= 255;
  const levels = Math.ceil(Math.log2(Math.max(W, H)));
  let F: Float32Array = new Float32Array(3), B: Float32Array = new Float32Array(3);
  {
    // start: the α-weighted means
    let sf = 0, sb = 0;
    const mf = [0, 0, 0], mb = [0, 0, 0];
    for (let i = 0; i < W * H; i++) {
      const a = alpha[i];
      sf += a;
      sb += 1 - a;
      for (let c = 0; c < 3; c++) {
        mf[c] += a * I[i * 3 + c];
        mb[c] += (1 - a) * I[i * 3 + c];
      }
    }
    for (let c = 0; c < 3; c++) {
      F[c] = sf > 0 ? mf[c] / sf : 0.5;
      B[c] = sb > 0 ? mb[c] / sb : 0.5;
    }
  }
  let pw = 1, ph = 1;
  for (let l = 0; l <= levels; l++) {
    const w = Math.max(1, Math.round(W ** (l / levels))), h = Math.max(1, Math.round(H ** (l / levels)));
    const Il = w === W && h === H ? I : resizeNearest(I, W, H, 3, w, h);
    const al = w === W && h === H ? alpha : resizeNearest(alpha, W, H, 1, w, h);
    F = resizeNearest(F, pw, ph, 3, w, h);
    B = resizeNearest(B, pw, ph, 3, w, h);
    pw = w;
    ph = h;
    const iters = w <= 32 && h <= 32 ? nSmall : nBig;
    for (let it = 0; it < iters; it++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          const a = al[i];
          let wsum = 0;
          let f0 = 0, f1 = 0, f2 = 0, b0 = 0, b1 = 0, b2 = 0;
          const add = (j: number) => {
            const d = eps + omega * Math.abs(a - al[j]);
            wsum += d;
            f0 += d * F[j * 3];
            f1 += d * F[j * 3 + 1];
            f2 += d * F[j * 3 + 2];
            b0 += d * B[j * 3];
            b1 += d * B[j * 3 + 1];
            b2 += d * B[j * 3 + 2];
          };
          if (x > 0) add(i - 1);
          if (x < w - 1) add(i + 1);
          if (y > 0) add(i - w);
          if (y < h - 1) add(i + w);
          const a11 = a * a + wsum, a12 = a * (1 - a), a22 = (1 - a) * (1 - a) + wsum;
          const det = a11 * a22 - a12 * a12;
          if (!(det > 0)) continue;
          const inv = 1 / det;
          const solve = (c: number, sf: number, sb: number) => {
            const v = Il[i * 3 + c];
            const r1 = a * v + sf, r2 = (1 - a) * v + sb;
            const fv = (a22 * r1 - a12 * r2) * inv, bv = (a11 * r2 - a12 * r1) * inv;
            F[i * 3 + c] = fv < 0 ? 0 : fv > 1 ? 1 : fv;
            B[i * 3 + c] = bv < 0 ? 0 : bv > 1 ? 1 : bv;
          };
          solve(0, f0, b0);
          solve(1, f1, b1);
          solve(2, f2, b2);
        }
      }
    }
  }
  const out = new Float32Array(W * H * 3);
  for (let i = 0; i < W * H; i++) {
    for (let c = 0; c < 3; c++) out[i * 3 + c] = alpha[i] >= 0.999 ? I[i * 3 + c] * 255 : F[i * 3 + c] * 255;
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
    // the coarser field at each cell's centre (bilinear), blended with the cell's own mean by how known it is
    const up = resizeBilinear(field, P.w, P.h, 3, L.w, L.h, 0.5, 0.5);
    for (let i = 0; i < L.w * L.h; i++) {
      const wt = L.wt[i];
      const a = Math.min(1, wt / full);
      for (let ch = 0; ch < 3; ch++) next[i * 3 + ch] = wt > 0 ? a * (L.c[i * 3 + ch] / wt) + (1 - a) * up[i * 3 + ch] : up[i * 3 + ch];
    }
    field = next;
  }
  if (stop === 0) return field;
  // bilinear upsample of the level-`stop` field to full size
  const S = levels[stop];
  const f = 2 ** stop;
  return resizeBilinear(field, S.w, S.h, 3, w, h, 1 / f, 1 / f);
}
