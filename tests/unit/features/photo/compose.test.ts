import { describe, expect, it } from 'vitest';
import { BG_LIGHT_BLUE, CONTINUE_MAX_PX, averageMasks, composeCrop, maskToOutput, padAcrossPerson, replaceBackground, scaleArea, segmentationArea, type Rgb } from '../../../../src/features/photo/compose.ts';
import { loadPhoto } from './pixels.ts';
import { syntheticPortrait } from './synthetic.ts';

type Img = { data: Uint8Array | Uint8ClampedArray; width: number; height: number };
const px = (img: Img, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
/** Mean over columns of the max channel |difference| between rows y and y+1. */
function rowStep(img: Img, y: number, x0 = 0, x1 = img.width): number {
  let s = 0;
  for (let x = x0; x < x1; x++) {
    const a = px(img, x, y), b = px(img, x, y + 1);
    s += Math.max(...a.map((v, c) => Math.abs(v - b[c])));
  }
  return s / (x1 - x0);
}
function colStep(img: Img, x: number, y0 = 0, y1 = img.height): number {
  let s = 0;
  for (let y = y0; y < y1; y++) {
    const a = px(img, x, y), b = px(img, x + 1, y);
    s += Math.max(...a.map((v, c) => Math.abs(v - b[c])));
  }
  return s / (y1 - y0);
}

describe('composeCrop: resampling', () => {
  it('always returns exactly 480×640 RGBA, opaque', () => {
    const src = loadPhoto('a_man-lightgrey-suit.jpg');
    for (const rect of [
      { x: 300, y: 100, width: 600, height: 800 },
      { x: -200, y: -300, width: 1600, height: 2133.3 },
      { x: 10.5, y: 20.25, width: 90, height: 120 },
    ]) {
      const r = composeCrop(src, rect);
      expect([r.image.width, r.image.height, r.image.data.length]).toEqual([480, 640, 480 * 640 * 4]);
      for (let i = 3; i < r.image.data.length; i += 4 * 997) expect(r.image.data[i]).toBe(255);
    }
  });

  it('downscaling a 1-px checkerboard gives flat grey (no aliasing / moiré)', () => {
    const w = 1600, h = 2133, data = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = (x + y) & 1 ? 255 : 0;
        data.fill(v, (y * w + x) * 4, (y * w + x) * 4 + 3);
        data[(y * w + x) * 4 + 3] = 255;
      }
    const r = composeCrop({ data, width: w, height: h }, { x: 0, y: 0, width: w, height: h * 0.999 });
    let min = 255, max = 0;
    for (let y = 10; y < 630; y++)
      for (let x = 10; x < 470; x++) {
        const v = r.image.data[(y * 480 + x) * 4];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    expect(max - min).toBeLessThanOrEqual(6);
    expect(Math.abs((max + min) / 2 - 127.5)).toBeLessThan(6);
  });

  it('a large reduction (box pre-shrink + Lanczos) matches an exact area average of the same rectangle', () => {
    const src = loadPhoto('b_man-grey-hair-event.jpg'); // 2500×2070
    const rect = { x: 500, y: 30, width: 1500, height: 2000 }; // 3.125 source px per output px
    const r = composeCrop(src, rect);
    const s = rect.width / 480;
    let se = 0, n = 0;
    for (let y = 0; y < 640; y += 3)
      for (let x = 0; x < 480; x += 3) {
        // exact area average of the output pixel's footprint (fractional edge weights)
        const ax = rect.x + x * s, bx = ax + s, ay = rect.y + y * s, by = ay + s;
        const acc = [0, 0, 0];
        let wsum = 0;
        for (let yy = Math.floor(ay); yy < Math.ceil(by); yy++)
          for (let xx = Math.floor(ax); xx < Math.ceil(bx); xx++) {
            const w = (Math.min(bx, xx + 1) - Math.max(ax, xx)) * (Math.min(by, yy + 1) - Math.max(ay, yy));
            for (let c = 0; c < 3; c++) acc[c] += src.data[(yy * src.width + xx) * 4 + c] * w;
            wsum += w;
          }
        for (let c = 0; c < 3; c++) {
          const dlt = r.image.data[(y * 480 + x) * 4 + c] - acc[c] / wsum;
          se += dlt * dlt;
          n++;
        }
      }
    const psnrDb = 10 * Math.log10((255 * 255) / (se / n));
    expect(psnrDb).toBeGreaterThan(32);
    expect(r.padFraction).toBe(0);
  });

  it('upscaling a ramp stays smooth and monotone (bicubic, no blocks)', () => {
    const w = 60, h = 80, data = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) data.set([x * 4, 100, 100, 255], (y * w + x) * 4);
    const r = composeCrop({ data, width: w, height: h }, { x: 0, y: 0, width: w, height: h });
    const row = Array.from({ length: 480 }, (_, x) => r.image.data[(320 * 480 + x) * 4]);
    for (let x = 8; x < 470; x++) {
      expect(row[x + 1]).toBeGreaterThanOrEqual(row[x]);
      expect(row[x + 1] - row[x]).toBeLessThanOrEqual(2);
    }
  });
});

