import { describe, it, expect } from 'vitest';
import { liveHints, previewCrop, GUIDE } from '../../../../src/features/photo/camera-guide.ts';

// A 1280×720 camera: the 3:4 preview crop is 540×720 centred at x = 370.
const W = 1280, H = 720;
const crop = previewCrop(W, H);
const s = crop.width / GUIDE.frameW; // camera px per frame px
const face = (eyeYFrame: number, faceWFrame: number, centreFrame = 240, rollPx = 0) => {
  const cx = crop.x + centreFrame * s;
  const eyeY = crop.y + eyeYFrame * s;
  const half = (faceWFrame * s) / 2;
  return { faces: 1, eyeLeft: [cx - half / 2, eyeY - rollPx / 2] as [number, number], eyeRight: [cx + half / 2, eyeY + rollPx / 2] as [number, number], cheekLeftX: cx - half, cheekRightX: cx + half, noseX: cx, faceLuma: 140 };
};

describe('camera guide', () => {
  it('crops a centred 3:4 portrait from landscape and portrait frames', () => {
    expect(previewCrop(1280, 720)).toEqual({ x: 370, y: 0, width: 540, height: 720 });
    expect(previewCrop(720, 1280)).toEqual({ x: 0, y: 160, width: 720, height: 960 });
  });
  it('says ok for a well-framed face', () => {
    expect(liveHints(face(250, 240), W, H)).toEqual(['ok']);
  });
  it('asks to come closer / step back', () => {
    expect(liveHints(face(250, 150), W, H)).toContain('closer');
    expect(liveHints(face(250, 320), W, H)).toContain('farther');
  });
  it('asks to move so the eyes land in 200–300 px', () => {
    expect(liveHints(face(180, 240), W, H)).toContain('down');
    expect(liveHints(face(320, 240), W, H)).toContain('up');
  });
  it('asks to level the head when the eye line is tilted', () => {
    expect(liveHints(face(250, 240, 240, 12), W, H)).toContain('level');
  });
  it('reports no face and several faces', () => {
    expect(liveHints({ faces: 0 }, W, H)).toEqual(['noface']);
    expect(liveHints({ ...face(250, 240), faces: 2 }, W, H)).toEqual(['many']);
  });
  it('warns about a dark face', () => {
    expect(liveHints({ ...face(250, 240), faceLuma: 40 }, W, H)).toContain('dark');
  });
});
