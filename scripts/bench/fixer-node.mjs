// Fixer pixel/encode figures measured in Node (same V8 as Chromium; no page needed): the pure-TS sources are
// transpiled on the fly with the project's TypeScript into a temp folder and imported.
// Run alone: node scripts/bench/fixer-node.mjs   (prints the rows)   — or via `npm run bench` (collects them).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpilePure } from '../lib/pure-sources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

async function load(root) {
  const { out, imp } = await transpilePure(root, 'fixer-bench-');
  return {
    out,
    enc: await imp('src/features/photo/encode.js'),
    compose: await imp('src/features/photo/compose.js'),
    matte: await imp('src/features/photo/matte.js'),
  };
}

function cropTo480x640(jpeg, bytes) {
  const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const s = Math.min(d.width / 480, d.height / 640);
  const x0 = (d.width - 480 * s) / 2, y0 = (d.height - 640 * s) / 4;
  const data = new Uint8Array(480 * 640 * 4);
  for (let y = 0; y < 640; y++)
    for (let x = 0; x < 480; x++) {
      const sx = Math.min(d.width - 1, Math.floor(x0 + (x + 0.5) * s)), sy = Math.min(d.height - 1, Math.floor(y0 + (y + 0.5) * s));
      data.set(d.data.subarray((sy * d.width + sx) * 4, (sy * d.width + sx) * 4 + 4), (y * 480 + x) * 4);
    }
  return { data, width: 480, height: 640, src: d };
}

export async function run({ shared, root }) {
  root = root ?? resolve(here, '..', '..');
  shared = shared ?? resolve(root, '..', 'shared');
  const jpeg = (await import('jpeg-js')).default;
  const { out, enc, compose, matte } = await load(root);
  try {
    const photos = join(shared, 'testdata', 'photos');
    const files = readdirSync(photos).filter((f) => /^[abc]_.*\.jpg$/.test(f)).sort();
    const decode = (f) => cropTo480x640(jpeg, readFileSync(join(photos, f)));
    const rows = [];
    // one encode (colour conversion + DCT + quantise + optimised Huffman), warm, before anything else is in memory
    const img = decode('a_man-grey-hivision-demo.jpg');
    for (let i = 0; i < 5; i++) enc.createJpegEncoder(img).encode({ quality: 85, optimizeHuffman: true });
    const fresh = [], again = [];
    for (let i = 0; i < 25; i++) {
      let t = performance.now();
      const e = enc.createJpegEncoder(img);
      e.encode({ quality: 85, optimizeHuffman: true });
      fresh.push(performance.now() - t);
      t = performance.now();
      e.encode({ quality: 80 + (i % 10), optimizeHuffman: true });
      again.push(performance.now() - t);
    }
    rows.push({ name: 'JPEG encode 480×640 4:2:0 (first quality)', value: median(fresh), unit: 'ms', target: '≤ 15' });
    rows.push({ name: 'JPEG re-encode at another quality (cached DCT)', value: median(again), unit: 'ms', target: '' });
    // size search on the shared photos (nearest-pixel 3:4 crop: sharper, so larger files, than a filtered resize)
    const ms = [], encodes = [], q = [];
    let inWindow = 0, big = null, perVariant = 0;
    for (const f of files) {
      const im = decode(f);
      if (!big || im.src.width * im.src.height > big.width * big.height) big = im.src;
      const t = performance.now();
      const r = enc.fitJpeg(im);
      ms.push(performance.now() - t);
      encodes.push(r.encodes);
      const per = {};
      for (const st of r.steps) per[`${st.subsampling}/${st.denoise}`] = (per[`${st.subsampling}/${st.denoise}`] ?? 0) + 1;
      perVariant = Math.max(perVariant, ...Object.values(per));
      q.push(r.quality);
      if (process.env.FIXER_BENCH_VERBOSE) console.log(f, r.ok, r.quality, r.subsampling, r.denoise, r.encodes, r.steps.map((s) => `${s.denoise}/${s.quality}:${s.bytes}`).join(' '));
      if (r.ok && r.bytes.length >= 20480 && r.bytes.length <= 40000 && r.quality >= 60) inWindow++;
    }
    const n = files.length;
    rows.push({ name: `size search per photo (median of ${n})`, value: median(ms), unit: 'ms', target: '' });
    rows.push({ name: 'encodes per quality search (max, one subsampling/denoise variant)', value: perVariant, unit: 'encodes', target: '≤ 7' });
    rows.push({ name: 'encodes per photo incl. fallbacks (max)', value: Math.max(...encodes), unit: 'encodes', target: '' });
    rows.push({ name: 'encodes per photo (mean)', value: encodes.reduce((a, b) => a + b, 0) / encodes.length, unit: 'encodes', target: '' });
    rows.push({ name: 'photos in 20,480–40,000 B at q ≥ 60', value: (100 * inWindow) / n, unit: '%', target: '≥ 100' });
    rows.push({ name: 'quality reached (median)', value: median(q), unit: 'q', target: '≥ 60' });
    // compose from the largest source, refine a matte
    const rect = { x: big.width * 0.2, y: -big.height * 0.05, width: big.width * 0.6, height: big.width * 0.8 };
    const tc = []; // median of 7 (3 varied by 1.5× between runs on this shared 2-core machine)
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      compose.composeCrop(big, rect);
      tc.push(performance.now() - t);
    }
    rows.push({ name: `compose ${big.width}×${big.height} → 480×640`, value: median(tc), unit: 'ms', target: '' });
    const mask = new Float32Array(256 * 256);
    for (let y = 0; y < 256; y++) for (let x = 0; x < 256; x++) mask[y * 256 + x] = Math.hypot(x - 128, (y - 110) * 0.8) < 70 || y > 190 ? 1 : 0;
    const tm = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      matte.refineMatte(img, mask, 256, 256);
      tm.push(performance.now() - t);
    }
    rows.push({ name: 'refineMatte 480×640 from a 256×256 mask', value: median(tm), unit: 'ms', target: '' });
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run({})) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