describe('composeCrop: padding', () => {
  it('pads beyond a real photo with no visible seam (continued background, feathered)', () => {
    // a_woman-blue-bg: 560×415 landscape with a studio-blue wall; a 3:4 crop around her must pad top and bottom
    const src = loadPhoto('a_woman-blue-bg.jpg');
    const rect = { x: 90, y: -120, width: 380, height: 506.67 };
    const r = composeCrop(src, rect);
    expect(r.padFraction).toBeGreaterThan(0.2);
    const seamY = Math.round((0 - rect.y) * (640 / rect.height)); // first output row inside the source
    // step across the seam in the wall columns (left and right thirds) vs. the wall's own texture inside
    const left = [0, 100] as const, right = [380, 480] as const;
    for (const [x0, x1] of [left, right]) {
      const across = Math.max(rowStep(r.image, seamY - 2, x0, x1), rowStep(r.image, seamY - 1, x0, x1), rowStep(r.image, seamY, x0, x1));
      const inside = rowStep(r.image, seamY + 40, x0, x1);
      expect(across).toBeLessThan(Math.max(3, inside * 2));
    }
    // and a plain flat fill without feathering would have shown a step: the wall is not one colour
    const flat = composeCrop(src, rect, { fill: [255, 255, 255], featherPx: 0 });
    expect(rowStep(flat.image, seamY - 1, 0, 100)).toBeGreaterThan(20);
  });

  it('side padding on a real photo: column step across the seam stays small', () => {
    const src = loadPhoto('a_man-white-closeup.jpg'); // 1000×1500, white wall
    const rect = { x: -150, y: 0, width: 1125, height: 1500 };
    const r = composeCrop(src, rect);
    const seamX = Math.round(150 * (480 / 1125));
    const across = Math.max(colStep(r.image, seamX - 1), colStep(r.image, seamX));
    expect(across).toBeLessThan(3);
  });

  it('a pad next to hair continues the wall, not the hair (with a person mask)', () => {
    const S = syntheticPortrait(240, 320, 9);
    // cut the synthetic so hair strands touch the top edge, then pad above
    const top = 55;
    const cut = { data: S.image.data.slice(top * S.w * 4), width: S.w, height: S.h - top };
    const mask = { data: S.alpha.slice(top * S.w), width: S.w, height: S.h - top };
    const rect = { x: 0, y: -40, width: 240, height: 320 };
    const r = composeCrop(cut, rect, { personMask: mask, outWidth: 240, outHeight: 320 });
    // pad rows: all close to the wall colour (light), never the dark hair, including above the strands
    const wall = [185, 200, 225];
    for (let y = 0; y < 36; y += 5)
      for (let x = 0; x < 240; x += 7) {
        const c = px(r.image, x, y);
        expect(Math.max(...c.map((v, i) => Math.abs(v - wall[i])))).toBeLessThan(25);
      }
    // the person pixels just below the seam are not washed out by the feather
    const m = maskToOutput(mask, cut.width, cut.height, rect, 240, 320);
    let kept = 0, n = 0;
    for (let y = 41; y < 52; y++)
      for (let x = 0; x < 240; x++) {
        if (m[y * 240 + x] > 0.9) {
          n++;
          if (px(r.image, x, y)[0] < 120) kept++;
        }
      }
    if (n > 0) expect(kept / n).toBeGreaterThan(0.8);
  });

  it('a pad of a few px under shoulders cut by the bottom edge continues the clothes; deeper ones are not continued', () => {
    const S = syntheticPortrait(240, 320, 5);
    const mask = { data: S.alpha, width: S.w, height: S.h };
    const rect = { x: 0, y: 0, width: 240, height: 323 }; // 3 px of pad under the photo (≤ CONTINUE_MAX_PX)
    const dark = (c: number[]) => c[0] < 90 && c[2] < 90;
    const on = composeCrop(S.image, rect, { personMask: mask, outWidth: 240, outHeight: 323, continuePersonFromY: 250 });
    const off = composeCrop(S.image, rect, { personMask: mask, outWidth: 240, outHeight: 323 });
    for (const y of [321, 322]) {
      expect(dark(px(on.image, 120, y))).toBe(true); // clothes continued
      expect(dark(px(off.image, 120, y))).toBe(false); // without: the wall colour under the body
      expect(dark(px(on.image, 6, y))).toBe(false); // beside the body the wall continues as before
      expect(on.personMask![y * 240 + 120]).toBeGreaterThan(0.9); // and counts as person afterwards
    }
    // above `continuePersonFromY` nothing is continued
    const above = composeCrop(S.image, rect, { personMask: mask, outWidth: 240, outHeight: 323, continuePersonFromY: 400 });
    expect(Array.from(above.image.data)).toEqual(Array.from(off.image.data));
    // a 30 px pad is not continued (copied edge pixels would show as streaks): the fixer refuses such a framing
    expect(CONTINUE_MAX_PX).toBeLessThan(30);
    const deepRect = { x: 0, y: 0, width: 240, height: 350 };
    const deepOn = composeCrop(S.image, deepRect, { personMask: mask, outWidth: 240, outHeight: 350, continuePersonFromY: 250 });
    const deepOff = composeCrop(S.image, deepRect, { personMask: mask, outWidth: 240, outHeight: 350 });
    expect(Array.from(deepOn.image.data)).toEqual(Array.from(deepOff.image.data));
  });

  it('padAcrossPerson: how deep a pad runs beside the body below the chin (none above it, none beside the wall)', () => {
    const S = syntheticPortrait(240, 320, 5);
    const mask = { data: S.alpha, width: S.w, height: S.h };
    const under = padAcrossPerson(mask, 240, 320, { x: 0, y: 0, width: 240, height: 350 }, 250, 240, 350);
    expect(under.bottom).toBeGreaterThan(28);
    expect(under.bottom).toBeLessThanOrEqual(30);
    expect(under.left).toBe(0);
    // the same pad above the head (rectangle moved up) is only wall
    const over = padAcrossPerson(mask, 240, 320, { x: 0, y: -30, width: 240, height: 350 }, 250, 240, 350);
    expect(over.bottom).toBe(0);
    expect(padAcrossPerson(mask, 240, 320, { x: 0, y: 0, width: 240, height: 350 }, 400, 240, 350).bottom).toBe(0);
  });

  it('never fills black: a mask covering the whole seam, or a rectangle beside the photo', () => {
    const src = loadPhoto('a_man-white-closeup.jpg'); // white wall
    const all = { data: new Float32Array(16 * 16).fill(1), width: 16, height: 16 };
    const r = composeCrop(src, { x: -300, y: 0, width: 1125, height: 1500 }, { personMask: all });
    for (const v of px(r.image, 3, 320)) expect(v).toBeGreaterThan(150);
    const beside = composeCrop(src, { x: 1200, y: 0, width: 300, height: 400 });
    expect(beside.padFraction).toBe(1);
    for (const v of px(beside.image, 240, 320)) expect(v).toBeGreaterThan(150);
  });

  it('a flat fill colour is used exactly far from the seam', () => {
    const src = loadPhoto('a_man-white-glasses.jpg');
    const fill: Rgb = [100, 197, 255];
    const r = composeCrop(src, { x: -100, y: 0, width: 400, height: 533.3 }, { fill });
    expect(px(r.image, 5, 600)).toEqual(fill);
    expect(px(r.image, 5, 10)).toEqual(fill);
  });

  it('rejects a degenerate rectangle', () => {
    const src = { data: new Uint8Array(16), width: 2, height: 2 };
    expect(() => composeCrop(src, { x: 0, y: 0, width: 0, height: 10 })).toThrow(RangeError);
    expect(() => composeCrop(src, { x: NaN, y: 0, width: 1, height: 1 })).toThrow(RangeError);
  });
});

