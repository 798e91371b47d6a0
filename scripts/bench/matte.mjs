// Matting benchmark with an exact truth (issue 14; see scripts/lib/matte-truth.mjs for how the truth is made).
// Composites of known foregrounds on busy and plain-but-wrong plates are segmented by the REAL selfie segmenter in the
// built app (Chromium, `__zkDebug.segmentPerson`, the same call the fixer makes); framing, compose, matte and
// background replacement then run in Node on the pure sources (transpiled on the fly) exactly as the worker runs them,
// with the geometry of the recorded landmarks. Scores against the truth in the 480×640 output.
// Also: a contact sheet (input | result, background light blue, through the built app's fixer) of every shared
// single-face photo, written to tests/artifacts/matte/ (git-ignored).
// Env: MATTE_GROUP=name (group label of the rows, e.g. matte-before), MATTE_RECORD=1 (write the segmenter masks to
// tests/fixtures/matte-masks/ for the unit tests), MATTE_SHEET=0 (skip the contact sheet).
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpilePure } from '../lib/pure-sources.mjs';
import { FOREGROUNDS, PLATES, TARGET_BLUE, buildComposite, scoreResult, fieldToRgba, maskToPng, pngToMask, shrinkMask, decodeFile } from '../lib/matte-truth.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const mean = (a) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);

/** Transpile src/features/photo, src/lib/{image,jpeg} into a temp folder and import what the fixer needs. */
export async function loadSourcesForEval(root) { return loadSources(root); }
async function loadSources(root) {
  const { out, imp } = await transpilePure(root, 'matte-bench-');
  return {
    out,
    pipeline: await imp('src/features/photo/encode-pipeline.js'),
    compose: await imp('src/features/photo/compose.js'),
    matte: await imp('src/features/photo/matte.js'),
    crop: await imp('src/features/photo/crop.js'),
    color: await imp('src/features/photo/color.js'),
  };
}

export async function libs(root) {
  const { createRequire } = await import('node:module');
  const req = createRequire(join(root, 'package.json'));
  return { jpeg: req('jpeg-js'), PNG: req('pngjs').PNG };
}

/** Fix one composite in Node the way the worker does (framing from the geometry; background light blue). */
/** The framing the worker would choose for a composite (with the side shift of photo-pipeline.ts when a shoulder is cut). */
export function framingOf(src, comp, mask) {
  let framing = src.crop.solveFraming({ srcWidth: comp.image.width, srcHeight: comp.image.height, ...comp.geom });
  if (!framing.ok) return framing;
  const continuePersonFromY = framing.out.eyeYPx + 0.8 * framing.out.faceWidthPx;
  const cut = src.compose.padAcrossPerson(mask, comp.image.width, comp.image.height, framing.rect, continuePersonFromY);
  if (cut.left > src.compose.CONTINUE_MAX_PX || cut.right > src.compose.CONTINUE_MAX_PX) {
    const moved = src.crop.solveFraming({ srcWidth: comp.image.width, srcHeight: comp.image.height, ...comp.geom, avoidSidePad: true });
    if (moved.ok) framing = moved;
  }
  return framing;
}

/** The crop the worker segments again for the matte (null when the whole-photo mask is used), as photo-pipeline.ts. */
export function cropAreaOf(src, comp, framing) {
  const area = src.compose.segmentationArea(framing.rect, comp.image.width, comp.image.height);
  return area.width * area.height < src.compose.CROP_SEGMENT_MAX_SHARE * comp.image.width * comp.image.height ? area : null;
}

/**
 * The segmenter's second views, as photo-pipeline.ts takes them: with a crop, the same crop seen from farther
 * (`wide`, averaged with it); without, a closer view of the head (`head`, confirming the person's core).
 */
export function viewAreasOf(src, comp, framing, crop) {
  const W = comp.image.width, H = comp.image.height;
  if (crop) return { wide: src.compose.scaleArea(crop, src.compose.WIDE_VIEW, W, H), head: null };
  return { wide: null, head: src.compose.scaleArea(src.compose.segmentationArea(framing.rect, W, H), src.compose.HEAD_VIEW, W, H) };
}

