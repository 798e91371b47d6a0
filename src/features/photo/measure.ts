/**
 * Face measurements from 478 face-mesh landmarks (pixels of the EXIF-oriented image) and, for the head top, the
 * image pixels. Pure: no DOM. All y values are px below the top edge of THIS image; x px from its left edge.
 *
 * Rules served: P-GEO-HEADTOP, P-GEO-EYES, P-GEO-FACEW, P-GEO-CENTER, P-POSE-LEVEL, P-POSE-FRONT,
 * P-FACE-EYESOPEN, P-FACE-MOUTH.
 */
import { deltaE2000, rgbToLab, type Lab } from './color.ts';
import { PHOTO_SPEC } from './photo-spec.ts';

import type { RgbaImage } from '../../lib/image/raster.ts';
export type { RgbaImage } from '../../lib/image/raster.ts';

export type Point3 = readonly [number, number, number];
/** 478 landmarks `[x, y, z]` in pixels of the full image, z in the x scale (MediaPipe Face Mesh with irises). */
export type FaceLandmarks = ReadonlyArray<Point3>;

/** Landmark indices of the MediaPipe face mesh used here. */
export const LM = {
  forehead: 10,
  chin: 152,
  noseTip: 1,
  cheekLeft: 234, // image-left cheek contour (subject's right)
  cheekRight: 454,
  eyeOuterL: 33,
  eyeInnerL: 133,
  eyeOuterR: 263,
  eyeInnerR: 362,
  lidUpperL: 159,
  lidLowerL: 145,
  lidUpperR: 386,
  lidLowerR: 374,
  irisL: 468,
  irisR: 473,
  lipUpperInner: 13,
  lipLowerInner: 14,
  mouthL: 61,
  mouthR: 291,
} as const;

export interface HeadTop {
  /** y of the top of the hair (0 when the hair reaches the top edge). */
  yPx: number;
  /** 'pixels': where the background ends above the head; 'edge': hair touches the top edge; 'landmarks': estimate. */
  source: 'pixels' | 'edge' | 'landmarks';
}

export interface FaceMeasurement {
  eyeLeft: [number, number];
  eyeRight: [number, number];
  eyeYPx: number;
  faceWidthPx: number;
  faceCenterXPx: number;
  /** + = the image-right eye is lower. */
  rollDeg: number;
  /** + = face turned towards the image right. */
  yawDeg: number;
  /** + = chin raised (looking up). */
  pitchDeg: number;
  /** Mean eyelid aspect (lid gap / eye width) of the two eyes; ~0.25–0.35 open, < 0.1 closed. */
  eyeOpenness: number;
  /** Inner-lip gap / mouth width; ~0 closed. */
  mouthGap: number;
  foreheadYPx: number;
  chinYPx: number;
  /** Top of the hair; from the pixels when an image was given, else the landmark estimate. */
  headTopPx: number;
  headTopSource: HeadTop['source'];
}

const DEG = 180 / Math.PI;

/**
 * Forehead-to-chin multiples of hair above landmark 10, used only when the pixels cannot say where the hair ends.
 * The mean over the plain-background shared photos is ≈ 0.47 (0.39–0.56) (ratio of reference head top to landmark distance).
 */
const HAIR_ABOVE_FOREHEAD = 0.47;

/** Pitch of a frontal face in this model: atan(Δz/Δy) of forehead (10) vs chin (152) is about −10° on the frontal shared photos (median). */
const PITCH_NEUTRAL_DEG = -10;

export function landmarkHeadTop(lm: FaceLandmarks): number {
  const f = lm[LM.forehead];
  const c = lm[LM.chin];
  return f[1] - HAIR_ABOVE_FOREHEAD * Math.hypot(c[0] - f[0], c[1] - f[1]);
}

