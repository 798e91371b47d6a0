/**
 * Node-side image decoding for tests (pure JS: jpeg-js, pngjs) and a small bilinear resampler used to build
 * labelled 480×640 test images. Transparency is flattened onto white, like the browser reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { PHOTOS_DIR } from './shared.ts';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function decodeBytes(bytes: Uint8Array): Rgba {
  let w: number, h: number, src: Uint8Array;
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    w = img.width; h = img.height; src = img.data;
  } else if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const img = PNG.sync.read(Buffer.from(bytes));
    w = img.width; h = img.height; src = img.data;
  } else {
    throw new Error('not a JPEG or PNG');
  }
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < data.length; i += 4) {
    const a = src[i + 3] / 255;
    data[i] = src[i] * a + 255 * (1 - a);
    data[i + 1] = src[i + 1] * a + 255 * (1 - a);
    data[i + 2] = src[i + 2] * a + 255 * (1 - a);
    data[i + 3] = 255;
  }
  return { width: w, height: h, data };
}

const cache = new Map<string, Rgba>();
/** Decode a shared photo (cached per test file). */
export function loadPhoto(file: string): Rgba {
  let img = cache.get(file);
  if (!img) {
    img = decodeBytes(new Uint8Array(readFileSync(join(PHOTOS_DIR, file))));
    cache.set(file, img);
  }
  return img;
}

/**
 * Resample the source rectangle (x0, y0, w, h in source px; may extend outside) into an outW × outH image with
 * area-averaging when shrinking and bilinear when enlarging; outside the source is filled with `fill`.
 */
export function resample(src: Rgba, x0: number, y0: number, w: number, h: number, outW: number, outH: number, fill: [number, number, number] = [255, 255, 255]): Rgba {
  const out = new Uint8ClampedArray(outW * outH * 4);
  const sx = w / outW;
  const sy = h / outH;
  const taps = Math.max(1, Math.ceil(Math.max(sx, sy)));
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let r = 0, g = 0, b = 0, n = 0;
      for (let ty = 0; ty < taps; ty++) {
        for (let tx = 0; tx < taps; tx++) {
          const fx = x0 + (ox + (tx + 0.5) / taps) * sx - 0.5;
          const fy = y0 + (oy + (ty + 0.5) / taps) * sy - 0.5;
          const p = bilinear(src, fx, fy, fill);
          r += p[0]; g += p[1]; b += p[2]; n++;
        }
      }
      const o = (oy * outW + ox) * 4;
      out[o] = r / n; out[o + 1] = g / n; out[o + 2] = b / n; out[o + 3] = 255;
    }
  }
  return { width: outW, height: outH, data: out };
}

function bilinear(src: Rgba, fx: number, fy: number, fill: [number, number, number]): [number, number, number] {
  if (fx < -0.5 || fy < -0.5 || fx > src.width - 0.5 || fy > src.height - 0.5) return fill;
  const x = Math.min(Math.max(fx, 0), src.width - 1);
  const y = Math.min(Math.max(fy, 0), src.height - 1);
  const x1 = Math.floor(x), y1 = Math.floor(y);
  const x2 = Math.min(x1 + 1, src.width - 1), y2 = Math.min(y1 + 1, src.height - 1);
  const ax = x - x1, ay = y - y1;
  const d = src.data;
  const i11 = (y1 * src.width + x1) * 4, i21 = (y1 * src.width + x2) * 4, i12 = (y2 * src.width + x1) * 4, i22 = (y2 * src.width + x2) * 4;
  const res: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const top = d[i11 + c] * (1 - ax) + d[i21 + c] * ax;
    const bot = d[i12 + c] * (1 - ax) + d[i22 + c] * ax;
    res[c] = top * (1 - ay) + bot * ay;
  }
  return res;
}
