import { describe, it, expect } from 'vitest';
import { solveFraming } from '../../../../src/features/photo/crop.ts';

describe('framing avoids padding under the shoulders', () => {
  // A landscape snapshot cut just below the chin: centring every range would need ~100 px of padding at the bottom.
  const input = { srcWidth: 800, srcHeight: 420, headTopPx: 40, eyeYPx: 170, faceWidthPx: 190, faceCenterXPx: 400 };
  it('keeps every range at least 10 px inside and pads the bottom less than the centred framing would', () => {
    const f = solveFraming(input);
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.out.headTopPx).toBeGreaterThanOrEqual(60 - 0.5);
    expect(f.out.headTopPx).toBeLessThanOrEqual(100 + 0.5);
    expect(f.out.eyeYPx).toBeGreaterThanOrEqual(210 - 0.5);
    expect(f.out.eyeYPx).toBeLessThanOrEqual(290 + 0.5);
    expect(f.out.faceWidthPx).toBeGreaterThanOrEqual(190 - 0.5);
    expect(f.out.faceWidthPx).toBeLessThanOrEqual(290 + 0.5);
    // Centred solution for comparison: eyes at 250 with the same scale would put the crop bottom far below the photo.
    const centredBottom = f.scale * 170 + (640 - 250) - f.scale * 420;
    expect(f.pad.bottom).toBeLessThan(centredBottom - 20);
  });
  it('leaves a photo with room below unchanged (aims at the middle of the ranges)', () => {
    const f = solveFraming({ ...input, srcHeight: 2000 });
    expect(f.ok && f.pad.bottom).toBe(0);
    if (f.ok) expect(f.marginPx).toBeGreaterThan(20);
  });
});
