// The fixer of the built app on a busy-background photo with an exact truth (issue 14): a known foreground (the
// shared red/white pair, triangulated) composited on an event backdrop with large letters, saved as a phone-like
// JPEG; fixed in the app's photo worker with a light-blue background. The result must keep no blob of the old
// backdrop and no halo, by the matting benchmark's measures (scripts/lib/matte-truth.mjs).
import { test, expect } from '@playwright/test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { FOREGROUNDS, PLATES, buildComposite, scoreResult, fieldToRgba, CHANGED_DE } from '../../scripts/lib/matte-truth.mjs';
import { composeCrop } from '../../src/features/photo/compose.ts';
import { pullPush } from '../../src/features/photo/matte.ts';
import * as color from '../../src/features/photo/color.ts';
import { chessDistance, components } from '../../src/lib/image/regions.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SHARED_DIR } from '../helpers/shared.ts';

test('fix on a busy backdrop: no leftover blob, no halo (truth from a triangulated foreground)', async ({ page }) => {
  test.setTimeout(120_000);
  const L = { jpeg, PNG, pullPush };
  const c = buildComposite(L, SHARED_DIR, FOREGROUNDS.find((f) => f.id === 'tri-man')!, PLATES.find((p) => p.id === 'backdrop')!);
  await page.goto('./?debug=1');
  await page.waitForFunction(() => (globalThis as { __zkDebug?: unknown }).__zkDebug);
  const out = await page.evaluate(async (b64) => {
    const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/jpeg' });
    const d = (globalThis as unknown as { __zkDebug: { fixPhoto: (b: Blob, bg: string) => Promise<{ photo: Blob | null; framing?: { rect: { x: number; y: number; width: number; height: number } }; reason?: string }> } }).__zkDebug;
    const r = await d.fixPhoto(blob, 'blue');
    const u = r.photo ? new Uint8Array(await r.photo.arrayBuffer()) : null;
    let s = '';
    if (u) for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.subarray(i, i + 8192));
    return { photo: u ? btoa(s) : null, framing: r.framing ?? null, reason: r.reason ?? null };
  }, Buffer.from(c.bytes).toString('base64'));
  expect(out.reason).toBeNull();
  expect(out.photo).not.toBeNull();
  const d = jpeg.decode(Buffer.from(out.photo!, 'base64'), { useTArray: true, formatAsRGBA: true });
  expect([d.width, d.height]).toEqual([480, 640]);
  const rect = out.framing!.rect;
  const truth = composeCrop(c.truth, rect, { fill: 'continue' });
  const ta = composeCrop(fieldToRgba(c.alpha, c.image.width, c.image.height), rect, { fill: 'continue' });
  const alphaTrue = new Float32Array(480 * 640);
  for (let i = 0; i < alphaTrue.length; i++) alphaTrue[i] = ta.image.data[i * 4] / 255;
  const result = { data: d.data as Uint8Array, width: 480, height: 640 };
  const s = scoreResult(color, result, truth.image, null, alphaTrue, truth.coverage);
  // the issue-14 targets (this file is the final JPEG, with its own compression error)
  expect(s.leftover).toBeLessThanOrEqual(0.2);
  expect(s.halo).toBeLessThanOrEqual(0.6);
  expect(s.bandDE).toBeLessThanOrEqual(3.5);
  expect(s.eaten).toBeLessThanOrEqual(0.2);
  // no blob: the largest connected patch of true-background pixels more than 3 px from the person (closer is the
  // halo, measured above) that did not become the new blue
  const artefacts = join(REPO_ROOT, 'tests', 'artifacts', 'matte');
  mkdirSync(artefacts, { recursive: true });
  writeFileSync(join(artefacts, 'e2e-busy-backdrop_fixed.jpg'), Buffer.from(out.photo!, 'base64'));
  const person = new Uint8Array(480 * 640);
  for (let i = 0; i < person.length; i++) person[i] = alphaTrue[i] >= 0.5 ? 1 : 0;
  const fromPerson = chessDistance(person, 480, 640);
  const blue = color.rgbToLab(100, 197, 255);
  const bad = new Uint8Array(480 * 640);
  for (let i = 0; i < bad.length; i++) {
    if (alphaTrue[i] > 0.01 || fromPerson[i] <= 3 || truth.coverage[i] < 0.999) continue;
    const lab = color.rgbToLab(result.data[i * 4], result.data[i * 4 + 1], result.data[i * 4 + 2]);
    if (color.deltaE2000(lab, blue) > CHANGED_DE) bad[i] = 1;
  }
  const largest = Math.max(0, ...components(bad, 480, 640).sizes);
  expect(largest).toBeLessThan(40);
});

