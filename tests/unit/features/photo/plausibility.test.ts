import { describe, it, expect } from 'vitest';
import { drawnScore } from '../../../../src/features/photo/plausibility.ts';
import { detectionSize, toPixelLandmarks } from '../../../../src/features/photo/vision-types.ts';
import { readManifest, readLandmarks } from '../../../helpers/shared.ts';
import { loadPhoto } from './pixels.ts';

describe('drawn-face plausibility on the shared photos (recorded landmarks, real pixels)', () => {
  const rows = readManifest().filter((r) => readLandmarks(r.file).landmarks);
  it.each(rows.map((r) => [r.file, r.category] as const))('%s (category %s)', (file, category) => {
    const s = drawnScore(loadPhoto(file), readLandmarks(file).landmarks!);
    // Category D faces are drawings; every other face in the set is a photograph.
    expect(s.drawn, `${file}: flat ${s.flat.toFixed(3)} edge ${s.edge.toFixed(2)}`).toBe(category === 'D');
  });
});

describe('vision helpers', () => {
  it('never upscales and keeps the aspect ratio when reducing', () => {
    expect(detectionSize(480, 640)).toEqual({ width: 480, height: 640, scale: 1 });
    expect(detectionSize(2600, 1950).scale).toBe(1);
    const r = detectionSize(4000, 3000);
    expect(r.width).toBe(1280);
    expect(r.height).toBe(960);
  });
  it('maps normalised landmarks to pixels (z in the x scale)', () => {
    expect(toPixelLandmarks([{ x: 0.5, y: 0.25, z: -0.1 }], 400, 800)).toEqual([[200, 200, -40]]);
  });
});