/** Measure one face. `image` (same pixel space) is needed for the head top; without it the estimate is used. */
export function measureFace(lm: FaceLandmarks, image?: RgbaImage): FaceMeasurement {
  const hasIris = lm.length >= 478;
  const eyeA = hasIris ? xy(lm[LM.irisL]) : mid(lm[LM.eyeOuterL], lm[LM.eyeInnerL]);
  const eyeB = hasIris ? xy(lm[LM.irisR]) : mid(lm[LM.eyeOuterR], lm[LM.eyeInnerR]);
  const [eyeLeft, eyeRight] = eyeA[0] <= eyeB[0] ? [eyeA, eyeB] : [eyeB, eyeA];
  const cl = lm[LM.cheekLeft];
  const cr = lm[LM.cheekRight];
  const faceWidthPx = Math.abs(cr[0] - cl[0]);
  const faceCenterXPx = (cl[0] + cr[0]) / 2;
  const rollDeg = Math.atan2(eyeRight[1] - eyeLeft[1], eyeRight[0] - eyeLeft[0]) * DEG;

  // Yaw: depth difference of the two cheek contour points against their horizontal distance (z is in x scale).
  const yawDeg = Math.atan2(cr[2] - cl[2], Math.max(1e-6, Math.hypot(cr[0] - cl[0], cr[1] - cl[1]))) * DEG;
  // Pitch: depth difference of forehead and chin against their distance in the image, corrected for roll.
  const fh = lm[LM.forehead];
  const ch = lm[LM.chin];
  const faceLen = Math.hypot(ch[0] - fh[0], ch[1] - fh[1]);
  const pitchDeg = Math.atan2(fh[2] - ch[2], Math.max(1e-6, faceLen)) * DEG - PITCH_NEUTRAL_DEG;

  const eyeOpenness = (aspect(lm, LM.lidUpperL, LM.lidLowerL, LM.eyeOuterL, LM.eyeInnerL) + aspect(lm, LM.lidUpperR, LM.lidLowerR, LM.eyeOuterR, LM.eyeInnerR)) / 2;
  const mouthGap = aspect(lm, LM.lipUpperInner, LM.lipLowerInner, LM.mouthL, LM.mouthR);

  const top = image ? findHeadTop(image, lm) : { yPx: landmarkHeadTop(lm), source: 'landmarks' as const };
  return {
    eyeLeft,
    eyeRight,
    eyeYPx: (eyeLeft[1] + eyeRight[1]) / 2,
    faceWidthPx,
    faceCenterXPx,
    rollDeg,
    yawDeg,
    pitchDeg,
    eyeOpenness,
    mouthGap,
    foreheadYPx: fh[1],
    chinYPx: ch[1],
    headTopPx: top.yPx,
    headTopSource: top.source,
  };
}

