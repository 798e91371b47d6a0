/**
 * Issue 8 acceptance (uploads): real files through the built app in Chromium — a 12 MP PNG scan becomes a JPG
 * ≤ 4,000,000 bytes with ≥ 1600 px on the long side; a HEIC converts; five page photos become one PDF whose page
 * count and order are checked by parsing it back with pdf.js; four bad files get a clear zh-CN message; axe; and
 * screenshots at 390×844 and 1366×768. Every request must stay on our own origin.
 * Run: E2E_PORT=4183 E2E_OUTDIR=/tmp/dist-uploads npx playwright test tests/e2e/uploads.spec.ts
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sniff, jpegHeader, inspectPdf, MAX_BYTES, MIN_LONG_SIDE_PX } from '../../src/features/uploads/index.ts';
import { recordRequests, isOwnOrigin } from './helpers/util.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'uploads');
const SHOTS = 'test-results';

/** Run `body` (a function source taking `args`) in the page; it returns a Blob, which comes back as bytes. */
async function blobFromPage(page: Page, body: string, args: unknown): Promise<Buffer> {
  const b64 = await page.evaluate(async ({ body, args }) => {
    // eslint-disable-next-line no-new-func
    const blob: Blob = await new Function('args', `return (${body})(args)`)(args);
    return await new Promise<string>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result).split(',')[1]);
      r.onerror = () => reject(r.error);
      r.readAsDataURL(blob);
    });
  }, { body, args });
  return Buffer.from(b64, 'base64');
}

/** A certificate-like 4000×3000 page: paper with scanner noise, frame, title, lines of text, a red seal. PNG. */
const SCAN_PNG = `async ({ w, h }) => {
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(w, h);
  let x = 2463534242;
  for (let i = 0; i < img.data.length; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const n = (x & 15) - 8;
    img.data[i] = 246 + n; img.data[i + 1] = 243 + n; img.data[i + 2] = 232 + n; img.data[i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  ctx.strokeStyle = '#8a6d3b'; ctx.lineWidth = 24; ctx.strokeRect(120, 120, w - 240, h - 240);
  ctx.fillStyle = '#111';
  ctx.font = 'bold 150px sans-serif'; ctx.textAlign = 'center';
  ctx.fillText('CERTIFICATE', w / 2, 480);
  ctx.font = '64px serif'; ctx.textAlign = 'left';
  for (let line = 0; line < 16; line++) {
    ctx.fillText('College English Test Band 4  No. 2024' + String(line).padStart(4, '0') + '  Score 5' + line + '  Name ZHANG San', 360, 800 + line * 110);
  }
  ctx.beginPath(); ctx.arc(w - 800, h - 700, 300, 0, Math.PI * 2); ctx.strokeStyle = '#c0262d'; ctx.lineWidth = 30; ctx.stroke();
  return c.convertToBlob({ type: 'image/png' });
}`;

/** A phone photo of one page: coloured paper with noise, page number huge in the middle. JPEG. */
const PAGE_JPEG = `async ({ w, h, rgb, n }) => {
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(w, h);
  let x = 88675123 + n * 7919;
  for (let i = 0; i < img.data.length; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const d = (x & 63) - 32;
    img.data[i] = rgb[0] + d; img.data[i + 1] = rgb[1] + d; img.data[i + 2] = rgb[2] + d; img.data[i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  ctx.fillStyle = '#fff'; ctx.font = 'bold ' + Math.round(h * 0.3) + 'px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
  ctx.fillText(String(n), w / 2, h / 2);
  return c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
}`;

const PAGES: { n: number; w: number; h: number; rgb: [number, number, number] }[] = [
  { n: 1, w: 3000, h: 2000, rgb: [210, 70, 70] },
  { n: 2, w: 3000, h: 2250, rgb: [70, 190, 70] },
  { n: 3, w: 2250, h: 3000, rgb: [70, 70, 210] },
  { n: 4, w: 3000, h: 2400, rgb: [210, 190, 60] },
  { n: 5, w: 2400, h: 3000, rgb: [190, 70, 190] },
];

async function openUploads(page: Page): Promise<string[]> {
  const urls = recordRequests(page);
  await page.goto('./#/uploads');
  await expect(page.getByRole('heading', { level: 2, name: '上传材料：检查与转换' })).toBeVisible();
  return urls;
}

