/**
 * Pixel checks around a measured face: background colour and uniformity (P-BG-COLOR, P-BG-UNIFORM), clothes vs
 * background (P-BG-CLOTHES), sharpness (P-IMG-SHARP), lighting (P-IMG-LIGHT), added borders / black edges
 * (P-IMG-BORDER), black-and-white photos (P-FMT-COLOR) and eye-region hints (P-FACE-OCCLUSION).
 * Pure; large images are sampled on a grid (a few thousand samples) so the cost does not grow with the megapixels.
 */
import { chroma, deltaE2000, rgbToL, rgbToLab, type Lab } from './color.ts';
import { LM, medianLab, type FaceLandmarks, type FaceMeasurement, type RgbaImage } from './measure.ts';
import { PHOTO_SPEC } from './photo-spec.ts';

/** A person-probability mask (0..1), row-major, in its own resolution (mapped onto the image by scaling). */
export interface PersonMask {
  readonly data: Float32Array | Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** Value range of `data`: 1 for probabilities, 255 for 8-bit masks. */
  readonly max?: number;
}

export interface BackgroundStats {
  rgb: [number, number, number];
  lab: Lab;
  deltaE: { blue: number; white: number };
  samples: number;
  /** 90th percentile ΔE00 of the background samples from their median. */
  spread: number;
  /** ΔE00 between the medians of the left and right background (null when one side has too few samples). */
  leftRight: number | null;
  /** ΔE00 between the medians above and below the eye line. */
  topBottom: number | null;
  /** Share of background samples near the head that are much darker than the background (shadows, objects). */
  darkShare: number;
}

/** Grid step so that about `target` pixels are sampled. */
export function gridStep(img: RgbaImage, target = 6_000): number {
  return Math.max(1, Math.floor(Math.sqrt((img.width * img.height) / target)));
}

function labAtIdx(img: RgbaImage, x: number, y: number): Lab {
  const i = (y * img.width + x) * 4;
  return rgbToLab(img.data[i], img.data[i + 1], img.data[i + 2]);
}

/**
 * Is (x, y) inside the generous person region estimated from the face: head with hair (±0.95 face widths around
 * the face centre from just above the head top down to the chin), neck and shoulders widening below the chin.
 */
export function inPersonRegion(m: FaceMeasurement, x: number, y: number): boolean {
  const fw = Math.max(1, m.faceWidthPx);
  const dx = Math.abs(x - m.faceCenterXPx);
  if (y < m.headTopPx - 0.06 * fw) return false;
  if (y <= m.chinYPx + 0.15 * fw) return dx < 0.95 * fw;
  // Below the chin: long hair and shoulders, widening to 2.15 face widths each side.
  const t = Math.min(1, (y - m.chinYPx - 0.15 * fw) / (0.5 * fw));
  return dx < (0.95 + 1.2 * t) * fw;
}

