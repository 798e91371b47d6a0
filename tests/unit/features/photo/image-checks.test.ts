/**
 * Pixel checks on real photo content: a compliant 480 × 640 version of a shared photo, then the same picture with
 * exactly one defect added (frame, black edge, grey-scale, background gradient, blur, dark glasses), plus robustness
 * against arbitrary input (nothing may throw).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readLandmarks } from '../../../helpers/shared.ts';
import { loadPhoto, resample, type Rgba } from '../../../helpers/pixels.ts';
import { solveFraming } from '../../../../src/features/photo/crop.ts';
import { buildReport } from './worded-report.ts';
import { analyzeImage } from '../../../../src/features/photo/analyze.ts';
import { PHOTO_RULES } from '../../../../src/features/photo/photo-spec.ts';
import type { FaceLandmarks } from '../../../../src/features/photo/measure.ts';
import { jpegFacts } from './fixtures.ts';

const NOW = new Date('2026-11-29T00:00:00Z');
const FILE = 'a_cn-man-white-replaced.jpg';

function compliant(file: string): { img: Rgba; lm: [number, number, number][] } {
  const ref = readLandmarks(file);
  const src = loadPhoto(file);
  const f = solveFraming({ srcWidth: src.width, srcHeight: src.height, headTopPx: ref.headTopPx!, eyeYPx: ref.eyeYPx!, faceWidthPx: ref.faceWidthPx!, faceCenterXPx: ref.faceCenterXPx! });
  if (!f.ok) throw new Error('no framing');
  const img = resample(src, f.rect.x, f.rect.y, f.rect.width, f.rect.height, 480, 640, (ref.bgRgb ?? [255, 255, 255]) as [number, number, number]);
  const lm = ref.landmarks!.map(([x, y, z]) => [(x - f.rect.x) * f.scale, (y - f.rect.y) * f.scale, z * f.scale] as [number, number, number]);
  return { img, lm };
}
const base = compliant(FILE);
const copy = (i: Rgba): Rgba => ({ width: i.width, height: i.height, data: new Uint8ClampedArray(i.data) });
const report = (img: Rgba, lm: FaceLandmarks = base.lm) => buildReport({ facts: jpegFacts(), image: img, faces: [lm], now: NOW });
const st = (img: Rgba, rule: string, lm?: FaceLandmarks) => report(img, lm).findings.find((f) => f.rule === rule)!.status;
function paint(img: Rgba, fn: (x: number, y: number, px: [number, number, number]) => [number, number, number] | null) {
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
    const i = (y * img.width + x) * 4;
    const c = fn(x, y, [img.data[i], img.data[i + 1], img.data[i + 2]]);
    if (c) { img.data[i] = c[0]; img.data[i + 1] = c[1]; img.data[i + 2] = c[2]; }
  }
}

describe('a compliant 480 × 640 photo', () => {
  it('passes every geometry, background and image rule', () => {
    const r = report(base.img);
    const bad = r.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.rule);
    expect(bad.filter((b) => b.startsWith('P-GEO') || b.startsWith('P-BG') || b.startsWith('P-IMG'))).toEqual([]);
    expect(r.measure!.bgDeltaE!.white).toBeLessThan(3);
  });
});

describe('one added defect is found', () => {
  it('a 12-px grey frame → P-IMG-BORDER fail', () => {
    const img = copy(base.img);
    paint(img, (x, y) => (x < 12 || y < 12 || x >= 468 || y >= 628 ? [128, 128, 128] : null));
    expect(st(img, 'P-IMG-BORDER')).toBe('fail');
  });
  it('a black wedge along the left edge → P-IMG-BORDER fail', () => {
    const img = copy(base.img);
    paint(img, (x, y) => (x < 40 - y / 20 ? [0, 0, 0] : null));
    expect(st(img, 'P-IMG-BORDER')).toBe('fail');
  });
  it('the same photo in grey-scale → P-FMT-COLOR warn', () => {
    const img = copy(base.img);
    paint(img, (_x, _y, [r, g, b]) => { const l = Math.round(0.299 * r + 0.587 * g + 0.114 * b); return [l, l, l]; });
    expect(st(img, 'P-FMT-COLOR')).toBe('warn');
    expect(st(base.img, 'P-FMT-COLOR')).toBe('pass');
  });
  it('a left-to-right grey gradient on the background → P-BG-UNIFORM warn', () => {
    const img = copy(base.img);
    paint(img, (x, _y, [r, g, b]) => (r > 245 && g > 245 && b > 245 ? [255 - (x / 480) * 60, 255 - (x / 480) * 60, 255 - (x / 480) * 60] : null));
    expect(st(img, 'P-BG-UNIFORM')).toBe('warn');
  });
  it('a light blue background instead of white still passes P-BG-COLOR (as blue)', () => {
    const img = copy(base.img);
    paint(img, (_x, _y, [r, g, b]) => (r > 245 && g > 245 && b > 245 ? [100, 197, 255] : null));
    const f = report(img).findings.find((x) => x.rule === 'P-BG-COLOR')!;
    expect(f.status).toBe('pass');
    expect(f.code).toBe('photo.bg.color.blue');
  });
  it('a box blur over the face → P-IMG-SHARP warn', () => {
    const src = base.img;
    const img = copy(src);
    const R = 6;
    for (let y = 150; y < 520; y++) for (let x = 100; x < 380; x++) {
      let s0 = 0, s1 = 0, s2 = 0, n = 0;
      for (let dy = -R; dy <= R; dy += 2) for (let dx = -R; dx <= R; dx += 2) {
        const i = ((y + dy) * 480 + (x + dx)) * 4;
        s0 += src.data[i]; s1 += src.data[i + 1]; s2 += src.data[i + 2]; n++;
      }
      const o = (y * 480 + x) * 4;
      img.data[o] = s0 / n; img.data[o + 1] = s1 / n; img.data[o + 2] = s2 / n;
    }
    expect(st(src, 'P-IMG-SHARP')).toBe('pass');
    expect(st(img, 'P-IMG-SHARP')).toBe('warn');
  });
  it('dark lenses over both eyes → P-FACE-OCCLUSION warn', () => {
    const img = copy(base.img);
    const l = base.lm;
    for (const [o, i] of [[33, 133], [263, 362]]) {
      const cx = (l[o][0] + l[i][0]) / 2, cy = (l[o][1] + l[i][1]) / 2, w = Math.abs(l[o][0] - l[i][0]);
      paint(img, (x, y) => (((x - cx) / (0.9 * w)) ** 2 + ((y - cy) / (0.55 * w)) ** 2 <= 1 ? [22, 20, 24] : null));
    }
    expect(st(base.img, 'P-FACE-OCCLUSION')).toBe('info');
    expect(st(img, 'P-FACE-OCCLUSION')).toBe('warn');
  });
  it('a light-blue face mask over nose, mouth and chin → P-FACE-OCCLUSION warn', () => {
    const img = copy(base.img);
    const l = base.lm;
    const x0 = l[234][0] + 8, x1 = l[454][0] - 8, y0 = l[1][1] - 12, y1 = l[152][1] + 6; // cheek to cheek, nose to chin
    paint(img, (x, y) => (x >= x0 && x <= x1 && y >= y0 && y <= y1 ? [168, 205, 225] : null));
    expect(st(base.img, 'P-FACE-OCCLUSION')).toBe('info');
    expect(st(img, 'P-FACE-OCCLUSION')).toBe('warn');
  });
  it('a person mask, when given, is used for the background', () => {
    const mask = { width: 48, height: 64, data: new Float32Array(48 * 64) };
    // mark everything that is not near-white as person
    for (let y = 0; y < 64; y++) for (let x = 0; x < 48; x++) {
      const i = ((y * 10 + 5) * 480 + (x * 10 + 5)) * 4;
      mask.data[y * 48 + x] = base.img.data[i] > 240 && base.img.data[i + 1] > 240 && base.img.data[i + 2] > 240 ? 0 : 1;
    }
    const a = analyzeImage(base.img, [base.lm], { personMask: mask });
    expect(a.background!.deltaE.white).toBeLessThan(3);
    expect(a.background!.samples).toBeGreaterThan(100);
  });
});

describe('robustness: arbitrary input never throws and always lists every rule', () => {
  it('random images, random landmarks, random facts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: -50, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 0, max: 100_000 }),
        (w, h, nFaces, off, sc, bytes) => {
          const data = new Uint8ClampedArray(w * h * 4).map((_, i) => (i * 37 + w * 11 + h) % 256);
          const lm = base.lm.map(([x, y, z]) => [x * sc / 10 + off, y * sc / 10 + off, z] as [number, number, number]);
          const faces = Array.from({ length: nFaces }, () => lm);
          const r = buildReport({ facts: jpegFacts({ bytes, storedWidth: w, storedHeight: h }), image: { width: w, height: h, data }, faces, now: NOW });
          expect(r.findings.map((f) => f.rule)).toEqual([...PHOTO_RULES]);
          expect(['pass', 'warn', 'fail']).toContain(r.verdict);
          expect(JSON.stringify(r)).not.toMatch(/NaN|null,"message"/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