function card(page: Page, name: string): Locator {
  return page.getByTestId('upload-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

function expectOwnOrigin(urls: string[], baseURL: string | undefined) {
  const foreign = urls.filter((u) => !isOwnOrigin(u, baseURL!));
  expect(foreign, foreign.join('\n')).toEqual([]);
}

test('a 12 MP PNG scan becomes a JPG ≤ 4,000,000 bytes, ≥ 1600 px on the long side, same aspect', async ({ page, baseURL }) => {
  // 12 MP canvas work on a shared 2-core machine: generous, never a timing assertion.
  test.setTimeout(300_000);
  const urls = await openUploads(page);
  const png = await blobFromPage(page, SCAN_PNG, { w: 4000, h: 3000 });
  expect(sniff(png)).toBe('png');
  expect(png.length, 'the test input must be over the limit').toBeGreaterThan(MAX_BYTES);

  await page.getByTestId('check-input').setInputFiles({ name: 'cet-scan.png', mimeType: 'image/png', buffer: png });
  const c = card(page, 'cet-scan.png');
  await expect(c).toHaveAttribute('data-outcome', 'jpeg', { timeout: 90_000 });
  await expect(c.getByTestId('verdict')).toHaveText('原文件不能上传');
  await expect(c).toContainText('平台只接受 JPG 或 PDF，这个文件是PNG 图片');
  await expect(c).toContainText('超过平台上限 4 MB');
  await expect(c.getByTestId('before-after')).toContainText(/处理前 \d+\.\d+ MB（[\d,]+ 字节） → 处理后 [\d.]+ [MK]B/);
  await expect(c.getByRole('img', { name: /预览/ })).toBeVisible();
  await expect(c.getByTestId('after-verdict')).toHaveText('处理后的文件符合平台要求（JPG 或 PDF，不超过 4 MB：U-FORMAT、U-BYTES），可以上传。');

  const out = await download(page, c.getByTestId('download'));
  expect(out.name).toBe('cet-scan.jpg');
  expect(sniff(out.bytes)).toBe('jpeg');
  expect(out.bytes.length).toBeLessThanOrEqual(MAX_BYTES);
  const hdr = jpegHeader(out.bytes)!;
  expect(Math.max(hdr.width, hdr.height)).toBeGreaterThanOrEqual(MIN_LONG_SIDE_PX);
  expect(hdr.width / hdr.height).toBeCloseTo(4 / 3, 2);
  expect(hdr.components).toBe(3);
  console.log(`12 MP PNG ${png.length} B → JPG ${out.bytes.length} B, ${hdr.width}×${hdr.height}`);
  expectOwnOrigin(urls, baseURL);
});

test('a HEIC photo converts to JPG; the decoder is fetched from our origin only when a HEIC arrives', async ({ page, baseURL }) => {
  // What the app itself fetches (page and its workers): the service worker's offline precache may fetch the decoder
  // at any time after install (sooner now that the photo worker warms up at load) and does not count here.
  const appUrls: string[] = [];
  page.context().on('request', (r) => { if (!r.serviceWorker()) appUrls.push(r.url()); });
  const urls = await openUploads(page);
  await page.waitForLoadState('networkidle');
  expect(appUrls.filter((u) => /libheif/.test(u)), 'no HEIC decoder before a HEIC file').toEqual([]);

  await page.getByTestId('check-input').setInputFiles(join(FIXTURES, 'sample.heic'));
  const c = card(page, 'sample.heic');
  await expect(c).toHaveAttribute('data-outcome', 'jpeg', { timeout: 60_000 });
  await expect(c).toContainText('HEIC/HEIF 照片（苹果手机格式）');
  await expect(c).toContainText('尺寸：640 × 480 像素');
  const heicUrls = appUrls.filter((u) => /libheif/.test(u));
  expect(heicUrls.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(heicUrls.some((u) => u.endsWith('.js'))).toBe(true);

  const out = await download(page, c.getByTestId('download'));
  expect(out.name).toBe('sample.jpg');
  expect(sniff(out.bytes)).toBe('jpeg');
  expect(jpegHeader(out.bytes)).toMatchObject({ width: 640, height: 480 });
  // Colours where the fixture has them (upright: red top-left, green top-right, blue bottom-left).
  const px = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const at = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
    return { tl: at(40, 40), tr: at(600, 40), bl: at(40, 440), mid: at(320, 100) };
  }, out.bytes.toString('base64'));
  const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 30);
  expect(near(px.tl, [220, 30, 30]), `top-left ${px.tl}`).toBe(true);
  expect(near(px.tr, [30, 160, 40]), `top-right ${px.tr}`).toBe(true);
  expect(near(px.bl, [30, 60, 200]), `bottom-left ${px.bl}`).toBe(true);
  expect(near(px.mid, [255, 255, 255]), `paper ${px.mid}`).toBe(true);
  expectOwnOrigin(urls, baseURL);
});

