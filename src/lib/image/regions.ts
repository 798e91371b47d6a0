/**
 * Binary-map helpers of the pure image code: distance to a set, erosion/dilation, connected components (no DOM).
 * Maps are Uint8Array (0/1), row-major, width × height.
 */

/**
 * Two-pass distance transform: from every pixel to the nearest pixel with `seed[i]` = 1, with steps of `axial` to
 * the 4 neighbours and `diagonal` to the 4 diagonal ones (1/1: chessboard; 3/4: chamfer, close to Euclidean ×3).
 * Where there is no seed the value is `none`.
 */
function distanceTransform(seed: Uint8Array, w: number, h: number, axial: number, diagonal: number, none: number): Float32Array {
  const d = new Float32Array(w * h);
  for (let i = 0; i < d.length; i++) d[i] = seed[i] ? 0 : none;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let v = d[i];
      if (v === 0) continue;
      if (x > 0 && d[i - 1] + axial < v) v = d[i - 1] + axial;
      if (y > 0) {
        if (d[i - w] + axial < v) v = d[i - w] + axial;
        if (x > 0 && d[i - w - 1] + diagonal < v) v = d[i - w - 1] + diagonal;
        if (x < w - 1 && d[i - w + 1] + diagonal < v) v = d[i - w + 1] + diagonal;
      }
      d[i] = v;
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      let v = d[i];
      if (v === 0) continue;
      if (x < w - 1 && d[i + 1] + axial < v) v = d[i + 1] + axial;
      if (y < h - 1) {
        if (d[i + w] + axial < v) v = d[i + w] + axial;
        if (x < w - 1 && d[i + w + 1] + diagonal < v) v = d[i + w + 1] + diagonal;
        if (x > 0 && d[i + w - 1] + diagonal < v) v = d[i + w - 1] + diagonal;
      }
      d[i] = v;
    }
  }
  return d;
}

/** Chessboard distance (px) from every pixel to the nearest pixel with `seed[i]` = 1 (w + h where there is none). */
export function chessDistance(seed: Uint8Array, w: number, h: number): Float32Array {
  return distanceTransform(seed, w, h, 1, 1, w + h);
}

/** Chamfer (3-4) distance in px (a close Euclidean estimate) from every pixel to the nearest pixel where `seed` is 1. */
export function chamferDistance(seed: Uint8Array, w: number, h: number): Float32Array {
  const d = distanceTransform(seed, w, h, 3, 4, 1e9);
  for (let i = 0; i < d.length; i++) d[i] /= 3;
  return d;
}

/**
 * 4-connected components of the pixels with `map[i]` = 1. Returns the label per pixel (0 = not in the map, 1..count)
 * and the pixel count of each label (index 0 unused).
 */
export function components(map: Uint8Array, w: number, h: number): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(w * h);
  const sizes = [0];
  const stack: number[] = [];
  for (let s = 0; s < map.length; s++) {
    if (!map[s] || labels[s]) continue;
    const id = sizes.length;
    let count = 0;
    labels[s] = id;
    stack.push(s);
    while (stack.length) {
      const i = stack.pop()!;
      count++;
      const x = i % w;
      if (x > 0 && map[i - 1] && !labels[i - 1]) (labels[i - 1] = id), stack.push(i - 1);
      if (x < w - 1 && map[i + 1] && !labels[i + 1]) (labels[i + 1] = id), stack.push(i + 1);
      if (i >= w && map[i - w] && !labels[i - w]) (labels[i - w] = id), stack.push(i - w);
      if (i + w < map.length && map[i + w] && !labels[i + w]) (labels[i + w] = id), stack.push(i + w);
    }
    sizes.push(count);
  }
  return { labels, sizes };
}
