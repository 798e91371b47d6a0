/**
 * Is a detected face a photograph of a real person, or a drawing (anime, cartoon, line art)? The face model happily
 * fits a mesh to drawn faces, but the manual wants a real photo (附件3 一.1/2, P-FACE-ONE). Drawings are made of flat
 * colour fills bounded by hard outlines; photographs have continuous shading and sensor/JPEG noise. So inside the
 * face we measure, on luminance sampled on a grid scaled to the face size:
 *   - `flat`: the share of samples whose step to the right/lower neighbour is below 0.75 levels (fills),
 *   - `edge`: the mean step size (outlines and hard contrast).
 * A face is "drawn" when it has both plenty of flat fill and strong steps. On the shared photos real faces with
 * strong steps (≥ 10) have flat ≤ 0.01, real faces with flat ≥ 0.06 have edge ≤ 7.2, and the two drawn faces have
 * flat 0.12–0.22 with edge 13.7–14.6. Pure: no DOM, no MediaPipe.
 */
import type { RgbaImage } from '../../lib/image/raster.ts';

export const DRAWN_MIN_FLAT = 0.06;
export const DRAWN_MIN_EDGE = 10;

export interface DrawnScore { flat: number; edge: number; drawn: boolean }

export function drawnScore(img: RgbaImage, landmarks: ReadonlyArray<readonly [number, number, number] | number[]>): DrawnScore {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const p of landmarks) {
    x0 = Math.min(x0, p[0]); x1 = Math.max(x1, p[0]);
    y0 = Math.min(y0, p[1]); y1 = Math.max(y1, p[1]);
  }
  const w = x1 - x0, h = y1 - y0;
  const ax = Math.max(0, Math.round(x0 + w * 0.15)), bx = Math.min(img.width - 2, Math.round(x1 - w * 0.15));
  const ay = Math.max(0, Math.round(y0 + h * 0.15)), by = Math.min(img.height - 2, Math.round(y1 - h * 0.15));
  if (!(bx > ax && by > ay)) return { flat: 0, edge: 0, drawn: false };
  const { data, width } = img;
  const lum = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  };
  const step = Math.max(1, Math.round(w / 120));
  let flat = 0, n = 0, sum = 0;
  for (let y = ay; y < by; y += step) {
    for (let x = ax; x < bx; x += step) {
      const l = lum(x, y);
      const d = Math.max(Math.abs(l - lum(x + 1, y)), Math.abs(l - lum(x, y + 1)));
      if (d < 0.75) flat++;
      sum += d;
      n++;
    }
  }
  if (n === 0) return { flat: 0, edge: 0, drawn: false };
  const f = flat / n, e = sum / n;
  return { flat: f, edge: e, drawn: f >= DRAWN_MIN_FLAT && e >= DRAWN_MIN_EDGE };
}
