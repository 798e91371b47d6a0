/**
 * The fixer's pixel pipeline in one call (pure; runs in the photo worker):
 *
 *   source RGBA + framing rectangle (+ person mask) → compose 480×640 (resample, pad seamlessly)
 *   → [refine the matte → replace the background]  (only when a new background colour is asked for)
 *   → size search (20,480..40,000 bytes, q ≥ 60, 300 dpi baseline JPEG).
 *
 * Every step is also exported on its own (compose.ts, matte.ts, size-search.ts, encode.ts).
 */
import { composeCrop, maskToOutput, replaceBackground, type PersonMaskInput, type Rgb, type SourceRect } from './compose.ts';
import { refineMatte, type MatteFace, type RgbaImage } from './matte.ts';
import type { Box } from './other-faces.ts';
import type { SizeSearchOptions, SizeSearchResult } from './size-search.ts';
import { fitJpeg } from './encode.ts';

/** Input side of the person segmenter (MediaPipe selfie segmentation: 256 × 256). */
export const SEGMENTER_INPUT = 256;

export interface RenderOptions extends SizeSearchOptions {
  /** Person probability over the whole source image at its own resolution (MediaPipe: 256×256). */
  personMask?: PersonMaskInput | null;
  /** A second segmentation (the whole photo, when `personMask` is the crop's): the matte keeps only what is near
   *  the person's core in both views (MATTE_TUNING.confirmLevel). */
  confirmMask?: PersonMaskInput | null;
  /** 'keep' (default): keep the photo's own background; a colour: replace it (needs personMask). */
  background?: 'keep' | Rgb;
  /** Pad fill when the rectangle extends beyond the photo (default: continue the background). */
  padFill?: 'continue' | Rgb;
  /** Output row below which shoulders/clothes cut by the photo's edge are continued into the padding (composeCrop). */
  continuePersonFromY?: number;
  /** The face in OUTPUT px (the framing's predicted measurements): the matte keeps only this person. */
  face?: MatteFace;
  /** Bystanders' faces found beside the head, OUTPUT px (other-faces.ts): the matte drops their zone. */
  otherFaces?: readonly Box[];
  /** Output size (default 480×640). */
  outWidth?: number;
  outHeight?: number;
  /** Clock for the timings (default performance.now when present). */
  now?: () => number;
}

export interface RenderResult {
  /** The final pixels that were encoded. */
  image: { data: Uint8ClampedArray; width: number; height: number };
  /** Refined alpha matte in output space (only when the background was replaced). */
  alpha: Float32Array | null;
  /** Share of output pixels that are padding (0..1). */
  padFraction: number;
  backgroundReplaced: boolean;
  encode: SizeSearchResult;
  /** Milliseconds per step. */
  ms: { compose: number; matte: number; replace: number; search: number };
}

export function renderPhoto(src: RgbaImage, rect: SourceRect, opts: RenderOptions = {}): RenderResult {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  const now = opts.now ?? (() => (perf ? perf.now() : Date.now()));
  const ms = { compose: 0, matte: 0, replace: 0, search: 0 };
  let t = now();
  const composed = composeCrop(src, rect, {
    outWidth: opts.outWidth,
    outHeight: opts.outHeight,
    personMask: opts.personMask ?? null,
    fill: opts.padFill ?? 'continue',
    continuePersonFromY: opts.continuePersonFromY,
  });
  ms.compose = now() - t;
  let image = composed.image;
  let alpha: Float32Array | null = null;
  let replaced = false;
  const bg = opts.background ?? 'keep';
  if (bg !== 'keep') {
    if (!composed.personMask) throw new RangeError('renderPhoto: a background colour needs a person mask');
    // the refined matte is only needed to cut the person out; keeping the background needs none
    t = now();
    // one segmentation cell in output px (the unknown band of the matte is a few cells wide): the segmenter sees the
    // photo (or the crop of `area`) at SEGMENTER_INPUT² whatever size of mask it hands back (MediaPipe returns it upsampled)
    const m = opts.personMask!;
    const cells = Math.min(SEGMENTER_INPUT, m.width, m.height);
    const covered = m.area ?? { width: src.width, height: src.height };
    const cellPx = Math.max(covered.width, covered.height) / cells * (image.width / rect.width);
    // the confirming view has no say where it does not reach (a closer view of the head): 1 there
    const cm = opts.confirmMask;
    const confirm = cm ? maskToOutput(cm, src.width, src.height, rect, image.width, image.height, !cm.area, cm.area ? 1 : 0) : null;
    alpha = refineMatte(image, composed.personMask, image.width, image.height, { face: opts.face, cellPx, confirm, otherFaces: opts.otherFaces });
    ms.matte = now() - t;
    t = now();
    image = replaceBackground(image, alpha, bg);
    ms.replace = now() - t;
    replaced = true;
  }
  // where the denoise fallback may smooth fully (the background); the coarse mask is enough for that
  const person = alpha ?? composed.personMask;
  let backgroundWeight: Float32Array | null = null;
  if (person) {
    backgroundWeight = new Float32Array(person.length);
    for (let i = 0; i < person.length; i++) backgroundWeight[i] = 1 - person[i];
  }
  t = now();
  const encode = fitJpeg(image, { ...opts, backgroundWeight });
  ms.search = now() - t;
  return { image, alpha, padFraction: composed.padFraction, backgroundReplaced: replaced, encode, ms };
}