test('five page photos become one PDF ≤ 4,000,000 bytes with the right page count and order', async ({ page, baseURL }) => {
  test.setTimeout(360_000);
  const urls = await openUploads(page);
  const files = [];
  for (const p of PAGES) files.push({ name: `page${p.n}.jpg`, mimeType: 'image/jpeg', buffer: await blobFromPage(page, PAGE_JPEG, p) });
  const total = files.reduce((s, f) => s + f.buffer.length, 0);
  expect(total, 'the pages together must be over the limit').toBeGreaterThan(MAX_BYTES);
  // Added out of order (5 before 4), then fixed with the keyboard.
  await page.getByTestId('merge-input').setInputFiles([files[0], files[1], files[2], files[4], files[3]]);
  const items = page.getByTestId('page-item');
  await expect(items).toHaveCount(5);
  await expect(page.getByTestId('build-pdf')).toBeEnabled({ timeout: 60_000 });
  const order = () => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  expect(await order()).toEqual(['page1.jpg', 'page2.jpg', 'page3.jpg', 'page5.jpg', 'page4.jpg']);

  await page.getByRole('button', { name: '将第 5 页（page4.jpg）上移' }).focus();
  await page.keyboard.press('Enter');
  expect(await order()).toEqual(['page1.jpg', 'page2.jpg', 'page3.jpg', 'page4.jpg', 'page5.jpg']);
  // Focus follows the moved page; the live region says where it went.
  await expect(page.getByRole('button', { name: '将第 4 页（page4.jpg）上移' })).toBeFocused();
  await expect(page.getByText('page4.jpg 现在是第 4 页。')).toBeAttached();

  // Mouse users drag: page 1 onto page 3, then back to the top.
  await items.nth(0).dragTo(items.nth(2));
  expect(await order()).toEqual(['page2.jpg', 'page3.jpg', 'page1.jpg', 'page4.jpg', 'page5.jpg']);
  await items.nth(2).dragTo(items.nth(0));
  expect(await order()).toEqual(['page1.jpg', 'page2.jpg', 'page3.jpg', 'page4.jpg', 'page5.jpg']);

  await page.getByTestId('build-pdf').click();
  await expect(page.getByTestId('pdf-done')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('pdf-done')).toContainText('已生成 PDF：5 页');
  const out = await download(page, page.getByTestId('pdf-download'));
  expect(out.name).toBe('英语四六级证书-5页.pdf');
  expect(sniff(out.bytes)).toBe('pdf');
  expect(out.bytes.length).toBeLessThanOrEqual(MAX_BYTES);
  expect(inspectPdf(out.bytes)).toMatchObject({ pages: 5, encrypted: false, problems: [] });

  // Parse it back with pdf.js: page count, each page's aspect ratio and colour in the right order.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(out.bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  expect(doc.numPages).toBe(5);
  const palette = PAGES.map((p) => p.rgb);
  for (let i = 1; i <= 5; i++) {
    const pg = await doc.getPage(i);
    const vp = pg.getViewport({ scale: 1 });
    expect(vp.width / vp.height, `page ${i} aspect`).toBeCloseTo(PAGES[i - 1].w / PAGES[i - 1].h, 2);
    const ops = await pg.getOperatorList();
    const k = ops.fnArray.indexOf(pdfjs.OPS.paintImageXObject);
    expect(k, `page ${i} has an image`).toBeGreaterThanOrEqual(0);
    const img = await new Promise<{ width: number; height: number; data: Uint8ClampedArray }>((r) => pg.objs.get(ops.argsArray[k][0], r));
    expect(Math.max(img.width, img.height), `page ${i} long side`).toBeGreaterThanOrEqual(MIN_LONG_SIDE_PX);
    const mean = [0, 0, 0];
    const step = 3 * 97;
    let n = 0;
    for (let p = 0; p + 2 < img.data.length; p += step) { mean[0] += img.data[p]; mean[1] += img.data[p + 1]; mean[2] += img.data[p + 2]; n++; }
    const m = mean.map((v) => v / n);
    const dist = palette.map((c) => Math.hypot(c[0] - m[0], c[1] - m[1], c[2] - m[2]));
    expect(dist.indexOf(Math.min(...dist)), `page ${i} colour ${m.map(Math.round)}`).toBe(i - 1);
  }
  console.log(`5 pages ${total} B of JPEG → PDF ${out.bytes.length} B`);
  expectOwnOrigin(urls, baseURL);
});

