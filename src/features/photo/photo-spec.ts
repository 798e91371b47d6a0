/**
 * Every number of the photo rules (RULES.md, from manual 附件3/附件4) as one typed constant citing its rule ID,
 * plus the tolerances that are ours (`official: false`, shown to the user as "建议").
 */

/** A numeric limit with its source. */
export interface Limit {
  readonly value: number;
  readonly unit: string;
  /** RULES.md rule ID. */
  readonly rule: string;
  /** true: the number is the manual's; false: our own tolerance (UI says "建议"). */
  readonly official: boolean;
}

export interface Range {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly rule: string;
  readonly official: boolean;
}

const off = (rule: string, min: number, max: number, unit: string): Range => ({ min, max, unit, rule, official: true });
const ours = (rule: string, value: number, unit: string): Limit => ({ value, unit, rule, official: false });

export const PHOTO_SPEC = {
  /** P-FMT-SIZE: width × height in px. */
  width: { value: 480, unit: 'px', rule: 'P-FMT-SIZE', official: true } as Limit,
  height: { value: 640, unit: 'px', rule: 'P-FMT-SIZE', official: true } as Limit,
  /** P-FMT-DPI */
  dpi: { value: 300, unit: 'dpi', rule: 'P-FMT-DPI', official: true } as Limit,
  /** P-FMT-COLOR: 3 components × 8 bit. */
  components: { value: 3, unit: '', rule: 'P-FMT-COLOR', official: true } as Limit,
  bitsPerSample: { value: 8, unit: 'bit', rule: 'P-FMT-COLOR', official: true } as Limit,
  /** P-FMT-QUALITY: JPEG quality factor ≥ 60. */
  minQuality: { value: 60, unit: '', rule: 'P-FMT-QUALITY', official: true } as Limit,
  /** P-FMT-BYTES: "20 KB – 40 KB"; fail outside the widest reading, warn in the ambiguous bands. */
  bytesFail: off('P-FMT-BYTES', 20_000, 40_960, 'B'),
  /** Passes under both readings of "KB" (1000 and 1024); also the fixer's target. */
  bytesPass: off('P-FMT-BYTES', 20_480, 40_000, 'B'),
  /** P-GEO-HEADTOP: top of the hair below the top edge. */
  headTop: off('P-GEO-HEADTOP', 50, 110, 'px'),
  /** P-GEO-EYES: eye centres below the top edge. */
  eyes: off('P-GEO-EYES', 200, 300, 'px'),
  /** P-GEO-FACEW: cheek-to-cheek width. */
  faceWidth: off('P-GEO-FACEW', 180, 300, 'px'),
  /** P-GEO-CENTER: face centre x of the 480 frame … */
  centerX: { value: 240, unit: 'px', rule: 'P-GEO-CENTER', official: true } as Limit,
  /** … within ± this (5 % of the width; ours). */
  centerTolerance: ours('P-GEO-CENTER', 24, 'px'),
  /** P-POSE-LEVEL: eye-line roll (ours). */
  maxRoll: ours('P-POSE-LEVEL', 3, '°'),
  /** P-POSE-FRONT: yaw and pitch (ours). */
  maxYaw: ours('P-POSE-FRONT', 10, '°'),
  maxPitch: ours('P-POSE-FRONT', 10, '°'),
  /** P-FACE-ONE */
  faces: { value: 1, unit: '', rule: 'P-FACE-ONE', official: true } as Limit,
  /** P-FACE-EYESOPEN: eyelid aspect (lid gap / eye width) below this = eyes (nearly) closed (ours). */
  minEyeOpenness: ours('P-FACE-EYESOPEN', 0.13, ''),
  /** P-FACE-MOUTH: inner-lip gap / mouth width above this = mouth open (ours). */
  maxMouthGap: ours('P-FACE-MOUTH', 0.12, ''),
  /** P-FACE-OCCLUSION: eye region this much darker (L*) than the cheeks with little detail = tinted glasses (ours). */
  eyeDarkness: ours('P-FACE-OCCLUSION', 28, 'L*'),
  /** P-FACE-OCCLUSION: share of clipped (glare) pixels in the eye region (ours). */
  eyeGlare: ours('P-FACE-OCCLUSION', 0.04, ''),
  /**
   * P-FACE-OCCLUSION: mouth-and-chin patch this much lighter (L*) than the forehead while also greyer (chroma drop
   * ≥ lowerFaceChromaDrop) = a light face mask or object over the lower face (ours; measured: surgical mask +39 L*,
   * +19 chroma; bare faces −43…+1 L*, beards darker).
   */
  lowerFaceLift: ours('P-FACE-OCCLUSION', 15, 'L*'),
  lowerFaceChromaDrop: ours('P-FACE-OCCLUSION', 8, ''),
  /** P-FACE-OCCLUSION: hue of the lower face this far from the forehead's = a coloured mask (ours; bare faces ≤ 47°). */
  lowerFaceHue: ours('P-FACE-OCCLUSION', 75, '°'),
  /** P-BG-COLOR: reference colours (manual 附件3 二.1). */
  bgBlue: [100, 197, 255] as const,
  bgWhite: [255, 255, 255] as const,
  /** P-BG-COLOR: CIEDE2000 to either reference (ours). */
  maxBgDeltaE: ours('P-BG-COLOR', 10, 'ΔE00'),
  /** P-BG-UNIFORM (ours): 90th percentile ΔE00 of background pixels from their median. */
  maxBgSpread: ours('P-BG-UNIFORM', 12, 'ΔE00'),
  /** P-BG-UNIFORM (ours): ΔE00 between left/right or top/bottom background medians (gradient, shadow). */
  maxBgSideDelta: ours('P-BG-UNIFORM', 8, 'ΔE00'),
  /** P-BG-UNIFORM (ours): share of dark pixels (L* ≥ 25 below the background) near the head (shadows, objects). */
  maxBgDarkShare: ours('P-BG-UNIFORM', 0.04, ''),
  /** P-BG-CLOTHES (ours): clothes vs background CIEDE2000. */
  minClothesDeltaE: ours('P-BG-CLOTHES', 12, 'ΔE00'),
  /** P-IMG-SHARP (ours): variance of the Laplacian of L* on the face resampled to 128 px wide. */
  minSharpness: ours('P-IMG-SHARP', 10, ''),
  /** P-IMG-LIGHT (ours): left/right cheek L* difference. */
  maxFaceBalance: ours('P-IMG-LIGHT', 25, 'L*'),
  /** P-IMG-LIGHT (ours): share of clipped pixels on the face (hot spots). */
  maxFaceClipped: ours('P-IMG-LIGHT', 0.06, ''),
  /** P-IMG-LIGHT (ours): face mean L* outside this = under/over exposed. */
  minFaceL: ours('P-IMG-LIGHT', 18, 'L*'),
  maxFaceL: ours('P-IMG-LIGHT', 88, 'L*'),
  /** P-IMG-BORDER (ours): a solid band along an edge at least this deep. */
  minBorderPx: ours('P-IMG-BORDER', 2, 'px'),
  /** P-FMT-COLOR (ours): a colour file whose 99.5th percentile chroma is below this is a black-and-white photo. */
  maxGreyChroma: ours('P-FMT-COLOR', 5, 'C*'),
  /** P-IMG-RECENT: photo taken within the last 12 months (manual 附件3 一.1). */
  maxAgeMonths: { value: 12, unit: '月', rule: 'P-IMG-RECENT', official: true } as Limit,
  /** P-GEO-HEADTOP measurement (ours): ΔE00 from the row's background that counts as hair. */
  headTopDeltaE: ours('P-GEO-HEADTOP', 12, 'ΔE00'),
  /** P-GEO-HEADTOP measurement (ours): share of the face span that must differ, over this many rows. */
  headTopShare: ours('P-GEO-HEADTOP', 0.1, ''),
  headTopRun: ours('P-GEO-HEADTOP', 3, 'rows'),
} as const;