// A bystander half hidden behind the candidate's ear (b_woman-older-indoor: a woman's face, 0.26 face widths wide,
// that the photo's face detection does not report): the segmenter joins her to the candidate; the fixer finds her
// face on a window beside the head (src/features/photo/other-faces.ts) and the matte drops it.
test('fix drops a bystander’s face half hidden behind the ear, keeps the candidate’s ear', async ({ page }) => {
  test.setTimeout(120_000);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(join(SHARED_DIR, 'testdata', 'photos', 'b_woman-older-indoor.jpg'));
  await page.goto('./?debug=1');
  await page.waitForFunction(() => (globalThis as { __zkDebug?: unknown }).__zkDebug);
  const out = await page.evaluate(async (b64) => {
    const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/jpeg' });
    const d = (globalThis as unknown as { __zkDebug: { fixPhoto: (b: Blob, bg: string) => Promise<{ photo: Blob | null; changes: { key: string }[]; framing?: { rect: { x: number; y: number; width: number; height: number } }; reason?: string }> } }).__zkDebug;
    const r = await d.fixPhoto(blob, 'blue');
    const u = r.photo ? new Uint8Array(await r.photo.arrayBuffer()) : null;
    let s = '';
    if (u) for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.subarray(i, i + 8192));
    return { photo: u ? btoa(s) : null, changes: r.changes.map((c) => c.key), framing: r.framing ?? null, reason: r.reason ?? null };
  }, bytes.toString('base64'));
  expect(out.reason).toBeNull();
  expect(out.changes).toContain('photoui.change.bystander');
  const d = jpeg.decode(Buffer.from(out.photo!, 'base64'), { useTArray: true, formatAsRGBA: true });
  const artefacts = join(REPO_ROOT, 'tests', 'artifacts', 'matte');
  mkdirSync(artefacts, { recursive: true });
  writeFileSync(join(artefacts, 'e2e-bystander_fixed.jpg'), Buffer.from(out.photo!, 'base64'));
  const rect = out.framing!.rect;
  const k = 480 / rect.width;
  const blue = color.rgbToLab(100, 197, 255);
  /** Share of the output pixels over a box of the photo (hand-annotated, 448 × 448 px) that are the new blue. */
  const blueShare = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0, b = 0;
    for (let y = Math.round((y0 - rect.y) * k); y < Math.round((y1 - rect.y) * k); y++)
      for (let x = Math.round((x0 - rect.x) * k); x < Math.round((x1 - rect.x) * k); x++) {
        const i = (y * 480 + x) * 4;
        n++;
        if (color.deltaE2000(color.rgbToLab(d.data[i], d.data[i + 1], d.data[i + 2]), blue) <= CHANGED_DE) b++;
      }
    return b / n;
  };
  // the bystander's visible face, left of the candidate's ear (photo px 99–121 × 222–256): the new background
  expect(blueShare(99, 222, 119, 256)).toBeGreaterThan(0.9);
  // the candidate's ear lobe with its earring (photo px 127–135 × 262–280) stays
  expect(blueShare(127, 262, 135, 280)).toBeLessThan(0.2);
});
