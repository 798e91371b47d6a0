#!/usr/bin/env node
// `npm run matte-replay`: the matting benchmark's composites (scripts/lib/matte-truth.mjs) fixed in Node from the
// segmenter masks recorded by `MATTE_RECORD=1 npm run bench -- matte` (tests/fixtures/matte-masks) — the same scores
// as the bench's `matte` group without Chromium, in about half a minute: for tuning the matte (src/features/photo/
// matte.ts). Prints one row per composite and the means per kind of plate. Writes nothing to BENCHMARKS.md.
// Env: ONLY=regex (composite ids, e.g. 'woman-blue@'), IMG=1 (tests/artifacts/matte-replay/<id>.jpg: result | truth |
// α error, red = too much, green = too little), VIEWS=0 (without the segmenter's second views).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FOREGROUNDS, PLATES, buildComposite } from './lib/matte-truth.mjs';
import { libs, loadSourcesForEval, replayComposite } from './bench/matte.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.ZK_SHARED_DIR ? resolve(process.env.ZK_SHARED_DIR) : resolve(root, '..', 'shared');
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const src = await loadSourcesForEval(root);
const L = await libs(root);
L.pullPush = src.matte.pullPush;
const keys = ['bandAlpha', 'bandDE', 'leftover', 'eaten', 'halo', 'erosion'];
const byKind = { busy: [], plain: [] };
const out = join(root, 'tests', 'artifacts', 'matte-replay');
try {
  for (const fg of FOREGROUNDS) {
    for (const plate of PLATES) {
      const c = buildComposite(L, shared, fg, plate);
      if (only && !only.test(c.id)) continue;
      const { fx, tr, scores } = replayComposite(src, L, c, join(root, 'tests', 'fixtures', 'matte-masks'), { views: process.env.VIEWS !== '0' });
      if (!scores) {
        console.log(`${c.id.padEnd(28)} framing failed: ${fx.error}`);
        continue;
      }
      byKind[c.plateKind].push(scores);
      console.log(`${c.id.padEnd(28)} ${keys.map((k) => `${k} ${scores[k].toFixed(3)}`).join('  ')}  ${fx.ms.toFixed(0)} ms`);
      if (process.env.IMG === '1') {
        const { width: w, height: h } = fx.r.image;
        const data = new Uint8Array(w * 3 * h * 4);
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const i = y * w + x;
            const o = (y * w * 3 + x) * 4;
            data.set(fx.r.image.data.subarray(i * 4, i * 4 + 4), o);
            data.set(tr.image.data.subarray(i * 4, i * 4 + 4), o + w * 4);
            const e = fx.r.alpha[i] - tr.alpha[i], q = o + 2 * w * 4;
            data[q] = e > 0 ? Math.min(255, e * 512) : 0;
            data[q + 1] = e < 0 ? Math.min(255, -e * 512) : 0;
            data[q + 2] = tr.alpha[i] * 60;
            data[o + 3] = data[o + w * 4 + 3] = data[q + 3] = 255;
          }
        }
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${c.id}.jpg`), L.jpeg.encode({ data, width: w * 3, height: h }, 92).data);
      }
    }
  }
  for (const [kind, list] of Object.entries(byKind)) {
    if (list.length) console.log(`${`${kind} (${list.length})`.padEnd(28)} ${keys.map((k) => `${k} ${(list.reduce((a, s) => a + s[k], 0) / list.length).toFixed(4)}`).join('  ')}`);
  }
} finally {
  rmSync(src.out, { recursive: true, force: true });
}
