import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveFraming, toOutput } from '../../../../src/features/photo/crop.ts';

describe('solveFraming', () => {
  it('frames an ordinary portrait with all three ranges held and the face centred', () => {
    const f = solveFraming({ srcWidth: 1200, srcHeight: 1600, headTopPx: 200, eyeYPx: 520, faceWidthPx: 500, faceCenterXPx: 610 });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.out.headTopPx).toBeGreaterThanOrEqual(50);
    expect(f.out.headTopPx).toBeLessThanOrEqual(110);
    expect(f.out.eyeYPx).toBeGreaterThanOrEqual(200);
    expect(f.out.eyeYPx).toBeLessThanOrEqual(300);
    expect(f.out.faceWidthPx).toBeGreaterThanOrEqual(180);
    expect(f.out.faceWidthPx).toBeLessThanOrEqual(300);
    // head-top range is the narrowest (60 px): the best framing puts it in the middle
    expect(f.out.headTopPx).toBeCloseTo(80, 0);
    expect(f.marginPx).toBeCloseTo(30, 0);
    expect(f.rect.width / f.rect.height).toBeCloseTo(480 / 640, 6);
    const [cx] = toOutput(f, 610, 0);
    expect(cx).toBeCloseTo(240, 6);
    expect(f.pad).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it('reports the padding needed when the head is near the top edge', () => {
    const f = solveFraming({ srcWidth: 400, srcHeight: 400, headTopPx: 7, eyeYPx: 150, faceWidthPx: 154, faceCenterXPx: 200 });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.pad.top).toBeGreaterThan(0);
    expect(f.pad.top).toBeCloseTo(f.out.headTopPx - 7 * f.scale, 6);
    expect(f.upscale).toBeGreaterThan(1);
  });

  it('explains when no framing fits: face too narrow for the head height (high bun)', () => {
    const f = solveFraming({ srcWidth: 1000, srcHeight: 1000, headTopPx: 0, eyeYPx: 400, faceWidthPx: 200, faceCenterXPx: 500 });
    expect(f.ok).toBe(false);
    if (f.ok) return;
    expect(f.code).toBe('head-too-long');
    expect(f.ratio).toBeCloseTo(2, 6);
    expect(f.maxRatio).toBeCloseTo(250 / 180, 6);
    expect(f.best).not.toBeNull();
  });

  it('explains when the head top is too close to the eyes (top of the head cut off)', () => {
    const f = solveFraming({ srcWidth: 1000, srcHeight: 1000, headTopPx: 380, eyeYPx: 400, faceWidthPx: 300, faceCenterXPx: 500 });
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.code).toBe('head-too-short');
  });

  it('rejects nonsense input without throwing', () => {
    const f = solveFraming({ srcWidth: 10, srcHeight: 10, headTopPx: 5, eyeYPx: 4, faceWidthPx: 0, faceCenterXPx: 5 });
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.code).toBe('bad-input');
  });

  it('property: whenever a framing is feasible, the solver finds one with all ranges held', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 2000, noNaN: true }),
        fc.double({ min: 0.32, max: 1.35, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (fw, ratio, ht) => {
          const f = solveFraming({ srcWidth: 3000, srcHeight: 3000, headTopPx: ht, eyeYPx: ht + ratio * fw, faceWidthPx: fw, faceCenterXPx: 1500 });
          expect(f.ok).toBe(true);
          if (!f.ok) return;
          const eps = 1e-6;
          expect(f.out.headTopPx).toBeGreaterThanOrEqual(50 - eps);
          expect(f.out.headTopPx).toBeLessThanOrEqual(110 + eps);
          expect(f.out.eyeYPx).toBeGreaterThanOrEqual(200 - eps);
          expect(f.out.eyeYPx).toBeLessThanOrEqual(300 + eps);
          expect(f.out.faceWidthPx).toBeGreaterThanOrEqual(180 - eps);
          expect(f.out.faceWidthPx).toBeLessThanOrEqual(300 + eps);
          expect(f.out.faceCenterXPx).toBe(240);
          // predicted output = the source point mapped through the rectangle
          expect(toOutput(f, 1500, ht)[1]).toBeCloseTo(f.out.headTopPx, 6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