/** Every photo rule ID of RULES.md, in report order. */
export const PHOTO_RULES = [
  'P-FMT-JPEG',
  'P-FMT-SIZE',
  'P-FMT-DPI',
  'P-FMT-COLOR',
  'P-FMT-QUALITY',
  'P-FMT-BYTES',
  'P-FMT-META',
  'P-FACE-ONE',
  'P-GEO-HEADTOP',
  'P-GEO-EYES',
  'P-GEO-FACEW',
  'P-GEO-CENTER',
  'P-POSE-LEVEL',
  'P-POSE-FRONT',
  'P-FACE-EYESOPEN',
  'P-FACE-MOUTH',
  'P-FACE-OCCLUSION',
  'P-BG-COLOR',
  'P-BG-UNIFORM',
  'P-BG-CLOTHES',
  'P-IMG-SHARP',
  'P-IMG-LIGHT',
  'P-IMG-BORDER',
  'P-IMG-NOTRANSFORM',
  'P-IMG-RECENT',
] as const;
export type PhotoRule = (typeof PHOTO_RULES)[number];

/** Rules whose value depends on the framing (changed by the automatic fix's scale + crop). */
export const FRAMING_RULES: readonly PhotoRule[] = ['P-GEO-HEADTOP', 'P-GEO-EYES', 'P-GEO-FACEW', 'P-GEO-CENTER'];

/** '200–300 px' */
export function rangeText(r: Range): string {
  return `${r.min}–${r.max} ${r.unit}`;
}