/** The crop's pixels as a PNG (lossless, like the worker's createImageBitmap crop). */
export function cropPng(L, img, a) {
  const png = new L.PNG({ width: a.width, height: a.height });
  for (let y = 0; y < a.height; y++) png.data.set(img.data.subarray(((a.y + y) * img.width + a.x) * 4, ((a.y + y) * img.width + a.x + a.width) * 4), y * a.width * 4);
  return new Uint8Array(L.PNG.sync.write(png));
}

/**
 * Fix one composite in Node the way the worker does (framing from the geometry; background light blue). `cropMask`
 * is the segmenter's mask of `cropAreaOf` (the worker's second segmentation; the whole-photo mask then confirms the
 * person's core), else the whole-photo mask makes the matte.
 */
export function fixComposite(src, comp, mask, cropMask = null, views = {}) {
  const framing = framingOf(src, comp, mask);
  if (!framing.ok) return { framing, error: framing.code };
  const continuePersonFromY = framing.out.eyeYPx + 0.8 * framing.out.faceWidthPx;
  const t = performance.now();
  const W = comp.image.width, H = comp.image.height;
  const personMask = cropMask ? (views.wide ? src.compose.averageMasks(cropMask, views.wide, W, H) : cropMask) : mask;
  const confirmMask = cropMask ? mask : views.head ?? null;
  const r = src.pipeline.renderPhoto(comp.image, framing.rect, { personMask, confirmMask, background: TARGET_BLUE, continuePersonFromY, face: framing.out });
  return { framing, r, ms: performance.now() - t };
}

/**
 * Fix a composite from the masks recorded in `dir` (tests/fixtures/matte-masks, `MATTE_RECORD=1`) instead of the live
 * segmenter, as the unit tests and scripts/matte-replay.mjs do; `views: false` leaves out the second views.
 * Returns the fix (`fixComposite`) and its scores against the truth.
 */
export function replayComposite(src, L, comp, dir, { views = true } = {}) {
  const load = (name) => pngToMask(L, readFileSync(join(dir, `${comp.id}.${name}png`)));
  const mask = load('');
  const framing = framingOf(src, comp, mask);
  const area = framing.ok ? cropAreaOf(src, comp, framing) : null;
  const cropMask = area ? { ...load('crop.'), area } : null;
  const va = framing.ok ? viewAreasOf(src, comp, framing, area) : { wide: null, head: null };
  const view = (k) => {
    if (!va[k] || !views) return null;
    if (!existsSync(join(dir, `${comp.id}.${k}.png`))) throw new Error(`${comp.id}.${k}.png not recorded (MATTE_RECORD=1 npm run bench -- matte)`);
    return { ...load(`${k}.`), area: va[k] };
  };
  const fx = fixComposite(src, comp, mask, cropMask, { wide: view('wide'), head: view('head') });
  if (!fx.r) return { fx, scores: null };
  const tr = truthInOutput(src, comp, fx.framing.rect);
  return { fx, tr, scores: scoreResult(src.color, fx.r.image, tr.image, fx.r.alpha, tr.alpha, tr.coverage) };
}

