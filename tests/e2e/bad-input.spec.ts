/**
 * Hostile and broken files (issue 3 "Bad input", issue 9 corpus): each gets a report or a clear zh-CN error within
 * seconds, nothing throws uncaught, no script from a file runs, and the next normal photo still works.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { PHOTOS_DIR } from '../helpers/shared.ts';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A real, valid 12000×12000 1-bit grayscale PNG (a decompression bomb: 144 MP from ~20 KB). */
function bombPng(side = 12000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0); ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(side * (1 + Math.ceil(side / 8)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A two-frame animated 1×1 GIF. */
function animatedGif(): Buffer {
  const frame = [0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00];
  return Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, ...frame, ...frame, 0x3b]);
}

const real = readFileSync(join(PHOTOS_DIR, 'a_woman-blue-bg.jpg'));
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const CORPUS: [string, Buffer][] = [
  ['empty.jpg', Buffer.alloc(0)],
  ['random.jpg', Buffer.from(Array.from({ length: 50_000 }, () => Math.floor(rand() * 256)))],
  ['truncated.jpg', real.subarray(0, Math.floor(real.length / 3))],
  ['corrupt-huffman.jpg', Buffer.from(real.map((b, i) => (i > 2000 && i % 97 === 0 ? 0xff - b : b)))],
  ['document.pdf.jpg', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')],
  ['script.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script><rect width="10" height="10"/></svg>')],
  ['page.html.jpg', Buffer.from('<!doctype html><script>window.__pwned=2</script><p>hi</p>')],
  ['bomb-12000.png', bombPng()],
  ['animated.gif', animatedGif()],
  ['../../etc/passwd\u202Egpj.exe', real],
  [`${'长'.repeat(300)}.jpg`, real],
];

test('bad input: a report or a clear error for each file, no uncaught error, next photo works', async ({ page }) => {
  test.setTimeout(300_000);
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto('./?debug=1');
  await page.waitForFunction(() => (globalThis as any).__zkDebug);
  for (const [name, bytes] of CORPUS) {
    const t0 = Date.now();
    const out = await page.evaluate(async ({ b64, name }) => {
      const blob = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name);
      try {
        const r = await (globalThis as any).__zkDebug.analyzePhoto(blob);
        return { ok: true, verdict: r.verdict, faces: r.faces, mime: r.file.mime, jpeg: r.findings.find((f: any) => f.rule === 'P-FMT-JPEG'), rules: r.findings.length };
      } catch (e) {
        return { ok: false, error: String((e as Error).message) };
      }
    }, { b64: bytes.toString('base64'), name });
    const ms = Date.now() - t0;
    expect(ms, `${name} took ${ms} ms`).toBeLessThan(20_000);
    if (out.ok) {
      expect(out.rules, name).toBe(25);
      if (!name.endsWith('passwd\u202Egpj.exe') && !name.startsWith('长')) {
        expect(out.verdict, name).toBe('fail');
        expect(out.jpeg.status, name).toBe('fail');
        expect(out.jpeg.message, name).toMatch(/[\u4e00-\u9fff]/);
      }
    } else {
      expect(out.error, name).toMatch(/[\u4e00-\u9fff]/);
    }
  }
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  // The next normal photo still works.
  const next = await page.evaluate(async (b64) => {
    const blob = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'ok.jpg');
    return (await (globalThis as any).__zkDebug.analyzePhoto(blob)).faces;
  }, real.toString('base64'));
  expect(next).toBe(1);
  expect(uncaught).toEqual([]);
});

test('bad input through the UI: a zh-CN message, the page keeps working', async ({ page }) => {
  test.setTimeout(120_000);
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto('./');
  const input = page.locator('.photo-page input[type=file]');
  await input.setInputFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(page.locator('[data-rule="P-FMT-JPEG"]').first()).toHaveAttribute('data-status', 'fail', { timeout: 60_000 });
  await expect(page.locator('[data-rule="P-FMT-JPEG"] .msg').first()).toContainText('PDF');
  await input.setInputFiles(join(PHOTOS_DIR, 'a_woman-blue-bg.jpg'));
  await expect(page.locator('[data-rule="P-FACE-ONE"]').first()).toHaveAttribute('data-status', 'pass', { timeout: 60_000 });
  expect(uncaught).toEqual([]);
});