/** APP1 Exif segment holding only Orientation (big-endian TIFF, one IFD0 entry). */
function exifOrientation(value: number): Buffer {
  const body = Buffer.from([
    0x45, 0x78, 0x69, 0x66, 0, 0, // "Exif\0\0"
    0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, // TIFF header, IFD0 at 8
    0, 1, // one entry
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0, // Orientation SHORT = value
    0, 0, 0, 0, // no next IFD
  ]);
  const len = body.length + 2;
  return Buffer.concat([Buffer.from([0xff, 0xe1, len >> 8, len & 255]), body]);
}

/** Stored landscape 4000×3000 with a red block at the stored top-left and blue at the stored bottom-left. */
const STORED_JPEG = `async () => {
  const w = 4000, h = 3000;
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(w, h);
  let x = 4242;
  for (let i = 0; i < img.data.length; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const n = (x & 31) - 16;
    img.data[i] = 235 + n; img.data[i + 1] = 235 + n; img.data[i + 2] = 225 + n; img.data[i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  ctx.fillStyle = 'rgb(220,20,20)'; ctx.fillRect(0, 0, 600, 600);
  ctx.fillStyle = 'rgb(20,40,220)'; ctx.fillRect(0, h - 600, 600, 600);
  return c.convertToBlob({ type: 'image/jpeg', quality: 0.97 });
}`;

test('a JPEG over 4 MB with EXIF orientation 6 is compressed and turned upright by EXIF only', async ({ page, baseURL }) => {
  // 12 MP canvas work on a shared 2-core machine: generous, never a timing assertion.
  test.setTimeout(300_000);
  const urls = await openUploads(page);
  const stored = await blobFromPage(page, STORED_JPEG, {});
  const withExif = Buffer.concat([stored.subarray(0, 2), exifOrientation(6), stored.subarray(2)]);
  expect(withExif.length).toBeGreaterThan(MAX_BYTES);
  expect(jpegHeader(withExif)).toMatchObject({ width: 4000, height: 3000 });

  await page.getByTestId('check-input').setInputFiles({ name: 'IMG_2041.JPG', mimeType: 'image/jpeg', buffer: withExif });
  const c = card(page, 'IMG_2041.JPG');
  await expect(c).toHaveAttribute('data-outcome', 'jpeg', { timeout: 90_000 });
  await expect(c).toContainText('尺寸：3000 × 4000 像素');
  const out = await download(page, c.getByTestId('download'));
  expect(out.name).toBe('IMG_2041.jpg');
  expect(out.bytes.length).toBeLessThanOrEqual(MAX_BYTES);
  const hdr = jpegHeader(out.bytes)!;
  expect(hdr.height).toBeGreaterThan(hdr.width); // stored upright now
  expect(Math.max(hdr.width, hdr.height)).toBeGreaterThanOrEqual(MIN_LONG_SIDE_PX);
  expect(out.bytes.includes(Buffer.from('Exif\0\0')), 'no EXIF left to rotate it twice').toBe(false);
  // Orientation 6 = rotate 90° clockwise: stored top-left (red) → top-right, stored bottom-left (blue) → top-left.
  const px = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), { imageOrientation: 'none' });
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const at = (fx: number, fy: number) => Array.from(ctx.getImageData(Math.round(bmp.width * fx), Math.round(bmp.height * fy), 1, 1).data.slice(0, 3));
    return { tr: at(0.95, 0.04), tl: at(0.05, 0.04), bl: at(0.05, 0.96) };
  }, out.bytes.toString('base64'));
  expect(px.tr[0] > 150 && px.tr[2] < 90, `top-right red ${px.tr}`).toBe(true);
  expect(px.tl[2] > 150 && px.tl[0] < 90, `top-left blue ${px.tl}`).toBe(true);
  expect(px.bl[0] > 180 && px.bl[2] > 170, `bottom-left paper ${px.bl}`).toBe(true);
  expectOwnOrigin(urls, baseURL);
});

test('offline after one visit: the lazily loaded HEIC decoder comes from the service worker cache', async ({ page, context }) => {
  await page.goto('./#/uploads');
  // First visit installs the service worker (it precaches every asset, the HEIC decoder included); the next
  // load is controlled by it.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '上传材料：检查与转换' })).toBeVisible();
    await page.getByTestId('check-input').setInputFiles(join(FIXTURES, 'sample.heic'));
    await expect(card(page, 'sample.heic')).toHaveAttribute('data-outcome', 'jpeg', { timeout: 60_000 });
  } finally {
    await context.setOffline(false);
  }
});

