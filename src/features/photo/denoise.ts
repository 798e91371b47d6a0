/**
 * Honest noise reduction for the size search's "too big even at quality 60" path: an edge-preserving sigma filter
 * (average of the neighbours whose colour is within a threshold), applied in full to the background and only
 * lightly to the person when a background weight is given. It removes sensor noise and wall texture — the bytes
 * JPEG wastes most — without blurring the outline or the face, and it never changes the pixel size.
 */
import type { RgbaImage } from '../../lib/jpeg/encoder.ts';

export interface DenoiseParams {
  radius: number;
  /** Max per-channel |difference| (0..255) for a neighbour to be averaged in. */
  threshold: number;
  /** Strength on the person (where backgroundWeight = 0); the background gets 1. */
  personStrength: number;
}

/** Level 1..3 → parameters (0 = none). */
export function denoiseParams(level: number): DenoiseParams | null {
  if (level <= 0) return null;
  if (level === 1) return { radius: 1, threshold: 12, personStrength: 0.35 };
  if (level === 2) return { radius: 2, threshold: 18, personStrength: 0.5 };
  return { radius: 2, threshold: 28, personStrength: 0.6 };
}

/**
 * Returns a new image. `backgroundWeight` (optional, w×h, 0..1: 1 = surely background) blends between the
 * person strength and full strength.
 */
export function denoise(img: RgbaImage, level: number, backgroundWeight?: Float32Array | null): RgbaImage {
  const p = denoiseParams(level);
  const { width: W, height: H, data } = img;
  const out = new Uint8ClampedArray(W * H * 4);
  if (!p) {
    out.set(data.subarray(0, W * H * 4));
    return { data: out, width: W, height: H };
  }
  const R = p.radius, T = p.threshold;
  for (let y = 0; y < H; y++) {
    const y0 = Math.max(0, y - R), y1 = Math.min(H - 1, y + R);
    for (let x = 0; x < W; x++) {
      const x0 = Math.max(0, x - R), x1 = Math.min(W - 1, x + R);
      const i = (y * W + x) * 4;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      let sr = 0, sg = 0, sb = 0, n = 0;
      for (let yy = y0; yy <= y1; yy++) {
        let j = (yy * W + x0) * 4;
        for (let xx = x0; xx <= x1; xx++, j += 4) {
          const dr = data[j] - r, dg = data[j + 1] - g, db = data[j + 2] - b;
          if (dr <= T && dr >= -T && dg <= T && dg >= -T && db <= T && db >= -T) {
            sr += data[j];
            sg += data[j + 1];
            sb += data[j + 2];
            n++;
          }
        }
      }
      const bw = backgroundWeight ? backgroundWeight[y * W + x] : 1;
      const k = p.personStrength + (1 - p.personStrength) * Math.min(1, Math.max(0, bw));
      out[i] = r + (sr / n - r) * k;
      out[i + 1] = g + (sg / n - g) * k;
      out[i + 2] = b + (sb / n - b) * k;
      out[i + 3] = data[i + 3];
    }
  }
  return { data: out, width: W, height: H };
}