/** The truth (colour on the target, α) through the same crop/resample as the result. */
export function truthInOutput(src, comp, rect) {
  const t = src.compose.composeCrop(comp.truth, rect, { fill: 'continue' });
  const a = src.compose.composeCrop(fieldToRgba(comp.alpha, comp.image.width, comp.image.height), rect, { fill: 'continue' });
  const alpha = new Float32Array(a.image.width * a.image.height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = a.image.data[i * 4] / 255;
  return { image: t.image, alpha, coverage: t.coverage };
}

async function segmentAll(page, comps) {
  const masks = [];
  for (const c of comps) {
    if (!c) { masks.push(null); continue; }
    const b64 = Buffer.from(c.bytes).toString('base64');
    const m = await page.evaluate(async ([b64, mime]) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: mime });
      const r = await globalThis.__zkDebug.segmentPerson(blob);
      const q = new Uint8Array(r.data.length);
      for (let i = 0; i < q.length; i++) q[i] = Math.round(Math.max(0, Math.min(1, r.data[i])) * 255);
      let s = '';
      for (let i = 0; i < q.length; i += 8192) s += String.fromCharCode(...q.subarray(i, i + 8192));
      return { b64: btoa(s), width: r.width, height: r.height };
    }, [b64, c.mime ?? 'image/jpeg']);
    const q = Buffer.from(m.b64, 'base64');
    const data = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) data[i] = q[i] / 255;
    masks.push({ data, width: m.width, height: m.height });
  }
  return masks;
}

/** Paste `img` (RGBA) letterboxed into a tw×th tile of `sheet` at (ox, oy), area-averaged. */
function paste(sheet, SW, img, ox, oy, tw, th) {
  const s = Math.min(tw / img.width, th / img.height);
  const w = Math.max(1, Math.round(img.width * s)), h = Math.max(1, Math.round(img.height * s));
  const x0 = ox + ((tw - w) >> 1), y0 = oy + ((th - h) >> 1);
  for (let y = 0; y < h; y++) {
    const sy0 = Math.floor(y / s), sy1 = Math.max(sy0 + 1, Math.min(img.height, Math.floor((y + 1) / s)));
    for (let x = 0; x < w; x++) {
      const sx0 = Math.floor(x / s), sx1 = Math.max(sx0 + 1, Math.min(img.width, Math.floor((x + 1) / s)));
      let r = 0, g = 0, b = 0, k = 0;
      for (let yy = sy0; yy < sy1; yy++)
        for (let xx = sx0; xx < sx1; xx++) {
          const i = (yy * img.width + xx) * 4;
          r += img.data[i];
          g += img.data[i + 1];
          b += img.data[i + 2];
          k++;
        }
      const o = ((y0 + y) * SW + x0 + x) * 4;
      sheet[o] = r / k;
      sheet[o + 1] = g / k;
      sheet[o + 2] = b / k;
    }
  }
}

async function contactSheet(page, shared, root, L) {
  const rows = readFileSync(join(shared, 'testdata', 'photos', 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const files = rows.filter((c) => c[8] === '1').map((c) => c[0]);
  const dir = join(root, 'tests', 'artifacts', 'matte');
  mkdirSync(dir, { recursive: true });
  const per = 4, TW = 480, TH = 640, GAP = 8;
  const log = [];
  const ms = [];
  const rollDelta = []; // |eye-line angle of the fixed photo − of the input|: scaling and cropping keep it, so this is measuring noise
  for (let s = 0; s * per < files.length; s++) {
    const part = files.slice(s * per, s * per + per);
    const SW = 2 * (2 * TW + GAP) + GAP, SH = 2 * TH + GAP;
    const sheet = new Uint8Array(SW * SH * 4).fill(40);
    for (let i = 3; i < sheet.length; i += 4) sheet[i] = 255;
    for (let k = 0; k < part.length; k++) {
      const f = part[k];
      const bytes = readFileSync(join(shared, 'testdata', 'photos', f));
      const r = await page.evaluate(async (b64) => {
        const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))]);
        const t = performance.now();
        const out = await globalThis.__zkDebug.fixPhoto(blob, 'blue');
        const ms = performance.now() - t;
        let photo = null;
        if (out.photo) {
          const u = new Uint8Array(await out.photo.arrayBuffer());
          let s = '';
          for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.subarray(i, i + 8192));
          photo = btoa(s);
        }
        const roll = (rep) => rep?.measure?.rollDeg ?? null;
        return { photo, ms, rollBefore: roll(out.before), rollAfter: roll(out.after), reason: out.reasonCode ?? out.reason ?? null, fails: out.after ? out.after.findings.filter((x) => x.status === 'fail').map((x) => x.rule) : [] };
      }, bytes.toString('base64'));
      ms.push(r.ms);
      if (r.photo && r.rollBefore !== null && r.rollAfter !== null) rollDelta.push(Math.abs(r.rollAfter - r.rollBefore));
      const ox = (k % 2) * (2 * TW + GAP) + GAP / 2, oy = Math.floor(k / 2) * (TH + GAP);
      paste(sheet, SW, decodeFile(L, join(shared, 'testdata', 'photos', f)), ox, oy, TW, TH);
      if (r.photo) {
        const d = L.jpeg.decode(Buffer.from(r.photo, 'base64'), { useTArray: true, formatAsRGBA: true });
        paste(sheet, SW, { data: d.data, width: d.width, height: d.height }, ox + TW, oy, TW, TH);
        writeFileSync(join(dir, f.replace(/\.[^.]+$/, '') + '_fixed.jpg'), Buffer.from(r.photo, 'base64'));
      }
      log.push(`${s + 1}.${k + 1}\t${f}\t${r.photo ? `fixed (eye line ${r.rollBefore}° → ${r.rollAfter}°)` : "refused: " + r.reason}${r.fails.length ? '\tafter fails ' + r.fails.join(',') : ''}\t${r.ms.toFixed(0)} ms`);
    }
    writeFileSync(join(dir, `contact-sheet-${String(s + 1).padStart(2, '0')}.jpg`), L.jpeg.encode({ data: sheet, width: SW, height: SH }, 88).data);
  }
  writeFileSync(join(dir, 'contact-sheet.txt'), log.join('\n') + '\n');
  return { n: files.length, ms, rollDelta, fixed: log.filter((l) => l.includes('\tfixed')).length };
}

