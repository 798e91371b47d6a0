import { describe, it, expect } from 'vitest';
import { detectBorders } from '../../../../src/features/photo/background.ts';

function image(w: number, h: number, paint: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const [r, g, b] = paint(x, y);
    const i = (y * w + x) * 4;
    data[i] = r; data[i + 1] = g; data[i + 2] = b; data[i + 3] = 255;
  }
  return { width: w, height: h, data };
}
const BLUE: [number, number, number] = [100, 197, 255];
const DARK: [number, number, number] = [30, 30, 60];

describe('P-IMG-BORDER band detection', () => {
  it('finds a frame added along a whole edge', () => {
    const img = image(480, 640, (x, y) => (x < 20 || x >= 460 || y < 20 || y >= 620 ? [200, 30, 30] : y > 400 ? DARK : BLUE));
    const b = detectBorders(img);
    expect(b.bands.left).toBeGreaterThanOrEqual(18);
    expect(b.bands.top).toBeGreaterThanOrEqual(18);
  });
  it('does not take a plain background that meets the shoulders part of the way down for a frame', () => {
    // Light-blue background; a dark jacket fills the lower 45 % and reaches the left edge after 17 px of background.
    const img = image(480, 640, (x, y) => (y > 350 && x > 17 ? DARK : y > 350 && x <= 17 && y > 600 ? DARK : BLUE));
    const b = detectBorders(img);
    expect(b.bands).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });
});

describe('P-IMG-BORDER black edges', () => {
  // deterministic noise
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  it('a zero-filled wedge along the left edge is a black edge', () => {
    const img = image(480, 640, (x, y) => (x < 40 - y / 20 ? [Math.round(rnd() * 2), 0, Math.round(rnd() * 2)] : x < 200 ? [120, 150, 190] : [60, 50, 45]));
    expect(detectBorders(img).black).toEqual(['left']);
  });
  it('a very dark but natural backdrop (noisy 4–16) along the left edge is not', () => {
    const img = image(480, 640, (x) => {
      const v = 4 + Math.round(rnd() * 12);
      return x < 80 ? [v, v + 2, v + 4] : [120, 150, 190];
    });
    expect(detectBorders(img).black).toEqual([]);
  });
});

describe('P-IMG-BORDER on real photos', () => {
  it('finds the black rotation wedge on the left of b_woman-black-outdoor.jpg', async () => {
    const { loadPhoto } = await import('../../../helpers/pixels.ts');
    const b = detectBorders(loadPhoto('b_woman-black-outdoor.jpg'));
    expect(b.black).toContain('left');
  });
  it('does not take the dark edges of a dim flash snapshot or a night scene for an added black edge', async () => {
    const { loadPhoto } = await import('../../../helpers/pixels.ts');
    for (const f of ['c_two-faces-tilted.jpg', 'c_blurry-dark.jpg']) expect(detectBorders(loadPhoto(f)).black, f).toEqual([]);
  });
  it('finds no border on plain studio photos', async () => {
    const { loadPhoto } = await import('../../../helpers/pixels.ts');
    for (const f of ['a_cn-man-blue-idphoto.jpg', 'a_man-lightgrey-suit.jpg', 'a_man-grey-hivision-demo.jpg']) {
      const b = detectBorders(loadPhoto(f));
      expect(b.black, f).toEqual([]);
    }
  });
});