export function analyzeBackground(img: RgbaImage, m: FaceMeasurement, mask?: PersonMask): BackgroundStats | null {
  const step = gridStep(img);
  const samples: { lab: Lab; x: number; y: number }[] = [];
  const maxV = mask?.max ?? 1;
  for (let y = 0; y < img.height; y += step) {
    for (let x = 0; x < img.width; x += step) {
      if (mask) {
        const mx = Math.min(mask.width - 1, Math.floor((x / img.width) * mask.width));
        const my = Math.min(mask.height - 1, Math.floor((y / img.height) * mask.height));
        if (mask.data[my * mask.width + mx] / maxV > 0.2) continue;
        // keep a margin around the face even with a mask (hair edges are soft)
        if (Math.abs(x - m.faceCenterXPx) < 0.7 * m.faceWidthPx && y > m.headTopPx - 0.03 * m.faceWidthPx && y < m.chinYPx) continue;
      } else if (inPersonRegion(m, x, y)) continue;
      samples.push({ lab: labAtIdx(img, x, y), x, y });
    }
  }
  if (samples.length < 30) return null;
  const lab = medianLab(samples.map((s) => s.lab))!;
  const d = Float64Array.from(samples, (s) => deltaE2000(s.lab, lab)).sort();
  const spread = d[Math.floor(d.length * 0.9)];
  const sideMedian = (pick: (s: { x: number; y: number }) => boolean) => {
    const part = samples.filter(pick).map((s) => s.lab);
    return part.length >= 20 ? medianLab(part) : null;
  };
  const l = sideMedian((s) => s.x < m.faceCenterXPx);
  const r = sideMedian((s) => s.x > m.faceCenterXPx);
  const t = sideMedian((s) => s.y < m.eyeYPx);
  const b = sideMedian((s) => s.y > m.eyeYPx);
  const fw = m.faceWidthPx;
  let near = 0;
  let dark = 0;
  for (const s of samples) {
    const dx = Math.abs(s.x - m.faceCenterXPx);
    if (s.y > m.chinYPx + 0.5 * fw || dx > 1.5 * fw || s.y < m.headTopPx - 0.5 * fw) continue;
    near++;
    if (s.lab[0] < lab[0] - 25) dark++;
  }
  const rgb = labToRgbApprox(samples, lab);
  return {
    rgb,
    lab,
    deltaE: {
      blue: deltaE2000(lab, rgbToLab(...PHOTO_SPEC.bgBlue)),
      white: deltaE2000(lab, rgbToLab(...PHOTO_SPEC.bgWhite)),
    },
    samples: samples.length,
    spread,
    leftRight: l && r ? deltaE2000(l, r) : null,
    topBottom: t && b ? deltaE2000(t, b) : null,
    darkShare: near > 0 ? dark / near : 0,
  };
  // The median colour is reported in RGB: take the per-channel median RGB of the samples closest to the Lab median.
  function labToRgbApprox(ss: { x: number; y: number; lab: Lab }[], med: Lab): [number, number, number] {
    const close = ss.filter((s) => Math.hypot(s.lab[0] - med[0], s.lab[1] - med[1], s.lab[2] - med[2]) < 4);
    const use = close.length >= 5 ? close : ss;
    const ch = (c: number) => {
      const v = Float64Array.from(use, (s) => img.data[(s.y * img.width + s.x) * 4 + c]).sort();
      return v[v.length >> 1];
    };
    return [ch(0), ch(1), ch(2)];
  }
}

export interface ClothesStats {
  rgb: [number, number, number];
  /** ΔE00 between clothes and background medians. */
  deltaE: number;
  /** Median |ΔL*| between neighbouring samples (stripes and patterns raise it). */
  texture: number;
  /** Share of clothes samples within ΔE00 10 of the background (clothes that blend into it). */
  similarShare: number;
}

/** Clothes below the chin (0.5–1.1 face widths below it, ±0.9 face widths around the centre). */
export function clothesContrast(img: RgbaImage, m: FaceMeasurement, bgLab: Lab): ClothesStats | null {
  const fw = m.faceWidthPx;
  const y0 = Math.round(m.chinYPx + 0.5 * fw);
  const y1 = Math.min(img.height - 1, Math.round(m.chinYPx + 1.1 * fw));
  const x0 = Math.max(0, Math.round(m.faceCenterXPx - 0.9 * fw));
  const x1 = Math.min(img.width - 1, Math.round(m.faceCenterXPx + 0.9 * fw));
  if (y1 - y0 < 4 || x1 - x0 < 4) return null;
  const step = Math.max(1, Math.floor(Math.sqrt(((y1 - y0) * (x1 - x0)) / 1500)));
  const labs: Lab[] = [];
  const rgbs: number[][] = [];
  const diffs: number[] = [];
  for (let y = y0; y <= y1; y += step) {
    let prevL = -1;
    for (let x = x0; x <= x1; x += step) {
      const i = (y * img.width + x) * 4;
      const lab = rgbToLab(img.data[i], img.data[i + 1], img.data[i + 2]);
      labs.push(lab);
      rgbs.push([img.data[i], img.data[i + 1], img.data[i + 2]]);
      if (prevL >= 0) diffs.push(Math.abs(lab[0] - prevL));
      prevL = lab[0];
    }
  }
  if (labs.length < 20) return null;
  const med = medianLab(labs)!;
  const ch = (c: number) => Float64Array.from(rgbs, (p) => p[c]).sort()[rgbs.length >> 1];
  const dsorted = Float64Array.from(diffs).sort();
  let similar = 0;
  for (const l of labs) if (deltaE2000(l, bgLab) < 10) similar++;
  return { rgb: [ch(0), ch(1), ch(2)], deltaE: deltaE2000(med, bgLab), texture: dsorted.length ? dsorted[dsorted.length >> 1] : 0, similarShare: similar / labs.length };
}

