/**
 * How to make a picture ≤ a byte budget while keeping a certificate readable: keep as many pixels as possible,
 * lower the JPEG quality only down to QUALITY_FLOOR, and never shrink the long side below MIN_LONG_SIDE_PX
 * (U-BYTES; floor and minimum are ours). The encoder is injected, so this runs in tests without a browser.
 */
import { MAX_LONG_SIDE_PX, MIN_LONG_SIDE_PX, QUALITY_STEPS, SCALE_STEP } from './spec.ts';

export interface Attempt {
  /** Output long side in pixels. */
  longSide: number;
  /** JPEG quality 0…1. */
  quality: number;
}

/**
 * Sizes to try, largest first: the source long side (capped at MAX_LONG_SIDE_PX), then SCALE_STEP steps down
 * to `minLongSide` (the last step lands on it exactly). A source smaller than the minimum is never upscaled.
 */
export function sizeLadder(srcLongSide: number, minLongSide = MIN_LONG_SIDE_PX, maxLongSide = MAX_LONG_SIDE_PX): number[] {
  if (!(srcLongSide > 0)) throw new RangeError(`sizeLadder: source long side must be > 0 px, got ${srcLongSide}`);
  const top = Math.round(Math.min(srcLongSide, maxLongSide));
  if (top <= minLongSide) return [top];
  const out = [top];
  for (let s = top * SCALE_STEP; s > minLongSide; s *= SCALE_STEP) out.push(Math.round(s));
  out.push(minLongSide);
  return out;
}

/** Every (size, quality) pair in the order tried: all qualities at one size before the next smaller size. */
export function attemptLadder(srcLongSide: number, minLongSide = MIN_LONG_SIDE_PX, qualities: readonly number[] = QUALITY_STEPS): Attempt[] {
  return sizeLadder(srcLongSide, minLongSide).flatMap((longSide) => qualities.map((quality) => ({ longSide, quality })));
}

export interface Encoded<T> extends Attempt {
  bytes: number;
  result: T;
}

export interface SearchOutcome<T> {
  /** The first attempt that fits, or null when even the smallest allowed one is too big. */
  best: Encoded<T> | null;
  /** Every attempt made, in order (for the UI and the tests). */
  tried: { longSide: number; quality: number; bytes: number }[];
}

/**
 * Walk the ladder and return the first encoding of ≤ `maxBytes`. Skips ahead: when an attempt is more than
 * twice the budget, the remaining qualities at that size are skipped (they rarely halve the size), and so are the
 * next sizes whose predicted size (bytes ∝ pixels) is still over twice the budget — except the smallest allowed
 * size, where every quality down to the floor is tried.
 */
export async function searchEncoding<T>(
  srcLongSide: number,
  maxBytes: number,
  encode: (a: Attempt) => Promise<{ bytes: number; result: T }>,
  opts: { minLongSide?: number; qualities?: readonly number[]; signal?: { aborted: boolean } } = {},
): Promise<SearchOutcome<T>> {
  const qualities = opts.qualities ?? QUALITY_STEPS;
  const tried: SearchOutcome<T>['tried'] = [];
  const sizes = sizeLadder(srcLongSide, opts.minLongSide ?? MIN_LONG_SIDE_PX);
  /** Bytes at the best quality, and the long side they were measured at (JPEG bytes grow ~ with pixel count). */
  let probe: { longSide: number; bytes: number } | null = null;
  for (const [si, longSide] of sizes.entries()) {
    const last = si === sizes.length - 1;
    // Skip a size without encoding when the pixel-count prediction is over twice the budget (never the last).
    if (!last && probe && probe.bytes * (longSide / probe.longSide) ** 2 > 2 * maxBytes) continue;
    for (const quality of qualities) {
      if (opts.signal?.aborted) return { best: null, tried };
      const r = await encode({ longSide, quality });
      tried.push({ longSide, quality, bytes: r.bytes });
      if (quality === qualities[0]) probe = { longSide, bytes: r.bytes };
      if (r.bytes <= maxBytes) return { best: { longSide, quality, ...r }, tried };
      if (!last && r.bytes > 2 * maxBytes) break;
    }
  }
  return { best: null, tried };
}

/** Output size for a long side, keeping the aspect ratio; never larger than the source. */
export function scaledSize(srcW: number, srcH: number, longSide: number): { width: number; height: number } {
  const long = Math.max(srcW, srcH);
  const s = Math.min(1, longSide / long);
  return { width: Math.max(1, Math.round(srcW * s)), height: Math.max(1, Math.round(srcH * s)) };
}
