/** Test-only synthetic portrait with a known alpha: a head disc with thin hair strands over a textured wall. */
export interface Synthetic {
  w: number;
  h: number;
  alpha: Float32Array;
  fg: Float32Array; // true foreground colour (rgb)
  bg: Float32Array; // true background colour (rgb)
  image: { data: Uint8ClampedArray; width: number; height: number };
}

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Distance from point p to segment a–b. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

export function syntheticPortrait(w = 240, h = 320, seed = 3, bgRgb: [number, number, number] = [185, 200, 225]): Synthetic {
  const rnd = rng(seed);
  const cx = w / 2, cy = h * 0.42, R = w * 0.25;
  const strands: [number, number, number, number][] = [];
  for (let k = 0; k < 40; k++) {
    const ang = Math.PI * (1.05 + 0.9 * (k / 39)) + (rnd() - 0.5) * 0.05; // upper half
    const len = R * (0.25 + 0.25 * rnd());
    const ax = cx + Math.cos(ang) * (R - 2), ay = cy + Math.sin(ang) * (R - 2);
    strands.push([ax, ay, ax + Math.cos(ang) * len, ay + Math.sin(ang) * len]);
  }
  const n = w * h;
  const alpha = new Float32Array(n), fg = new Float32Array(n * 3), bg = new Float32Array(n * 3);
  const data = new Uint8ClampedArray(n * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      let a = Math.max(0, Math.min(1, R - d + 0.5)); // disc with a 1-px soft edge
      // body below the head
      if (y > cy + R * 0.8 && Math.abs(x + 0.5 - cx) < R * 1.6) a = 1;
      for (const [ax, ay, bx, by] of strands) {
        const sd = segDist(x + 0.5, y + 0.5, ax, ay, bx, by);
        a = Math.max(a, 0.85 * Math.max(0, Math.min(1, 1.1 - sd))); // ~1-px strands, partly transparent
      }
      alpha[i] = a;
      const inHead = d < R * 0.75 && y > cy - R * 0.4;
      const f = inHead ? [205, 160, 135] : [55, 38, 28]; // skin / dark hair
      const nf = (rnd() - 0.5) * 16;
      const gx = x / w;
      const b = [bgRgb[0] - 15 * gx, bgRgb[1], bgRgb[2] + 10 * gx];
      const nb = (rnd() - 0.5) * 6;
      for (let c = 0; c < 3; c++) {
        fg[i * 3 + c] = f[c] + nf;
        bg[i * 3 + c] = b[c] + nb;
        data[i * 4 + c] = a * fg[i * 3 + c] + (1 - a) * bg[i * 3 + c] + 0.5;
      }
      data[i * 4 + 3] = 255;
    }
  }
  return { w, h, alpha, fg, bg, image: { data, width: w, height: h } };
}

/** A coarse, blurry mask as a segmentation model gives it: alpha box-averaged to (w/f)×(h/f), thresholded softly. */
export function coarseMask(alpha: Float32Array, w: number, h: number, f: number): { data: Float32Array; width: number; height: number } {
  const mw = Math.ceil(w / f), mh = Math.ceil(h / f);
  const data = new Float32Array(mw * mh);
  for (let y = 0; y < mh; y++)
    for (let x = 0; x < mw; x++) {
      let s = 0, k = 0;
      for (let yy = y * f; yy < Math.min(h, (y + 1) * f); yy++)
        for (let xx = x * f; xx < Math.min(w, (x + 1) * f); xx++) {
          s += alpha[yy * w + xx];
          k++;
        }
      const m = s / k;
      data[y * mw + x] = 1 / (1 + Math.exp(-(m - 0.5) * 8)); // a model's soft probability
    }
  return { data, width: mw, height: mh };
}