test('bad files each get a clear zh-CN message: renamed .pdf that is a JPEG, encrypted PDF, 0 bytes, random bytes, cut-off HEIC', async ({ page, baseURL }) => {
  const urls = await openUploads(page);
  const jpeg = await blobFromPage(page, PAGE_JPEG, { w: 2000, h: 1500, rgb: [240, 240, 240], n: 7 });
  const enc = new jsPDF({ encryption: { userPassword: 'secret', ownerPassword: 'owner', userPermissions: ['print'] } });
  enc.text('Internship appraisal', 20, 20);
  const encrypted = Buffer.from(enc.output('arraybuffer'));
  let x = 12345;
  const random = Buffer.alloc(50_000).map(() => { x = (x * 1103515245 + 12345) >>> 0; return x >>> 24; });

  await page.getByTestId('check-input').setInputFiles([
    { name: '证书照片.pdf', mimeType: 'application/pdf', buffer: jpeg },
    { name: '实习鉴定.pdf', mimeType: 'application/pdf', buffer: encrypted },
    { name: '空文件.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
    { name: '乱码.jpg', mimeType: 'image/jpeg', buffer: random },
    { name: '截断.heic', mimeType: 'image/heic', buffer: readFileSync(join(FIXTURES, 'sample.heic')).subarray(0, 700) },
  ]);

  const renamed = card(page, '证书照片.pdf');
  await expect(renamed).toHaveAttribute('data-outcome', 'rename', { timeout: 60_000 });
  await expect(renamed).toContainText('文件扩展名是 .pdf，但内容其实是JPG（JPEG）图片');
  const fixed = await download(page, renamed.getByTestId('download'));
  expect(fixed.name).toBe('证书照片.jpg');
  expect(Buffer.compare(fixed.bytes, jpeg)).toBe(0);

  const enc1 = card(page, '实习鉴定.pdf');
  await expect(enc1).toHaveAttribute('data-outcome', 'reject');
  await expect(enc1).toContainText('这个 PDF 已加密（设置了打开密码或权限限制）');
  await expect(enc1).toContainText('U-FORMAT');

  const empty = card(page, '空文件.jpg');
  await expect(empty).toHaveAttribute('data-outcome', 'reject');
  await expect(empty).toContainText('文件是空的（0 字节）');

  const rnd = card(page, '乱码.jpg');
  await expect(rnd).toHaveAttribute('data-outcome', 'reject');
  await expect(rnd).toContainText('无法识别文件内容');
  const cut = card(page, '截断.heic');
  await expect(cut).toHaveAttribute('data-outcome', 'reject', { timeout: 60_000 });
  await expect(cut).toContainText('图片无法打开（HEIC/HEIF 照片（苹果手机格式）数据已损坏或不完整）');
  for (const c of [enc1, empty, rnd, cut]) {
    await expect(c.getByTestId('verdict')).toHaveText('原文件不能上传');
    await expect(c.getByTestId('download')).toHaveCount(0);
  }
  // "清除本页全部文件" forgets everything (same path as the kiosk wipe).
  await page.getByRole('button', { name: '清除本页全部文件' }).click();
  await expect(page.getByTestId('upload-card')).toHaveCount(0);
  await expect(page.getByText('还没有选择文件。')).toBeVisible();
  expectOwnOrigin(urls, baseURL);
});

test('accessibility (axe: no serious violations) and screenshots at 390×844 and 1366×768', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  await openUploads(page);
  await page.getByTestId('check-input').setInputFiles([
    { name: 'sample.heic', mimeType: 'image/heic', buffer: readFileSync(join(FIXTURES, 'sample.heic')) },
    { name: '乱码.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('definitely not a picture, just text') },
  ]);
  await expect(card(page, 'sample.heic')).toHaveAttribute('data-outcome', 'jpeg', { timeout: 60_000 });
  const pages = [];
  for (const p of PAGES.slice(0, 3)) pages.push({ name: `page${p.n}.jpg`, mimeType: 'image/jpeg', buffer: await blobFromPage(page, PAGE_JPEG, { ...p, w: p.w / 2, h: p.h / 2 }) });
  await page.getByTestId('merge-input').setInputFiles(pages);
  await expect(page.getByTestId('build-pdf')).toBeEnabled({ timeout: 60_000 });

  const results = await new AxeBuilder({ page }).include('#main').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  for (const [w, h] of [[390, 844], [1366, 768]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SHOTS, `uploads-${w}x${h}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no horizontal scrolling at ${w} px`).toBeLessThanOrEqual(0);
  }
  // English texts are longer (the material names): still no horizontal scrolling on a 360 px phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./?lang=en#/uploads');
  await expect(page.getByRole('heading', { level: 2, name: 'Other uploads: check and convert' })).toBeVisible();
  const overflowEn = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflowEn, 'no horizontal scrolling at 360 px in English').toBeLessThanOrEqual(0);
});
