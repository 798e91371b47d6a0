/** Test-only masks. */
import type { Rgba } from './pixels.ts';

/**
 * A crude person mask for a plain-background photo, the way a segmentation model would give it: colour distance
 * from the wall (sampled in the top corners), thresholded, at 64×64 (blurry at the edges once upsampled).
 */
export function crudeMask(img: Rgba, size = 64): { data: Float32Array; width: number; height: number } {
  const wall = [0, 0, 0];
  let k = 0;
  for (let y = 0; y < 20; y++)
    for (const x0 of [0, img.width - 20])
      for (let x = x0; x < x0 + 20; x++) {
        for (let c = 0; c < 3; c++) wall[c] += img.data[(y * img.width + x) * 4 + c];
        k++;
      }
  for (let c = 0; c < 3; c++) wall[c] /= k;
  const data = new Float32Array(size * size);
  for (let my = 0; my < size; my++)
    for (let mx = 0; mx < size; mx++) {
      let s = 0, n = 0;
      for (let y = Math.floor((my * img.height) / size); y < Math.floor(((my + 1) * img.height) / size); y++)
        for (let x = Math.floor((mx * img.width) / size); x < Math.floor(((mx + 1) * img.width) / size); x++) {
          const i = (y * img.width + x) * 4;
          const d = Math.hypot(img.data[i] - wall[0], img.data[i + 1] - wall[1], img.data[i + 2] - wall[2]);
          s += d > 60 ? 1 : 0;
          n++;
        }
      data[my * size + mx] = s / n;
    }
  return { data, width: size, height: size };
}