export interface FaceImageStats {
  /** Variance of the Laplacian of L* on the face resampled to 128 px wide (size-independent sharpness). */
  sharpness: number;
  /** Mean L* of the face. */
  faceL: number;
  /** Share of clipped pixels (a channel ≥ 250 and L* > 90) on the face. */
  clipped: number;
  /** |mean L* of the image-left half − image-right half| of the face box. */
  balance: number;
  /** |L* of the left cheek patch − right cheek patch| (side lighting, shadow on one cheek). */
  cheekBalance: number;
  /** Cheek L* minus eye-region L* (large = dark eye region, e.g. tinted glasses). */
  eyeDarkness: number;
  /** Std of L* in the eye regions (low = no detail visible). */
  eyeDetail: number;
  /** Share of near-white pixels in the eye regions (glare on glasses). */
  eyeGlare: number;
  /**
   * Mouth-and-chin patch against the forehead skin (a face mask, a hand or an object over the lower face):
   * L* difference (+ = lower face lighter), chroma drop (+ = lower face greyer) and hue difference in degrees
   * (0–180). Null when either patch is off the image.
   */
  lowerFace: { dL: number; dC: number; dHue: number } | null;
}

/** The face box: between the cheek points, from a bit above the eyes to the mouth/chin. */
export function faceImageStats(img: RgbaImage, lm: FaceLandmarks, m: FaceMeasurement): FaceImageStats {
  const fw = Math.max(2, m.faceWidthPx);
  const x0 = m.faceCenterXPx - fw * 0.42;
  const y0 = m.eyeYPx - fw * 0.22;
  const y1 = m.chinYPx - fw * 0.08;
  const boxW = fw * 0.84;
  const boxH = Math.max(2, y1 - y0);
  // Resample the face box to a 128-px-wide L* grid by area averaging (point sampling when the face is smaller).
  const GW = 128;
  const cell = boxW / GW;
  const GH = Math.min(256, Math.max(8, Math.round(boxH / cell)));
  const cellY = boxH / GH;
  const grid = new Float32Array(GW * GH);
  const sub = Math.max(1, Math.min(4, Math.floor(cell)));
  let clippedN = 0;
  let total = 0;
  for (let gy = 0; gy < GH; gy++) {
    for (let gx = 0; gx < GW; gx++) {
      let r = 0, g = 0, b = 0, n = 0;
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          const x = clampInt(x0 + (gx + (sx + 0.5) / sub) * cell, img.width);
          const y = clampInt(y0 + (gy + (sy + 0.5) / sub) * cellY, img.height);
          const i = (y * img.width + x) * 4;
          r += img.data[i]; g += img.data[i + 1]; b += img.data[i + 2]; n++;
          total++;
          if ((img.data[i] >= 250 || img.data[i + 1] >= 250 || img.data[i + 2] >= 250) && rgbToL(img.data[i], img.data[i + 1], img.data[i + 2]) > 90) clippedN++;
        }
      }
      grid[gy * GW + gx] = rgbToL(r / n, g / n, b / n);
    }
  }
  let sum = 0, sum2 = 0, cnt = 0, lSum = 0, rSum = 0, lN = 0, rN = 0, all = 0;
  for (let gy = 0; gy < GH; gy++) {
    for (let gx = 0; gx < GW; gx++) {
      const v = grid[gy * GW + gx];
      all += v;
      if (gx < GW / 2) { lSum += v; lN++; } else { rSum += v; rN++; }
      if (gx > 0 && gy > 0 && gx < GW - 1 && gy < GH - 1) {
        const lap = grid[(gy - 1) * GW + gx] + grid[(gy + 1) * GW + gx] + grid[gy * GW + gx - 1] + grid[gy * GW + gx + 1] - 4 * v;
        sum += lap; sum2 += lap * lap; cnt++;
      }
    }
  }
  const mean = cnt ? sum / cnt : 0;
  const sharpness = cnt ? sum2 / cnt - mean * mean : 0;

  // Eye regions vs cheeks.
  const eye = (c: number, o: number, iris: [number, number]) => {
    const w = Math.max(2, Math.hypot(lm[c][0] - lm[o][0], lm[c][1] - lm[o][1]));
    return regionL(img, iris[0] - 0.6 * w, iris[1] - 0.35 * w, 1.2 * w, 0.7 * w);
  };
  const eL = eye(LM.eyeOuterL, LM.eyeInnerL, m.eyeLeft);
  const eR = eye(LM.eyeOuterR, LM.eyeInnerR, m.eyeRight);
  const cheekY = m.eyeYPx + 0.3 * fw;
  const cL = regionL(img, m.eyeLeft[0] - 0.1 * fw, cheekY, 0.2 * fw, 0.12 * fw);
  const cR = regionL(img, m.eyeRight[0] - 0.1 * fw, cheekY, 0.2 * fw, 0.12 * fw);
  // Lower face (mouth and chin, between the mouth corners) against the forehead (between the brows and above).
  const mouthY = (lm[LM.lipUpperInner][1] + lm[LM.lipLowerInner][1]) / 2;
  const mouthX = (lm[LM.mouthL][0] + lm[LM.mouthR][0]) / 2;
  const lower = regionLab(img, mouthX - 0.15 * fw, mouthY - 0.02 * fw, 0.3 * fw, Math.max(2, m.chinYPx - 0.04 * fw - (mouthY - 0.02 * fw)));
  const upper = regionLab(img, m.faceCenterXPx - 0.12 * fw, m.eyeYPx - 0.32 * fw, 0.24 * fw, 0.12 * fw);
  let lowerFace: FaceImageStats['lowerFace'] = null;
  if (lower && upper) {
    const c1 = Math.hypot(lower[1], lower[2]), c0 = Math.hypot(upper[1], upper[2]);
    let dh = Math.abs((Math.atan2(lower[2], lower[1]) - Math.atan2(upper[2], upper[1])) * (180 / Math.PI));
    if (dh > 180) dh = 360 - dh;
    lowerFace = { dL: lower[0] - upper[0], dC: c0 - c1, dHue: dh };
  }
  return {
    sharpness,
    faceL: all / (GW * GH),
    clipped: total ? clippedN / total : 0,
    balance: Math.abs(lSum / Math.max(1, lN) - rSum / Math.max(1, rN)),
    cheekBalance: Math.abs(cL.mean - cR.mean),
    eyeDarkness: (cL.mean + cR.mean) / 2 - (eL.mean + eR.mean) / 2,
    eyeDetail: (eL.std + eR.std) / 2,
    eyeGlare: (eL.bright + eR.bright) / 2,
    lowerFace,
  };
}