describe('replaceBackground: decontamination', () => {
  it('hair edges take the new colour without the old background bleeding in', () => {
    // an orange-ish old wall makes any bleed obvious over the new light blue
    const S = syntheticPortrait(240, 320, 4, [230, 150, 60]);
    const out = replaceBackground(S.image, S.alpha, BG_LIGHT_BLUE);
    const n = S.w * S.h;
    let errOurs = 0, errNaive = 0, k = 0;
    for (let i = 0; i < n; i++) {
      const a = S.alpha[i];
      if (a <= 0.05 || a >= 0.95) continue;
      k++;
      for (let c = 0; c < 3; c++) {
        const truth = a * S.fg[i * 3 + c] + (1 - a) * BG_LIGHT_BLUE[c];
        errOurs += Math.abs(out.data[i * 4 + c] - truth);
        errNaive += Math.abs(a * S.image.data[i * 4 + c] + (1 - a) * BG_LIGHT_BLUE[c] - truth);
      }
    }
    expect(k).toBeGreaterThan(200);
    expect(errOurs / k).toBeLessThan((errNaive / k) * 0.5);
    // pure background → exactly the new colour; pure person → unchanged
    for (let i = 0; i < n; i += 101) {
      if (S.alpha[i] === 0) expect(Array.from(out.data.subarray(i * 4, i * 4 + 3))).toEqual(BG_LIGHT_BLUE);
      if (S.alpha[i] === 1) expect(Array.from(out.data.subarray(i * 4, i * 4 + 3))).toEqual(Array.from(S.image.data.subarray(i * 4, i * 4 + 3)));
    }
  });
});

