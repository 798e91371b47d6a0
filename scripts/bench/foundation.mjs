// Foundation figures: app JS size, start-up from cache, model ready, raw detection speed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };

/** Make a JPEG of the given size in the page from a shared photo (cover-cropped), return it as a Blob handle. */
async function makePhoto(page, shared, file, w, h) {
  const b64 = readFileSync(join(shared, 'testdata', 'photos', file)).toString('base64');
  return page.evaluateHandle(async ({ b64, w, h }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes]));
    const s = Math.max(w / bmp.width, h / bmp.height);
    const c = new OffscreenCanvas(w, h);
    const ctx = c.getContext('2d');
    ctx.drawImage(bmp, (w - bmp.width * s) / 2, (h - bmp.height * s) / 2, bmp.width * s, bmp.height * s);
    return c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  }, { b64, w, h });
}

export async function run({ page, context, baseURL, shared, outDir }) {
  const rows = [];
  // App JS the start page itself loads (gzip), from a fresh context: the scripts and module preloads in the
  // document's resource timeline. The photo worker, which the warm start begins once the page is idle and which
  // runs off the main thread, is not in that timeline (it is its own row below); nor is the service worker.
  const fresh = await context.browser().newContext();
  const p2 = await fresh.newPage();
  const workerJs = new Set();
  p2.on('response', (r) => { if (r.url().endsWith('.js') && r.request().resourceType() === 'script') workerJs.add(new URL(r.url()).pathname); });
  await p2.goto(baseURL);
  await p2.getByRole('navigation').waitFor();
  await p2.waitForLoadState('networkidle');
  const jsFiles = new Set(await p2.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => (e.initiatorType === 'script' || e.initiatorType === 'link') && new URL(e.name).pathname.endsWith('.js'))
    .map((e) => new URL(e.name).pathname)));
  const gzKB = (f) => gzipSync(readFileSync(join(outDir, f))).length / 1024;
  let gz = 0;
  for (const f of jsFiles) {
    console.log(`  start JS ${f}: ${gzKB(f).toFixed(1)} KB gzip`);
    gz += gzKB(f);
  }
  // Budget of issue 13: within +5 % of the 121 KB measured before the restructure. The other areas' pages load
  // when their tab is first opened (src/shell/lazy-pages.svelte.ts), so they are not part of this figure.
  rows.push({ name: 'app JS loaded at start (gzip)', value: gz, unit: 'KB', target: '≤ 127' });
  rows.push({ name: 'app JS files loaded at start', value: jsFiles.size, unit: 'files', target: '' });
  let warm = 0;
  for (const f of workerJs) if (!jsFiles.has(f)) warm += gzKB(f);
  rows.push({ name: 'photo worker JS fetched by the warm start until network idle (gzip, off the main thread)', value: warm, unit: 'KB', target: '' });
  // Time to interactive from cache: the service worker serves everything.
  await p2.evaluate(async () => { await navigator.serviceWorker.ready; if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })); });
  const tti = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await p2.reload();
    await p2.getByRole('navigation').waitFor();
    await p2.getByRole('link', { name: '照片' }).isEnabled();
    tti.push(Date.now() - t0);
  }
  rows.push({ name: 'time to interactive from cache (median of 5)', value: median(tti), unit: 'ms', target: '≤ 1500' });
  await fresh.close();

  // Build output sizes.
  const assets = readdirSync(join(outDir, 'assets'));
  const size = (re) => assets.filter((f) => re.test(f)).reduce((s, f) => s + statSync(join(outDir, 'assets', f)).size, 0);
  rows.push({ name: 'wasm (tasks-vision, SIMD module build)', value: size(/\.wasm$/) / 2 ** 20, unit: 'MiB', target: '' });
  rows.push({ name: 'face model (.task)', value: size(/\.task$/) / 2 ** 20, unit: 'MiB', target: '' });

  // Model + wasm init in the worker.
  await page.goto(`${baseURL}?debug=1`);
  await page.waitForFunction(() => globalThis.__zkDebug);
  const init = await page.evaluate(async () => { const t0 = performance.now(); await globalThis.__zkDebug.warmup(); return performance.now() - t0; });
  rows.push({ name: 'model + wasm init (worker start → ready)', value: init, unit: 'ms', target: '≤ 2500' });

  for (const [label, file, w, h, target] of [
    ['480×640', 'a_cn-man-grey-suit.jpg', 480, 640, '≤ 60'],
    ['12 MP (4000×3000)', 'b_man-grey-hair-event.jpg', 4000, 3000, '≤ 150'],
  ]) {
    const blob = await makePhoto(page, shared, file, w, h);
    const times = await page.evaluate(async (blob) => {
      const out = [];
      for (let i = 0; i < 8; i++) {
        const r = await globalThis.__zkDebug.detectFaces(blob);
        out.push({ ms: r.ms, faces: r.faces.length });
      }
      return out;
    }, blob);
    rows.push({ name: `detect ${label}: first`, value: times[0].ms, unit: 'ms', target: '' });
    rows.push({ name: `detect ${label}: median (faces found ${times[1].faces})`, value: median(times.slice(1).map((t) => t.ms)), unit: 'ms', target });
  }
  return rows;
}