export async function run({ page, baseURL, shared, root }) {
  root = root ?? resolve(here, '..', '..');
  const group = process.env.MATTE_GROUP;
  const L = await libs(root);
  const src = await loadSources(root);
  try {
    L.pullPush = src.matte.pullPush;
    const comps = [];
    for (const fg of FOREGROUNDS) for (const plate of PLATES) comps.push(buildComposite(L, shared, fg, plate));
    await page.goto(`${baseURL}?debug=1`);
    await page.waitForFunction(() => globalThis.__zkDebug);
    await page.evaluate(() => globalThis.__zkDebug.warmup());
    const masks = await segmentAll(page, comps);
    // the worker's second segmentation: the framing's crop, when it is clearly smaller than the photo
    const framings = comps.map((c, i) => framingOf(src, c, masks[i]));
    const areas = comps.map((c, i) => (framings[i].ok ? cropAreaOf(src, c, framings[i]) : null));
    const cropped = await segmentAll(page, comps.map((c, i) => (areas[i] ? { bytes: cropPng(L, c.image, areas[i]), mime: 'image/png' } : null)));
    const cropMasks = cropped.map((m, i) => (m && areas[i] ? { ...m, area: areas[i] } : null));
    // the second views (wide with a crop, head without)
    const vAreas = comps.map((c, i) => (framings[i].ok ? viewAreasOf(src, c, framings[i], areas[i]) : { wide: null, head: null }));
    const viewOf = async (k) => (await segmentAll(page, comps.map((c, i) => (vAreas[i][k] ? { bytes: cropPng(L, c.image, vAreas[i][k]), mime: 'image/png' } : null)))).map((m, i) => (m ? { ...m, area: vAreas[i][k] } : null));
    const wides = await viewOf('wide');
    const heads = await viewOf('head');
    if (process.env.MATTE_RECORD === '1') {
      const dir = join(root, 'tests', 'fixtures', 'matte-masks');
      mkdirSync(dir, { recursive: true });
      comps.forEach((c, i) => writeFileSync(join(dir, `${c.id}.png`), maskToPng(L, shrinkMask(masks[i]))));
      comps.forEach((c, i) => cropMasks[i] && writeFileSync(join(dir, `${c.id}.crop.png`), maskToPng(L, shrinkMask(cropMasks[i]))));
      comps.forEach((c, i) => wides[i] && writeFileSync(join(dir, `${c.id}.wide.png`), maskToPng(L, shrinkMask(wides[i]))));
      comps.forEach((c, i) => heads[i] && writeFileSync(join(dir, `${c.id}.head.png`), maskToPng(L, shrinkMask(heads[i]))));
    }
    const scores = { busy: [], plain: [] };
    const times = [];
    const detail = [];
    for (let i = 0; i < comps.length; i++) {
      const c = comps[i];
      const fx = fixComposite(src, c, masks[i], cropMasks[i], { wide: wides[i], head: heads[i] });
      if (!fx.r) {
        detail.push(`${c.id}\tframing failed ${fx.error}`);
        continue;
      }
      times.push(fx.ms);
      const tr = truthInOutput(src, c, fx.framing.rect);
      const s = scoreResult(src.color, fx.r.image, tr.image, fx.r.alpha, tr.alpha, tr.coverage);
      scores[c.plateKind].push(s);
      detail.push(`${c.id}\t${Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(3)}`).join('\t')}`);
    }
    if (process.env.MATTE_VERBOSE) console.log(detail.join('\n'));
    const rows = [];
    const label = (k) => `${k} backgrounds (${scores[k].length} composites)`;
    for (const k of ['busy', 'plain']) {
      const m = (f) => mean(scores[k].map((s) => s[f]));
      rows.push({ name: `${label(k)}: α error in the ${10} px edge band (mean)`, value: m('bandAlpha'), unit: '', target: '≤ 0.05' });
      rows.push({ name: `${label(k)}: CIEDE2000 in the edge band (mean)`, value: m('bandDE'), unit: 'ΔE00', target: '≤ 3.5' });
      rows.push({ name: `${label(k)}: leftover old background (mean)`, value: m('leftover'), unit: '% of bg px', target: '≤ 0.2' });
      rows.push({ name: `${label(k)}: person pixels eaten (mean)`, value: m('eaten'), unit: '% of person px', target: '≤ 0.2' });
      rows.push({ name: `${label(k)}: halo width (mean)`, value: m('halo'), unit: 'px', target: '≤ 0.6' });
      rows.push({ name: `${label(k)}: erosion width (mean)`, value: m('erosion'), unit: 'px', target: '' });
      rows.push({ name: `${label(k)}: worst composite leftover / eaten`, value: `${Math.max(...scores[k].map((s) => s.leftover)).toFixed(2)} / ${Math.max(...scores[k].map((s) => s.eaten)).toFixed(2)}`, unit: '%', target: '' });
    }
    rows.push({ name: 'compose + matte + replace + size search per composite (Node, median)', value: median(times), unit: 'ms', target: '' });
    mkdirSync(join(root, 'tests', 'artifacts'), { recursive: true });
    writeFileSync(join(root, 'tests', 'artifacts', 'matte-scores.tsv'), detail.join('\n') + '\n');
    if (process.env.MATTE_SHEET !== '0') {
      const cs = await contactSheet(page, shared, root, L);
      rows.push({ name: `contact sheet: shared single-face photos fixed (background blue)`, value: cs.fixed, unit: `of ${cs.n}`, target: '' });
      rows.push({ name: `fixed photos: eye line re-measured on the result vs the input (mean |Δ| / max; scale and crop keep it, so this is the re-check's noise at the 3° P-POSE-LEVEL limit)`, value: `${mean(cs.rollDelta).toFixed(2)} / ${Math.max(...cs.rollDelta).toFixed(2)}`, unit: '°', target: '' });
      rows.push({ name: `fix with background blue per shared single-face photo (built app, median of ${cs.n})`, value: median(cs.ms), unit: 'ms', target: '≤ 2000' });
    }
    return group ? rows.map((r) => ({ ...r, group })) : rows;
  } finally {
    rmSync(src.out, { recursive: true, force: true });
  }
}
