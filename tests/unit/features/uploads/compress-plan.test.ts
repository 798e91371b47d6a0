import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sizeLadder, attemptLadder, searchEncoding, scaledSize } from '../../../../src/features/uploads/compress-plan.ts';
import { MIN_LONG_SIDE_PX, QUALITY_FLOOR, QUALITY_STEPS, MAX_LONG_SIDE_PX } from '../../../../src/features/uploads/spec.ts';

/** A JPEG-like size model: bytes grow with pixels and steeply with quality. */
const model = (bitsPerPixelAtQ90: number, aspect = 0.75) => async ({ longSide, quality }: { longSide: number; quality: number }) => {
  const px = longSide * longSide * aspect;
  const bytes = Math.round((px * bitsPerPixelAtQ90) / 8 * Math.pow((1 - quality) / 0.1, -0.9));
  return { bytes, result: { longSide, quality } };
};

describe('size ladder', () => {
  it('12 MP: starts at 4000, ends exactly at the 1600 px minimum, decreasing', () => {
    const l = sizeLadder(4000);
    expect(l[0]).toBe(4000);
    expect(l.at(-1)).toBe(MIN_LONG_SIDE_PX);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
  });
  it('never upscales a small source and caps a huge one', () => {
    expect(sizeLadder(900)).toEqual([900]);
    expect(sizeLadder(8000)[0]).toBe(MAX_LONG_SIDE_PX);
  });
  it('every attempt respects the quality floor and the minimum long side', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20000 }), (src) => {
      for (const a of attemptLadder(src)) {
        expect(a.quality).toBeGreaterThanOrEqual(QUALITY_FLOOR);
        expect(a.longSide).toBeGreaterThanOrEqual(Math.min(src, MIN_LONG_SIDE_PX));
      }
    }));
  });
  it('rejects nonsense', () => {
    expect(() => sizeLadder(0)).toThrow(RangeError);
  });
});

describe('searchEncoding', () => {
  it('keeps full size and best quality when it already fits', async () => {
    const r = await searchEncoding(4000, 4_000_000, model(1.2));
    expect(r.best).toMatchObject({ longSide: 4000, quality: QUALITY_STEPS[0] });
    expect(r.tried).toHaveLength(1);
  });
  it('lowers quality before size, returns the first fit ≤ budget', async () => {
    const r = await searchEncoding(4000, 4_000_000, model(3.5));
    expect(r.best!.bytes).toBeLessThanOrEqual(4_000_000);
    expect(r.best!.longSide).toBe(4000);
    expect(r.best!.quality).toBeLessThan(QUALITY_STEPS[0]);
    // everything tried before the winner was over budget
    for (const t of r.tried.slice(0, -1)) expect(t.bytes).toBeGreaterThan(4_000_000);
  });
  it('shrinks when no quality fits at full size, never below 1600 px', async () => {
    const r = await searchEncoding(6000, 1_000_000, model(6));
    expect(r.best).not.toBeNull();
    expect(r.best!.longSide).toBeLessThan(4200);
    expect(r.best!.longSide).toBeGreaterThanOrEqual(MIN_LONG_SIDE_PX);
  });
  it('skips sizes that cannot fit by pixel count: few encodes even for a tight budget', async () => {
    const r = await searchEncoding(4000, 795_000, model(4));
    expect(r.best!.bytes).toBeLessThanOrEqual(795_000);
    expect(r.tried.length).toBeLessThanOrEqual(6);
    // it did not give up pixels it could have kept: the next larger ladder size at the same quality is over budget
    const ladder = sizeLadder(4000);
    const k = ladder.indexOf(r.best!.longSide);
    if (k > 0) expect((await model(4)({ longSide: ladder[k - 1], quality: r.best!.quality })).bytes).toBeGreaterThan(795_000);
  });
  it('returns null when even 1600 px at the floor is too big, having tried every quality at 1600 px', async () => {
    const r = await searchEncoding(4000, 10_000, model(8));
    expect(r.best).toBeNull();
    const last = r.tried.filter((t) => t.longSide === MIN_LONG_SIDE_PX).map((t) => t.quality);
    expect(last).toEqual([...QUALITY_STEPS]);
  });
  it('stops when aborted', async () => {
    const signal = { aborted: false };
    const r = await searchEncoding(4000, 10, async (a) => { signal.aborted = true; return model(8)(a); }, { signal });
    expect(r.tried).toHaveLength(1);
    expect(r.best).toBeNull();
  });
});

describe('scaledSize', () => {
  it('keeps the aspect ratio and never upscales', () => {
    expect(scaledSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000, 2000)).toEqual({ width: 1500, height: 2000 });
    expect(scaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});