describe('person mask of a crop (the second segmentation of the fixer)', () => {
  it('segmentationArea is the framing clipped to the photo, in whole pixels', () => {
    expect(segmentationArea({ x: -10.5, y: 20.2, width: 300, height: 400 }, 250, 380)).toEqual({ x: 0, y: 20, width: 250, height: 360 });
  });
  it('a mask covering only its area maps like the same values in a whole-photo mask', () => {
    const W = 120, H = 160, full = new Float32Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) full[y * W + x] = Math.hypot(x - 60, y - 70) < 35 ? 1 : 0;
    const area = { x: 20, y: 30, width: 80, height: 100 };
    const part = new Float32Array(area.width * area.height);
    for (let y = 0; y < area.height; y++) for (let x = 0; x < area.width; x++) part[y * area.width + x] = full[(area.y + y) * W + area.x + x];
    const rect = { x: 25, y: 35, width: 60, height: 80 };
    const a = maskToOutput({ data: full, width: W, height: H }, W, H, rect, 48, 64);
    const b = maskToOutput({ data: part, width: area.width, height: area.height, area }, W, H, rect, 48, 64);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-6);
    expect(a.some((v) => v > 0.5) && a.some((v) => v < 0.5)).toBe(true);
  });
  it('a view that does not reach a pixel has no say there with `outside`', () => {
    const area = { x: 40, y: 40, width: 40, height: 40 };
    const m = maskToOutput({ data: new Float32Array(16).fill(0.25), width: 4, height: 4, area }, 120, 120, { x: 0, y: 0, width: 120, height: 120 }, 12, 12, false, 1);
    expect(m[0]).toBe(1); // outside the area
    expect(m[6 * 12 + 6]).toBeCloseTo(0.25, 6); // inside
  });
});

describe('second views for the segmenter', () => {
  it('scaleArea scales about the centre and stays inside the photo, in whole px', () => {
    expect(scaleArea({ x: 100, y: 100, width: 200, height: 300 }, 0.5, 1000, 1000)).toEqual({ x: 150, y: 175, width: 100, height: 150 });
    expect(scaleArea({ x: 100, y: 100, width: 200, height: 300 }, 1.25, 1000, 1000)).toEqual({ x: 75, y: 62, width: 250, height: 376 });
    expect(scaleArea({ x: 10, y: 0, width: 200, height: 300 }, 1.25, 230, 320)).toEqual({ x: 0, y: 0, width: 230, height: 320 });
  });
  it('averageMasks: the mean of two views on the first one\'s grid; the first alone where the second does not reach', () => {
    // photo 100 × 100; view a covers 20..60 (one value per px), view b covers 40..100 at half resolution
    const a = { data: new Float32Array(40 * 40).fill(1), width: 40, height: 40, area: { x: 20, y: 20, width: 40, height: 40 } };
    const b = { data: new Float32Array(30 * 30).fill(0), width: 30, height: 30, area: { x: 40, y: 40, width: 60, height: 60 } };
    const m = averageMasks(a, b, 100, 100);
    expect(m.area).toEqual(a.area);
    expect([m.width, m.height]).toEqual([40, 40]);
    expect(m.data[5 * 40 + 5]).toBe(1); // photo px (25, 25): only a
    expect(m.data[30 * 40 + 30]).toBeCloseTo(0.5, 6); // photo px (50, 50): both
  });
});
