/**
 * Is a picture of a document sharp enough to read? A score from the strongest edges, independent of how much
 * text the page holds: the 99.5th percentile of |Laplacian| divided by the page's contrast (99th − 1st luminance
 * percentile). Crisp print on paper scores ~0.3–1; a picture out of focus by a few pixels scores < 0.1.
 * Measure on a copy whose long side is about SHARPNESS_SAMPLE_PX (downscaling also averages sensor noise away).
 */
import { BLUR_SCORE_MIN } from './spec.ts';
import type { RgbaImage } from '../../lib/image/raster.ts';

export interface Sharpness {
  /** 0…~1.5, higher is sharper. */
  score: number;
  /** Luminance spread in 0…255 levels (P99 − P1). */
  contrast: number;
  /** Nearly uniform picture (contrast < 24 levels): nothing to read at all. */
  blank: boolean;
  /** Score below BLUR_SCORE_MIN on a picture that is not blank. */
  blurry: boolean;
}

function percentile(hist: Uint32Array, total: number, p: number): number {
  const target = total * p;
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v];
    if (acc >= target) return v;
  }
  return hist.length - 1;
}

export function sharpness(img: RgbaImage, minScore = BLUR_SCORE_MIN): Sharpness {
  const { width: w, height: h, data } = img;
  if (w < 3 || h < 3 || data.length < w * h * 4) throw new RangeError(`sharpness: need ≥ 3×3 RGBA pixels, got ${w}×${h} with ${data.length} bytes`);
  const grey = new Uint8Array(w * h);
  const lumHist = new Uint32Array(256);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    const y = (data[p] * 77 + data[p + 1] * 150 + data[p + 2] * 29) >> 8;
    grey[i] = y;
    lumHist[y]++;
  }
  const contrast = percentile(lumHist, grey.length, 0.99) - percentile(lumHist, grey.length, 0.01);
  const lapHist = new Uint32Array(1021);
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      const l = 4 * grey[i] - grey[i - 1] - grey[i + 1] - grey[i - w] - grey[i + w];
      lapHist[l < 0 ? -l : l]++;
      n++;
    }
  }
  const edge = percentile(lapHist, n, 0.995);
  const blank = contrast < 24;
  const score = blank ? 0 : edge / Math.max(contrast, 32);
  return { score, contrast, blank, blurry: !blank && score < minScore };
}
