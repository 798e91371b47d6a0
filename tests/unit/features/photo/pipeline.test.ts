import { describe, expect, it } from 'vitest';
import { BG_WHITE } from '../../../../src/features/photo/compose.ts';
import { renderPhoto } from '../../../../src/features/photo/encode-pipeline.ts';
import { readJpegFacts } from '../../../../src/lib/jpeg/index.ts';
import { crudeMask } from './masks.ts';
import { decodeBytes, loadPhoto } from './pixels.ts';

describe('renderPhoto: compose → matte → white background → size search, on a real blue-background ID photo', () => {
  const src = loadPhoto('a_cn-man-blue-idphoto.jpg'); // 286×401, cyan-blue wall
  const mask = crudeMask(src);
  // a 3:4 rectangle a bit wider than the photo: padding on both sides
  const rect = { x: -20, y: -10, width: 326, height: 434.67 };
  const r = renderPhoto(src, rect, { personMask: mask, background: BG_WHITE });

  it('writes a compliant file in the window', () => {
    expect(r.encode.ok).toBe(true);
    const b = r.encode.bytes!;
    expect(b.length).toBeGreaterThanOrEqual(20_480);
    expect(b.length).toBeLessThanOrEqual(40_000);
    const f = readJpegFacts(b);
    expect([f.sof?.width, f.sof?.height]).toEqual([480, 640]);
    expect(f.quality).toMatchObject({ quality: r.encode.quality, exact: true });
    expect(r.encode.quality).toBeGreaterThanOrEqual(60);
    expect(r.backgroundReplaced).toBe(true);
    expect(r.padFraction).toBeGreaterThan(0);
  });

  it('the wall becomes white and no blue fringe remains around the head', () => {
    const d = decodeBytes(r.encode.bytes!);
    const at = (x: number, y: number) => Array.from(d.data.subarray((y * 480 + x) * 4, (y * 480 + x) * 4 + 3));
    for (const [x, y] of [[10, 10], [470, 10], [10, 300], [470, 300]]) for (const v of at(x, y)) expect(v).toBeGreaterThan(235);
    // blueness (B − R) along the outer edge of the matte (0.05 < α < 0.6) must not exceed the person's own
    const a = r.alpha!;
    let edge = 0, ne = 0, inner = 0, ni = 0;
    for (let i = 0; i < a.length; i++) {
      const blue = d.data[i * 4 + 2] - d.data[i * 4];
      if (a[i] > 0.05 && a[i] < 0.6) (edge += blue), ne++;
      else if (a[i] > 0.99) (inner += blue), ni++;
    }
    expect(ne).toBeGreaterThan(100);
    // the old wall is strongly blue (B − R ≈ 100+); a fringe would push the edge mean far above the inner mean
    expect(edge / ne).toBeLessThan(Math.max(25, inner / ni + 25));
  });

  it('without a mask, asking for a new background is refused instead of guessing', () => {
    expect(() => renderPhoto(src, rect, { background: BG_WHITE })).toThrow(RangeError);
  });
});

describe('renderPhoto: keep the background, pad with a mask', () => {
  it('pads, keeps the wall, encodes in the window without cutting the person out', () => {
    const src = loadPhoto('a_woman-blue-bg.jpg'); // 560×415 landscape: needs top/bottom padding for 3:4
    const r = renderPhoto(src, { x: 90, y: -120, width: 380, height: 506.67 }, { personMask: crudeMask(src) });
    expect(r.backgroundReplaced).toBe(false);
    expect(r.alpha).toBeNull();
    expect(r.padFraction).toBeGreaterThan(0.2);
    expect(r.encode.ok).toBe(true);
    expect(r.encode.bytes!.length).toBeGreaterThanOrEqual(20_480);
    expect(r.encode.bytes!.length).toBeLessThanOrEqual(40_000);
    // the pad above her continues the blue wall (B clearly above R)
    const d = decodeBytes(r.encode.bytes!);
    for (const x of [20, 240, 460]) {
      const i = (10 * 480 + x) * 4;
      expect(d.data[i + 2] - d.data[i]).toBeGreaterThan(40);
    }
  });
});
