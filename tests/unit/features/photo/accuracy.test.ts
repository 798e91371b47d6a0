/**
 * A labelled accuracy set built from the shared category-A photos: for each photo, a compliant 480 × 640 version
 * (framed by the core's own solver) and versions that break exactly ONE geometry rule by 15–60 px, made by scaling
 * + cropping (+ padding with the photo's background colour) with the test resampler. Ground truth = the reference
 * landmarks / reference head top transformed by the same scale and offset. The core then judges each image from its
 * pixels and the transformed landmarks; we report per-rule agreement and the mean absolute errors.
 */
import { describe, expect, it } from 'vitest';
import { readManifest, readLandmarks } from '../../../helpers/shared.ts';
import { loadPhoto, resample } from '../../../helpers/pixels.ts';
import { solveFraming } from '../../../../src/features/photo/crop.ts';
import { buildReport } from './worded-report.ts';
import { analyzeBackground } from '../../../../src/features/photo/background.ts';
import { measureFace } from '../../../../src/features/photo/measure.ts';
import { jpegFacts } from './fixtures.ts';

type Rule = 'P-GEO-HEADTOP' | 'P-GEO-EYES' | 'P-GEO-FACEW';
const RANGES: Record<Rule, [number, number]> = { 'P-GEO-HEADTOP': [50, 110], 'P-GEO-EYES': [200, 300], 'P-GEO-FACEW': [180, 300] };
const NOW = new Date('2026-11-29T00:00:00Z');

interface Truth { ht: number; ey: number; fw: number; cx: number }
interface Variant { label: string; s: number; t: number }

/** Out values for scale s and vertical offset t (out = s·src − t). */
const outOf = (tr: Truth, s: number, t: number) => ({ ht: s * tr.ht - t, ey: s * tr.ey - t, fw: s * tr.fw });
const marginIn = (v: number, [lo, hi]: [number, number]) => Math.min(v - lo, hi - v);

/** Break `rule` by k px in direction dir, keeping the other two rules inside with the largest margin (≥ 8 px). */
function breaking(tr: Truth, rule: Rule, dir: -1 | 1, k: number): Variant | null {
  const [lo, hi] = RANGES[rule];
  const target = dir < 0 ? lo - k : hi + k;
  let best: Variant | null = null;
  let bestM = 8;
  for (let i = 0; i <= 600; i++) {
    const s = ((100 + (i / 600) * 300) / tr.fw);
    let t: number;
    if (rule === 'P-GEO-HEADTOP') t = s * tr.ht - target;
    else if (rule === 'P-GEO-EYES') t = s * tr.ey - target;
    else {
      if (Math.abs(s * tr.fw - target) > 0.5) continue;
      // centre head top and eyes as well as possible
      const A = Math.min(s * tr.ht - 50, s * tr.ey - 200);
      const B = Math.min(110 - s * tr.ht, 300 - s * tr.ey);
      t = (A - B) / 2;
    }
    const o = outOf(tr, s, t);
    const m = Math.min(
      rule === 'P-GEO-HEADTOP' ? Infinity : marginIn(o.ht, RANGES['P-GEO-HEADTOP']),
      rule === 'P-GEO-EYES' ? Infinity : marginIn(o.ey, RANGES['P-GEO-EYES']),
      rule === 'P-GEO-FACEW' ? Infinity : marginIn(o.fw, RANGES['P-GEO-FACEW']),
    );
    if (m > bestM) {
      bestM = m;
      best = { label: `${rule} ${dir < 0 ? '−' : '+'}${k}`, s, t };
    }
  }
  if (rule === 'P-GEO-FACEW' && !best) {
    // exact scale for the face width, then the best t
    const s = target / tr.fw;
    const A = Math.min(s * tr.ht - 50, s * tr.ey - 200);
    const B = Math.min(110 - s * tr.ht, 300 - s * tr.ey);
    const t = (A - B) / 2;
    const o = outOf(tr, s, t);
    if (Math.min(marginIn(o.ht, RANGES['P-GEO-HEADTOP']), marginIn(o.ey, RANGES['P-GEO-EYES'])) >= 8) best = { label: `${rule} ${dir < 0 ? '−' : '+'}${k}`, s, t };
  }
  return best;
}

const status = (v: number, [lo, hi]: [number, number]) => (Math.round(v) >= lo && Math.round(v) <= hi ? 'pass' : 'fail');