function xy(p: Point3): [number, number] {
  return [p[0], p[1]];
}
function mid(a: Point3, b: Point3): [number, number] {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
function dist(a: Point3, b: Point3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
function aspect(lm: FaceLandmarks, up: number, down: number, c1: number, c2: number): number {
  const w = dist(lm[c1], lm[c2]);
  return w > 0 ? dist(lm[up], lm[down]) / w : 0;
}

/** Lab of the pixel at integer (x, y). */
export function labAt(img: RgbaImage, x: number, y: number): Lab {
  const i = (y * img.width + x) * 4;
  return rgbToLab(img.data[i], img.data[i + 1], img.data[i + 2]);
}

/** Per-channel median of Lab samples (robust "colour of this patch"). */
export function medianLab(samples: Lab[]): Lab | null {
  if (samples.length === 0) return null;
  const v = new Float64Array(samples.length);
  const m = (k: number) => {
    for (let i = 0; i < samples.length; i++) v[i] = samples[i][k];
    v.sort();
    const h = v.length >> 1;
    return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
  };
  return [m(0), m(1), m(2)];
}

/** Colour of a band of row y between x0..x1 (inclusive, clipped), sampled every `step` px; null when too narrow. */
function bandColour(img: RgbaImage, y: number, x0: number, x1: number, step: number): { lab: Lab; uniform: boolean } | null {
  const a = Math.max(0, Math.round(x0));
  const b = Math.min(img.width - 1, Math.round(x1));
  if (b - a < 2) return null;
  const s: Lab[] = [];
  for (let x = a; x <= b; x += step) s.push(labAt(img, x, y));
  if (s.length < 3) return null;
  const med = medianLab(s)!;
  // Uniform when 80 % of the samples are within ΔE76 8 of the median (cheap check; a band crossing hair is not).
  const d = s.map((p) => Math.hypot(p[0] - med[0], p[1] - med[1], p[2] - med[2])).sort((u, v) => u - v);
  return { lab: med, uniform: d[Math.floor(d.length * 0.8)] < 8 };
}

/**
 * Top of the hair: scanning rows from the top edge between the cheeks, the first row where at least
 * `headTopShare` of the span differs from the row's background colour by CIEDE2000 > `headTopDeltaE`,
 * holding for `headTopRun` rows. The background colour of a row comes from two bands beside the face span
 * (0.2–0.6 span widths outside it), each tracked from row to row so that hair or an object entering a band is
 * ignored (a band that jumps away from its tracked colour keeps the previous colour), interpolated across the span.
 * When no band has been seen yet the top strip's colour is used. Hair reaching the top edge gives 0.
 */
export function findHeadTop(img: RgbaImage, lm: FaceLandmarks): HeadTop {
  const cl = lm[LM.cheekLeft][0];
  const cr = lm[LM.cheekRight][0];
  const xL = Math.max(0, Math.min(cl, cr));
  const xR = Math.min(img.width - 1, Math.max(cl, cr));
  const span = xR - xL;
  const yEnd = Math.min(img.height - 1, Math.round(lm[LM.forehead][1]));
  if (span < 4 || yEnd < 3) return { yPx: Math.max(0, landmarkHeadTop(lm)), source: 'landmarks' };
  const spanStep = Math.max(1, Math.floor(span / 120));
  const fullSpan = Math.abs(cr - cl);
  const bandStep = Math.max(1, Math.floor((0.4 * fullSpan) / 40));
  const lb0 = Math.min(cl, cr) - 0.6 * fullSpan;
  const lb1 = Math.min(cl, cr) - 0.2 * fullSpan;
  const rb0 = Math.max(cl, cr) + 0.2 * fullSpan;
  const rb1 = Math.max(cl, cr) + 0.6 * fullSpan;
  const lbX = (lb0 + lb1) / 2;
  const rbX = (rb0 + rb1) / 2;

  // Fallback colour: median of the top strip (rows 0..2) across the full width.
  const strip: Lab[] = [];
  const stripStep = Math.max(1, Math.floor(img.width / 160));
  for (let y = 0; y < Math.min(3, img.height); y++) for (let x = 0; x < img.width; x += stripStep) strip.push(labAt(img, x, y));
  const stripLab = medianLab(strip)!;

  const thr = PHOTO_SPEC.headTopDeltaE.value;
  const share = PHOTO_SPEC.headTopShare.value;
  const run = PHOTO_SPEC.headTopRun.value;
  let left: Lab | null = null;
  let right: Lab | null = null;
  let runStart = -1;
  let runLen = 0;
  const xs: number[] = [];
  for (let x = Math.round(xL); x <= xR; x += spanStep) xs.push(x);

  const isHairRow = (y: number): boolean => {
    let hits = 0;
    for (const x of xs) {
      let bg: Lab;
      if (left && right) {
        const t = Math.min(1, Math.max(0, (x - lbX) / (rbX - lbX)));
        bg = [left[0] + (right[0] - left[0]) * t, left[1] + (right[1] - left[1]) * t, left[2] + (right[2] - left[2]) * t];
      } else bg = left ?? right ?? stripLab;
      const p = labAt(img, x, y);
      // ΔE00 ≤ ~2.1 × ΔE76 (SL, SC, SH ≥ 1; a' ≤ 1.5 a; |RT| ≤ 2): a small ΔE76 cannot exceed the threshold.
      const d76 = Math.hypot(p[0] - bg[0], p[1] - bg[1], p[2] - bg[2]);
      if (d76 * 2.1 > thr && deltaE2000(p, bg) > thr) hits++;
    }
    return hits >= share * xs.length;
  };
  // Large images: scan every `rowStep`-th row (about 640 rows over the height), then refine the found step by step.
  const rowStep = Math.max(1, Math.floor(img.height / 640));
  for (let y = 0; y <= yEnd; y += rowStep) {
    left = track(left, bandColour(img, y, lb0, lb1, bandStep));
    right = track(right, bandColour(img, y, rb0, rb1, bandStep));
    if (isHairRow(y)) {
      if (runLen === 0) runStart = y;
      runLen++;
      if (runLen >= run) {
        let top = runStart;
        for (let yy = Math.max(0, runStart - rowStep + 1); yy < runStart; yy++) {
          if (isHairRow(yy)) {
            top = yy;
            break;
          }
        }
        return { yPx: top, source: top === 0 ? 'edge' : 'pixels' };
      }
    } else runLen = 0;
  }
  return { yPx: Math.max(0, landmarkHeadTop(lm)), source: 'landmarks' };
}

/** Follow a band's background colour down the rows; ignore a band that is not uniform or jumps away. */
function track(model: Lab | null, band: { lab: Lab; uniform: boolean } | null): Lab | null {
  if (!band) return model;
  if (!model) return band.uniform ? band.lab : null;
  if (deltaE2000(model, band.lab) < 8) {
    return [model[0] * 0.7 + band.lab[0] * 0.3, model[1] * 0.7 + band.lab[1] * 0.3, model[2] * 0.7 + band.lab[2] * 0.3];
  }
  return model;
}