/** Median Lab of a rectangle (about 12 × 12 samples); null when the rectangle is not on the image. */
function regionLab(img: RgbaImage, x: number, y: number, w: number, h: number): Lab | null {
  if (!(w > 0 && h > 0) || x < 0 || y < 0 || x + w > img.width || y + h > img.height) return null;
  const sx = Math.max(1, w / 12), sy = Math.max(1, h / 12);
  const labs: Lab[] = [];
  for (let yy = y + sy / 2; yy < y + h; yy += sy) {
    for (let xx = x + sx / 2; xx < x + w; xx += sx) {
      const i = (clampInt(yy, img.height) * img.width + clampInt(xx, img.width)) * 4;
      labs.push(rgbToLab(img.data[i], img.data[i + 1], img.data[i + 2]));
    }
  }
  return medianLab(labs);
}

function clampInt(v: number, n: number): number {
  return v < 0 ? 0 : v >= n - 1 ? n - 1 : Math.floor(v);
}

function regionL(img: RgbaImage, x: number, y: number, w: number, h: number): { mean: number; std: number; bright: number } {
  const step = Math.max(1, Math.floor(Math.min(w, h) / 12));
  let s = 0, s2 = 0, n = 0, bright = 0;
  for (let yy = y; yy < y + h; yy += step) {
    for (let xx = x; xx < x + w; xx += step) {
      const i = (clampInt(yy, img.height) * img.width + clampInt(xx, img.width)) * 4;
      const L = rgbToL(img.data[i], img.data[i + 1], img.data[i + 2]);
      s += L; s2 += L * L; n++;
      if (L > 95) bright++;
    }
  }
  if (!n) return { mean: 0, std: 0, bright: 0 };
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)), bright: bright / n };
}