describe('labelled accuracy set (category A → 480 × 640)', () => {
  it('judges head top, eye line and face width like the ground truth', () => {
    const files = readManifest().filter((r) => r.category === 'A').map((r) => r.file);
    const agree: Record<string, [number, number]> = { 'P-GEO-HEADTOP': [0, 0], 'P-GEO-EYES': [0, 0], 'P-GEO-FACEW': [0, 0], 'P-GEO-CENTER': [0, 0] };
    const err = { ht: [] as number[], ey: [] as number[], fw: [] as number[] };
    const misses: string[] = [];
    let images = 0;
    files.forEach((file, pi) => {
      const ref = readLandmarks(file);
      const src = loadPhoto(file);
      const lm = ref.landmarks!;
      const tr: Truth = { ht: ref.headTopPx!, ey: ref.eyeYPx!, fw: ref.faceWidthPx!, cx: ref.faceCenterXPx! };
      const bg = analyzeBackground(src, measureFace(lm, src));
      const fill = (bg?.rgb ?? ref.bgRgb ?? [255, 255, 255]) as [number, number, number];
      const variants: Variant[] = [];
      const ok = solveFraming({ srcWidth: src.width, srcHeight: src.height, headTopPx: tr.ht, eyeYPx: tr.ey, faceWidthPx: tr.fw, faceCenterXPx: tr.cx });
      if (ok.ok) variants.push({ label: 'compliant', s: ok.scale, t: ok.rect.y * ok.scale });
      let vi = 0;
      for (const rule of ['P-GEO-HEADTOP', 'P-GEO-EYES', 'P-GEO-FACEW'] as Rule[]) {
        for (const dir of [-1, 1] as const) {
          const k = 15 + ((pi * 7 + vi++ * 13) % 46); // 15..60 px, spread over the set
          const v = breaking(tr, rule, dir, k);
          if (v) variants.push(v);
        }
      }
      for (const v of variants) {
        const x0 = tr.cx - 240 / v.s;
        const y0 = v.t / v.s;
        const img = resample(src, x0, y0, 480 / v.s, 640 / v.s, 480, 640, fill);
        const lmOut = lm.map(([x, y, z]) => [(x - x0) * v.s, (y - y0) * v.s, z * v.s] as [number, number, number]);
        const rep = buildReport({ facts: jpegFacts(), image: img, faces: [lmOut], now: NOW });
        images++;
        const o = outOf(tr, v.s, v.t);
        const truth: Record<string, string> = {
          'P-GEO-HEADTOP': status(o.ht, RANGES['P-GEO-HEADTOP']),
          'P-GEO-EYES': status(o.ey, RANGES['P-GEO-EYES']),
          'P-GEO-FACEW': status(o.fw, RANGES['P-GEO-FACEW']),
          'P-GEO-CENTER': 'pass',
        };
        for (const [rule, want] of Object.entries(truth)) {
          const got = rep.findings.find((f) => f.rule === rule)!.status;
          agree[rule][1]++;
          if (got === want) agree[rule][0]++;
          else misses.push(`${file} [${v.label}] ${rule}: got ${got}, truth ${want} (truth ${rule === 'P-GEO-HEADTOP' ? o.ht.toFixed(1) : rule === 'P-GEO-EYES' ? o.ey.toFixed(1) : o.fw.toFixed(1)}, measured ${rep.measure?.headTopPx})`);
        }
        const m = rep.measure!;
        err.ht.push(Math.abs(m.headTopPx - Math.max(0, o.ht)));
        err.ey.push(Math.abs(m.eyeYPx - o.ey));
        err.fw.push(Math.abs(m.faceWidthPx - o.fw));
      }
    });
    const mae = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const total = Object.values(agree).reduce((a, [n, d]) => [a[0] + n, a[1] + d], [0, 0]);
    console.log(`accuracy set: ${images} images from ${files.length} photos`);
    for (const [rule, [n, d]] of Object.entries(agree)) console.log(`  ${rule}: ${n}/${d} agree (${((100 * n) / d).toFixed(1)} %)`);
    console.log(`  all geometry rules: ${total[0]}/${total[1]} (${((100 * total[0]) / total[1]).toFixed(1)} %)`);
    console.log(`  MAE head top ${mae(err.ht).toFixed(2)} px (max ${Math.max(...err.ht).toFixed(1)}), eye line ${mae(err.ey).toFixed(2)} px, face width ${mae(err.fw).toFixed(2)} px`);
    if (misses.length) console.log('  disagreements:\n   ' + misses.join('\n   '));
    expect(images).toBeGreaterThanOrEqual(40);
    expect(total[0] / total[1]).toBeGreaterThanOrEqual(0.95);
    for (const [, [n, d]] of Object.entries(agree)) expect(n / d).toBeGreaterThanOrEqual(0.9);
    expect(mae(err.ht)).toBeLessThanOrEqual(4);
    expect(mae(err.ey)).toBeLessThanOrEqual(4);
    expect(mae(err.fw)).toBeLessThanOrEqual(4);
  }, 600_000);
});
