/** Test-only pixel helpers for the fixer tests: decode shared photos with jpeg-js / pngjs, a simple crop+resize. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { PHOTOS_DIR } from '../../../helpers/shared.ts';

export interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

export function decodeBytes(bytes: Uint8Array): Rgba {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { data: d.data as Uint8Array, width: d.width, height: d.height };
  }
  const p = PNG.sync.read(Buffer.from(bytes));
  return { data: new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.length), width: p.width, height: p.height };
}

export function loadPhoto(file: string): Rgba {
  return decodeBytes(new Uint8Array(readFileSync(join(PHOTOS_DIR, file))));
}

/** Centre crop to 3:4 (biased to the top, where the head is) and area-average resize to w × h. */
export function simpleCrop(img: Rgba, w = 480, h = 640): Rgba {
  let cw = img.width, ch = Math.round((img.width * h) / w);
  if (ch > img.height) {
    ch = img.height;
    cw = Math.round((img.height * w) / h);
  }
  const x0 = (img.width - cw) / 2, y0 = (img.height - ch) * 0.25;
  const out = new Uint8Array(w * h * 4);
  const sx = cw / w, sy = ch / h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // average the source pixels whose centres fall in the output pixel (at least the nearest one)
      const ax = x0 + x * sx, bx = ax + sx, ay = y0 + y * sy, by = ay + sy;
      let ix0 = Math.floor(ax), ix1 = Math.max(ix0 + 1, Math.ceil(bx));
      let iy0 = Math.floor(ay), iy1 = Math.max(iy0 + 1, Math.ceil(by));
      ix1 = Math.min(ix1, img.width);
      iy1 = Math.min(iy1, img.height);
      ix0 = Math.min(ix0, ix1 - 1);
      iy0 = Math.min(iy0, iy1 - 1);
      let r = 0, g = 0, b = 0, n = 0;
      for (let yy = iy0; yy < iy1; yy++)
        for (let xx = ix0; xx < ix1; xx++) {
          const i = (yy * img.width + xx) * 4;
          r += img.data[i];
          g += img.data[i + 1];
          b += img.data[i + 2];
          n++;
        }
      const o = (y * w + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}

/** PSNR over RGB of two same-size RGBA images. */
export function psnr(a: Rgba, b: Rgba): number {
  let se = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n * 4; i++) {
    if ((i & 3) === 3) continue;
    const d = a.data[i] - b.data[i];
    se += d * d;
  }
  const mse = se / (n * 3);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Manifest photos with exactly one face (categories A–C). */
export { readManifest } from '../../../helpers/shared.ts';
