import { describe, expect, it } from 'vitest';
import { readManifest, readLandmarks } from '../../../helpers/shared.ts';
import { loadPhoto } from '../../../helpers/pixels.ts';
import { findHeadTop, measureFace, landmarkHeadTop } from '../../../../src/features/photo/measure.ts';

const rows = readManifest();
const withFace = rows.filter((r) => readLandmarks(r.file).landmarks);
const catA = rows.filter((r) => r.category === 'A');

describe('landmark measurements agree with the reference JSON', () => {
  it.each(withFace.map((r) => r.file))('%s: eye line, eyes, face width, centre, roll', (file) => {
    const ref = readLandmarks(file);
    const m = measureFace(ref.landmarks!);
    expect(m.eyeYPx).toBeCloseTo(ref.eyeYPx!, 1);
    expect(m.eyeLeft[0]).toBeCloseTo(ref.eyeLeft![0], 1);
    expect(m.eyeRight[1]).toBeCloseTo(ref.eyeRight![1], 1);
    expect(m.faceWidthPx).toBeCloseTo(ref.faceWidthPx!, 1);
    expect(m.faceCenterXPx).toBeCloseTo(ref.faceCenterXPx!, 1);
    expect(m.rollDeg).toBeCloseTo(ref.rollDeg!, 1);
    expect(m.headTopSource).toBe('landmarks');
  });
});

describe('head top from the pixels (category A, plain backgrounds)', () => {
  const errors: number[] = [];
  it.each(catA.map((r) => r.file))('%s within ±4 px of the reference', (file) => {
    const ref = readLandmarks(file);
    const img = loadPhoto(file);
    const top = findHeadTop(img, ref.landmarks!);
    errors.push(Math.abs(top.yPx - ref.headTopPx!));
    expect(top.source).not.toBe('landmarks');
    expect(Math.abs(top.yPx - ref.headTopPx!)).toBeLessThanOrEqual(4);
  });
  it('mean absolute error over category A', () => {
    const mae = errors.reduce((a, b) => a + b, 0) / errors.length;
    console.log(`head top vs reference, category A: n=${errors.length}, MAE ${mae.toFixed(2)} px, max ${Math.max(...errors)} px`);
    expect(mae).toBeLessThanOrEqual(2);
  });
  it('the landmark fallback lands above the forehead landmark', () => {
    for (const r of catA) {
      const ref = readLandmarks(r.file);
      expect(landmarkHeadTop(ref.landmarks!)).toBeLessThan(ref.landmarks![10][1]);
    }
  });
});

describe('hair reaching the top edge', () => {
  it('reports 0 when the hair touches the top edge', () => {
    const ref = readLandmarks('a_cn-man-blue-idphoto.jpg');
    const img = loadPhoto('a_cn-man-blue-idphoto.jpg');
    // cut the image just below the reference head top: the hair now starts in row 0
    const cut = ref.headTopPx! + 6;
    const data = img.data.slice(cut * img.width * 4);
    const lm = ref.landmarks!.map(([x, y, z]) => [x, y - cut, z] as [number, number, number]);
    const top = findHeadTop({ width: img.width, height: img.height - cut, data }, lm);
    expect(top.yPx).toBe(0);
    expect(top.source).toBe('edge');
  });
});

describe('pose and expression estimates', () => {
  it('yaw separates the turned faces from the frontal ones', () => {
    const yaw = (f: string) => Math.abs(measureFace(readLandmarks(f).landmarks!).yawDeg);
    expect(yaw('c_profile-left.jpg')).toBeGreaterThan(30);
    expect(yaw('c_turned-right.png')).toBeGreaterThan(30);
    const frontal = catA.map((r) => yaw(r.file)).sort((a, b) => a - b);
    expect(frontal[Math.floor(frontal.length / 2)]).toBeLessThan(6);
  });
  it('pitch flags the face looking up', () => {
    expect(measureFace(readLandmarks('c_looking-up-small.jpg').landmarks!).pitchDeg).toBeGreaterThan(10);
  });
  it('mouth gap: closed mouths are small, the open-mouth laugh is large', () => {
    expect(measureFace(readLandmarks('a_cn-man-blue-idphoto.jpg').landmarks!).mouthGap).toBeLessThan(0.05);
    expect(measureFace(readLandmarks('c_two-faces-tilted.jpg').landmarks!).mouthGap).toBeGreaterThan(0.2);
  });
  it('eye openness is in the open range on frontal portraits', () => {
    for (const r of catA) expect(measureFace(readLandmarks(r.file).landmarks!).eyeOpenness).toBeGreaterThan(0.13);
  });
});
