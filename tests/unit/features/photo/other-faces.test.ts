// Bystanders beside the candidate's head (issue 14: never keep a second person): the scan windows, which detections
// count as another person, and the zone the matte drops — here on geometry; the real photo (b_woman-older-indoor,
// a face half hidden behind the ear) is fixed in the built app by tests/e2e/matte.spec.ts.
import { describe, expect, it } from 'vitest';
import { OTHER_FACES, inExclusionZone, maskShare, otherFaceBoxes, scanWindows, type Box } from '../../../../src/features/photo/other-faces.ts';
import { personPrior } from '../../../../src/features/photo/matte.ts';

// the candidate of b_woman-older-indoor as the app measures it (448 × 448 photo): face 159 px wide
const head = { faceCenterXPx: 219, eyeYPx: 184, faceWidthPx: 159, headTopPx: 70 };
const photo: Box = { x0: 0, y0: 0, x1: 448, y1: 448 };
const centre = (b: Box) => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];

describe('scanWindows', () => {
  const wins = scanWindows(head, photo);
  it('covers both sides of the head with windows of ¾ face width, inside the photo', () => {
    expect(wins.length).toBeGreaterThan(10);
    for (const b of wins) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y1).toBeLessThanOrEqual(448);
      expect(b.x1 - b.x0).toBeLessThanOrEqual(Math.round(OTHER_FACES.windowFw * head.faceWidthPx) + 1);
    }
    expect(wins.some((b) => centre(b)[0] < head.faceCenterXPx - head.faceWidthPx / 2)).toBe(true);
    expect(wins.some((b) => centre(b)[0] > head.faceCenterXPx + head.faceWidthPx / 2)).toBe(true);
  });
  it('never looks at the candidate’s own face', () => {
    for (const b of wins) {
      const [x, y] = centre(b);
      expect(Math.abs(x - head.faceCenterXPx) >= OTHER_FACES.ownHalfFw * head.faceWidthPx || y >= head.eyeYPx + OTHER_FACES.chinBelowEyeFw * head.faceWidthPx).toBe(true);
    }
  });
  it('one window holds the half-hidden face beside the ear whole (it is found only when it fills a good part of the window)', () => {
    const face: Box = { x0: 98, y0: 219, x1: 140, y1: 258 }; // the detector's box of the bystander (landmarks)
    expect(wins.some((b) => b.x0 <= face.x0 && b.x1 >= face.x1 && b.y0 <= face.y0 && b.y1 >= face.y1)).toBe(true);
  });
  it('skips windows with no person in the mask and windows inside the body', () => {
    const none = scanWindows(head, photo, () => 0);
    const body = scanWindows(head, photo, () => 1);
    const edge = scanWindows(head, photo, () => 0.5);
    expect(none).toHaveLength(0);
    expect(body).toHaveLength(0);
    expect(edge).toHaveLength(wins.length);
  });
  it('returns nothing without a face width', () => {
    expect(scanWindows({ ...head, faceWidthPx: 0 }, photo)).toEqual([]);
  });
});

describe('otherFaceBoxes', () => {
  it('keeps a small face beside the head and one beside the shoulders (the two bystanders of b_woman-older-indoor)', () => {
    const hits = [{ x0: 98, y0: 219, x1: 140, y1: 258 }, { x0: 385, y0: 296, x1: 412, y1: 326 }];
    expect(otherFaceBoxes(hits, head)).toEqual(hits);
  });
  it('drops the candidate’s own face found again in a window (half a face at the window’s edge)', () => {
    // b_teen-hand-on-head and c_dark-skin-backlit-cut-top gave such hits: centre 0.25 fw from the face centre
    const own = { x0: head.faceCenterXPx - 0.55 * 159, y0: 150, x1: head.faceCenterXPx + 0.05 * 159, y1: 290 };
    expect(otherFaceBoxes([own], head)).toEqual([]);
  });
  it('drops a face printed on the chest (a_cn-man-grey-suit’s tie) and a box as wide as the candidate’s face', () => {
    const tie = { x0: 210, y0: 340, x1: 236, y1: 370 };
    const wide = { x0: 0, y0: 150, x1: 0.95 * 159, y1: 300 };
    expect(otherFaceBoxes([tie, wide], head)).toEqual([]);
  });
  it('keeps one box per face when overlapping windows find it twice (the larger)', () => {
    const a = { x0: 98, y0: 219, x1: 140, y1: 258 }, b = { x0: 100, y0: 221, x1: 138, y1: 256 };
    expect(otherFaceBoxes([b, a], head)).toEqual([a]);
  });
});

describe('the dropped zone', () => {
  const face = { x0: 98, y0: 219, x1: 140, y1: 258 };
  it('covers the face, its hair and neck, but never the candidate’s ear side of the head', () => {
    expect(inExclusionZone(face, head, 110, 240)).toBe(true); // the bystander's cheek
    expect(inExclusionZone(face, head, 90, 200)).toBe(true); // her hair
    expect(inExclusionZone(face, head, 110, 270)).toBe(true); // her chin and neck
    const ear = head.faceCenterXPx - 0.6 * head.faceWidthPx; // the candidate's ear
    expect(inExclusionZone(face, head, ear, 240)).toBe(false);
    expect(inExclusionZone(face, head, 110, 300)).toBe(false); // far below: the candidate's shoulder
    expect(inExclusionZone(face, head, 300, 240)).toBe(false);
  });
  it('personPrior drops a bystander joined to the candidate in the mask', () => {
    // a mask (image px) of the candidate — head disc and shoulders — with a second head touching it beside the ear
    const w = 448, h = 448;
    const mask = new Float32Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const cand = ((x - 219) / 100) ** 2 + ((y - 190) / 130) ** 2 <= 1 || (y > 290 && Math.abs(x - 219) < 200);
        const other = ((x - 115) / 30) ** 2 + ((y - 238) / 32) ** 2 <= 1;
        mask[y * w + x] = cand || other ? 1 : 0;
      }
    const without = personPrior(mask, w, h, head, 2, null, []);
    const withOther = personPrior(mask, w, h, head, 2, null, [face]);
    const at = (m: Float32Array, x: number, y: number) => m[y * w + x];
    expect(at(without, 100, 238)).toBe(1); // kept when nobody told the prior
    expect(at(withOther, 100, 238)).toBe(0); // the bystander's cheek
    expect(at(withOther, 219, 190)).toBe(1); // the candidate's face …
    expect(at(withOther, 125, 200)).toBe(1); // … the side of the head within the protected width
    expect(at(withOther, 40, 400)).toBe(1); // … and the shoulder
  });
});

describe('maskShare', () => {
  it('is the mean person probability of a box, with the mask at its own resolution', () => {
    const m = { data: new Float32Array(16 * 16), width: 16, height: 16 };
    for (let y = 0; y < 16; y++) for (let x = 0; x < 8; x++) m.data[y * 16 + x] = 1; // left half person
    expect(maskShare(m, 448, 448, { x0: 0, y0: 0, x1: 224, y1: 448 })).toBe(1);
    expect(maskShare(m, 448, 448, { x0: 224, y0: 0, x1: 448, y1: 448 })).toBe(0);
    expect(maskShare(m, 448, 448, { x0: 112, y0: 0, x1: 336, y1: 100 })).toBeCloseTo(0.5, 5);
  });
});
