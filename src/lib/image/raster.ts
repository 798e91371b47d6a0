/**
 * The one raster type of the pure image code, and the small field helpers around it (no DOM).
 * Fields are row-major Float32Arrays of width × height values (1 channel) or × 3 (RGB); RGBA is 8-bit.
 */

/** 8-bit RGBA pixels, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** The RGB channels of an image as floats (0..255), 3 per pixel. */
export function rgbField(img: RgbaImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = img.data[i * 4];
    out[i * 3 + 1] = img.data[i * 4 + 1];
    out[i * 3 + 2] = img.data[i * 4 + 2];
  }
  return out;
}

/**
 * Nearest-neighbour resample of a field with `ch` channels from sw×sh to dw×dh (cell centres aligned); used for
 * pyramids where the values must stay exactly the ones of the source (alpha levels, colour samples).
 */
export function resizeNearest(src: Float32Array, sw: number, sh: number, ch: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh * ch);
  for (let y = 0; y < dh; y++) {
    const sy = Math.min(sh - 1, Math.floor(((y + 0.5) * sh) / dh));
    for (let x = 0; x < dw; x++) {
      const sx = Math.min(sw - 1, Math.floor(((x + 0.5) * sw) / dw));
      const s = (sy * sw + sx) * ch, d = (y * dw + x) * ch;
      for (let c = 0; c < ch; c++) out[d + c] = src[s + c];
    }
  }
  return out;
}