export type Side = 'top' | 'bottom' | 'left' | 'right';
export interface BorderStats {
  /** Depth in px of a solid band added along each edge (0 = none). */
  bands: Record<Side, number>;
  /** Edges with black fill (rotation wedges, black frames). */
  black: Side[];
}

/**
 * Channel maximum of a "black fill" pixel (rotation wedges, black frames are digitally black; black clothes at the
 * bottom edge have texture and shading well above this even after JPEG compression).
 */
const BLACK_FILL_MAX = 14;
/**
 * Channel maximum of "digitally black" (a zero fill after JPEG round-trips decodes to 0–3). Most of a fill's dark
 * pixels are this black; a natural dark edge (night scene, vignetting, a black backdrop) has its dark pixels spread
 * over 4–13 with noise (measured: rotation wedge 95 % ≤ 3; dim flash snapshot 30–40 %).
 */
const PURE_BLACK_MAX = 3;

/** Solid bands along the edges (frames, black edges): uniform lines from the edge that end in an abrupt step. */
export function detectBorders(img: RgbaImage): BorderStats {
  const bands: Record<Side, number> = { top: 0, bottom: 0, left: 0, right: 0 };
  const black: Side[] = [];
  for (const side of ['top', 'bottom', 'left', 'right'] as Side[]) {
    const horiz = side === 'top' || side === 'bottom';
    const len = horiz ? img.width : img.height;
    const depthMax = Math.floor((horiz ? img.height : img.width) * 0.15);
    const step = Math.max(1, Math.floor(len / 200));
    const line = (d: number) => {
      const labs: Lab[] = [];
      let blackN = 0, pureN = 0;
      for (let k = 0; k < len; k += step) {
        const x = horiz ? k : side === 'left' ? d : img.width - 1 - d;
        const y = horiz ? (side === 'top' ? d : img.height - 1 - d) : k;
        const i = (y * img.width + x) * 4;
        labs.push(rgbToLab(img.data[i], img.data[i + 1], img.data[i + 2]));
        const mx = Math.max(img.data[i], img.data[i + 1], img.data[i + 2]);
        if (mx < BLACK_FILL_MAX) blackN++;
        if (mx <= PURE_BLACK_MAX) pureN++;
      }
      const med = medianLab(labs)!;
      let s2 = 0;
      for (const l of labs) s2 += (l[0] - med[0]) ** 2;
      return { med, labs, stdL: Math.sqrt(s2 / labs.length), black: blackN / labs.length, pure: pureN / labs.length };
    };
    const first = line(0);
    let depth = 0;
    while (depth < depthMax) {
      const l = line(depth);
      if (l.stdL > 4 || deltaE2000(l.med, first.med) > 3) break;
      depth++;
    }
    if (depth >= PHOTO_SPEC.minBorderPx.value && depth < depthMax) {
      // An added frame ends in a step along (almost) the whole edge. A plain background that meets the person's
      // shoulder or hair part of the way along does not: there the step is only where the person is.
      const inner = line(Math.min(depthMax, depth + 2));
      let stepped = 0;
      for (let k = 0; k < inner.labs.length; k++) if (deltaE2000(inner.labs[k], first.med) > 15) stepped++;
      if (deltaE2000(inner.med, first.med) > 15 && stepped >= inner.labs.length * 0.8) bands[side] = depth;
    }
    // Black edge: the outer lines mostly black — and that black mostly digital zero, not a dark scene — while the
    // image a little further in is not.
    const inner = line(Math.max(3, Math.floor((horiz ? img.height : img.width) * 0.2)));
    if (first.black >= 0.35 && line(1).black >= 0.35 && first.pure >= 0.7 * first.black && inner.black < first.black * 0.5) black.push(side);
  }
  return { bands, black };
}

/** 99.5th percentile chroma C*ab over a sample grid: below ~5 the photo is black and white. */
export function chromaP995(img: RgbaImage): number {
  const step = gridStep(img, 10_000);
  const c: number[] = [];
  for (let y = 0; y < img.height; y += step) for (let x = 0; x < img.width; x += step) c.push(chroma(labAtIdx(img, x, y)));
  const s = Float64Array.from(c).sort();
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.995))] : 0;
}
