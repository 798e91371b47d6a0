/**
 * Issue 16 (hardening, second round) on the built app in Chromium: hostile files, kiosk traces, the embed opener,
 * batch integrity. Each test failed on the code before the fix.
 * Run: E2E_PORT=4183 E2E_OUTDIR=dist-e2e-harden npx playwright test tests/e2e/hardening.spec.ts
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { extname, normalize } from 'node:path';
import { OUT_DIR } from './helpers/util.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostilePdf, jspdfBytes, bombPng } from '../unit/features/uploads/helpers.ts';
import { PHOTOS_DIR } from '../helpers/shared.ts';

/** Files handed to the page by path (CDP sets them on the input: no bytes are decoded in the page by the harness). */
function onDisk(files: { name: string; buffer: Buffer }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zk-harden-'));
  return files.map((f) => { const p = join(dir, f.name); writeFileSync(p, f.buffer); return p; });
}

function card(page: Page, name: string): Locator {
  return page.getByTestId('upload-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** Record the longest main-thread task (Long Tasks API) from the first script on. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

test('hostile PDFs (unclosed dictionaries, unclosed trailers, a digit run, a 256 MiB inflation bomb) get a clear message; the page stays usable', async ({ page }) => {
  test.setTimeout(240_000);
  await watchLongTasks(page);
  await page.goto('./#/uploads');
  await expect(page.getByRole('heading', { level: 2, name: '上传材料：检查与转换' })).toBeVisible();
  await page.evaluate(() => { (window as unknown as { __longest: number }).__longest = 0; });
  const files = [
    { name: 'unclosed.pdf', buffer: Buffer.from(hostilePdf('unclosed')) },
    { name: 'trailers.pdf', buffer: Buffer.from(hostilePdf('trailers')) },
    { name: 'digits.pdf', buffer: Buffer.from(hostilePdf('digits')) },
    { name: 'bomb.pdf', buffer: Buffer.from(hostilePdf('bomb')) },
    { name: 'good.pdf', buffer: Buffer.from(jspdfBytes(2)) },
  ];
  for (const f of files) expect(f.buffer.length).toBeLessThanOrEqual(4 * 1024 * 1024);
  await page.getByTestId('check-input').setInputFiles(onDisk(files));
  for (const name of ['unclosed.pdf', 'trailers.pdf', 'bomb.pdf']) {
    const c = card(page, name);
    await expect(c).toHaveAttribute('data-outcome', 'reject', { timeout: 60_000 });
    await expect(c).toContainText('无法读取这个 PDF 的结构');
    await expect(c).toContainText('U-FORMAT');
  }
  await expect(card(page, 'digits.pdf')).toHaveAttribute('data-outcome', 'reject', { timeout: 60_000 });
  await expect(card(page, 'digits.pdf')).toContainText('在 PDF 中找不到任何页面');
  await expect(card(page, 'good.pdf')).toHaveAttribute('data-outcome', 'keep', { timeout: 60_000 });
  // The inspection ran in the uploads worker, not in the page.
  const stall = await longest(page);
  test.info().annotations.push({ type: 'worst main-thread task during the hostile PDFs (ms)', description: String(Math.round(stall)) });
  console.log(`hostile PDFs: longest main-thread task ${Math.round(stall)} ms`);
  // English: the same finding, no Chinese.
  await page.locator('button.lang').click();
  await expect(card(page, 'unclosed.pdf')).toContainText('The structure of this PDF cannot be read');
});

test('a 20000 × 20000 PNG (tens of KB) is refused from its header as too large, in checking and in the merged PDF, without decoding', async ({ page }) => {
  await watchLongTasks(page);
  await page.goto('./#/uploads');
  await expect(page.getByRole('heading', { level: 2, name: '上传材料：检查与转换' })).toBeVisible();
  await page.evaluate(() => { (window as unknown as { __longest: number }).__longest = 0; });
  const png = { name: 'huge.png', buffer: Buffer.from(bombPng(20000, 20000)) };
  const png30 = { name: 'huge30.png', buffer: Buffer.from(bombPng(30000, 30000)) };
  await page.getByTestId('check-input').setInputFiles(onDisk([png, png30]));
  for (const [name, side] of [['huge.png', 20000], ['huge30.png', 30000]] as const) {
    const c = card(page, name);
    await expect(c).toHaveAttribute('data-outcome', 'reject', { timeout: 60_000 });
    await expect(c).toContainText(`图片尺寸过大（${side} × ${side} 像素`);
    await expect(c).not.toContainText('无法打开');
  }
  await page.getByTestId('merge-input').setInputFiles(onDisk([png]));
  await expect(page.getByText(/图片尺寸过大（20000 × 20000 像素/).last()).toBeVisible({ timeout: 60_000 });
  console.log(`20000² PNG: longest main-thread task ${Math.round(await longest(page))} ms`);
});

test('embed.html opened with window.open() by another page (not framed) answers nothing, even with ?origin= naming that page', async ({ page, baseURL }) => {
  const port = Number(process.env.E2E_HOST_PORT || 4191) + 5;
  const opener = `http://127.0.0.1:${port}`;
  const tool = `${baseURL}embed.html?origin=${encodeURIComponent(opener)}`;
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><meta charset="utf-8"><title>opener</title><script>
      window.msgs = [];
      addEventListener('message', (e) => window.msgs.push({ origin: e.origin, type: e.data && e.data.type }));
      window.openTool = () => { window.tool = window.open(${JSON.stringify(tool)}, 'zk'); };
      window.send = (msg) => window.tool.postMessage(msg, ${JSON.stringify(new URL(baseURL!).origin)});
    </script>`);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  try {
    await page.goto(`${opener}/`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => (window as any).openTool())]);
    await popup.waitForLoadState('load');
    await expect(popup.locator('input[type=file]').first()).toBeAttached({ timeout: 30_000 });
    for (let i = 0; i < 3; i++) {
      await page.evaluate((i) => (window as any).send({ type: 'zk-precheck:analyze', id: `o${i}`, file: 'not a blob' }), i);
      await page.waitForTimeout(1000);
    }
    expect(await page.evaluate(() => (window as any).msgs)).toEqual([]);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('the CSP reaches the workers: a fetch to another origin from the uploads worker is blocked (HTTP header, as public/_headers)', async ({ page, baseURL }) => {
  const port = Number(process.env.E2E_HOST_PORT || 4191) + 6;
  const server = createServer((_req, res) => { res.setHeader('access-control-allow-origin', '*'); res.end('leak'); });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  try {
    const main = await page.goto('./#/uploads');
    expect(main?.headers()['content-security-policy']).toContain("connect-src 'self' blob: data:");
    const workerSeen = page.waitForEvent('worker');
    await page.getByTestId('check-input').setInputFiles(onDisk([{ name: 'ok.pdf', buffer: Buffer.from(jspdfBytes(1)) }]));
    const worker = await workerSeen;
    await expect(card(page, 'ok.pdf')).toHaveAttribute('data-outcome', 'keep', { timeout: 60_000 });
    const got = await worker.evaluate(async (url) => {
      try { return await (await fetch(url)).text(); } catch (e) { return `blocked: ${e}`; }
    }, `http://127.0.0.1:${port}/`);
    expect(got).toMatch(/^blocked/);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('kiosk: print only — no copy, download or PDF export in the form, photo and uploads areas', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./?kiosk=1#/form');
  await expect(page.getByTestId('form-kiosk-export')).toBeVisible();
  await expect(page.getByTestId('form-copy')).toHaveCount(0);
  await expect(page.getByTestId('form-pdf')).toHaveCount(0);
  await expect(page.getByTestId('form-print')).toBeVisible();

  await page.goto('./?kiosk=1#/uploads');
  await expect(page.getByTestId('uploads-kiosk')).toBeVisible();
  // A PDF named .jpg: outside kiosk mode it is offered back renamed (a download).
  await page.getByTestId('check-input').setInputFiles(onDisk([{ name: 'cert.jpg', buffer: Buffer.from(jspdfBytes(1)) }]));
  await expect(card(page, 'cert.jpg')).toHaveAttribute('data-outcome', 'rename', { timeout: 60_000 });
  await expect(page.getByTestId('download')).toHaveCount(0);

  await page.goto('./?kiosk=1#/photo');
  await page.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, 'a_cn-man-grey-suit.jpg'));
  await expect(page.locator('[data-verdict]').first()).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: '自动修正' }).click();
  await expect(page.getByTestId('photo-print')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('photo-download')).toHaveCount(0);
  await expect(page.getByTestId('photo-kiosk-export')).toBeVisible();
  await expect(page.locator('a[download]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /PDF/ })).toHaveCount(0);
});

/** Dispatch a paste of `file` (a shared photo) on the focused element, as Ctrl+V with an image on the clipboard. */
async function pastePhoto(page: Page, file: string) {
  const b64 = readFileSync(join(PHOTOS_DIR, file)).toString('base64');
  await page.evaluate(({ b64, name }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: 'image/jpeg' }));
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { b64, name: file });
}

test('paste: ignored while another area is shown; on the photo area it asks before replacing a result', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await page.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, 'a_cn-man-grey-suit.jpg'));
  const fileLine = page.locator('.file-line');
  await expect(fileLine).toContainText('a_cn-man-grey-suit.jpg', { timeout: 120_000 });

  await page.goto('./#/form');
  await expect(page.locator('[data-area="form"]')).toBeVisible();
  await page.locator('body').click();
  await pastePhoto(page, 'a_woman-blue-bg.jpg');
  await page.goto('./#/photo');
  await page.waitForTimeout(2000);
  await expect(fileLine).toContainText('a_cn-man-grey-suit.jpg');
  await expect(page.getByTestId('paste-confirm')).toHaveCount(0);

  await pastePhoto(page, 'a_woman-blue-bg.jpg');
  const ask = page.getByTestId('paste-confirm');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('a_woman-blue-bg.jpg');
  await ask.getByRole('button', { name: '保留当前照片' }).click();
  await expect(ask).toHaveCount(0);
  await expect(fileLine).toContainText('a_cn-man-grey-suit.jpg');

  await pastePhoto(page, 'a_woman-blue-bg.jpg');
  await page.getByTestId('paste-confirm').getByRole('button', { name: '替换为粘贴的图片' }).click();
  await expect(fileLine).toContainText('a_woman-blue-bg.jpg', { timeout: 120_000 });
});

// ---- item 8: updates (a tiny server of our own "deploys" a new service worker, as update.spec.ts does) ----
const UPDATE_PORT = Number(process.env.E2E_UPDATE_PORT || 4193) + 4;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.task': 'application/octet-stream' };
let deployment = 1;
function deployServer() {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(OUT_DIR, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || statSync(file).isDirectory()) { res.statusCode = 404; return res.end(); }
    let body: Buffer = readFileSync(file);
    if (path === '/sw.js' && deployment > 1) body = Buffer.concat([body, Buffer.from(`\n// deployment ${deployment}\n`)]);
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', 'no-cache');
    res.end(body);
  });
}
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

test('update: a checked photo is unsaved input (asked first); other open tabs are told to reload after the update', async ({ browser }) => {
  test.setTimeout(240_000);
  const server = deployServer();
  await new Promise<void>((r) => server.listen(UPDATE_PORT, '127.0.0.1', () => r()));
  const context = await browser.newContext();
  try {
    deployment = 1;
    const base = `http://127.0.0.1:${UPDATE_PORT}/`;
    const a = await context.newPage();
    await a.goto(`${base}#/photo`);
    await controlled(a);
    const b = await context.newPage();
    await b.goto(`${base}#/eligibility`);
    await controlled(b);
    await b.evaluate(() => { (window as unknown as { __oldPage: boolean }).__oldPage = true; });

    await a.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, 'a_cn-man-grey-suit.jpg'));
    await expect(a.locator('.file-line')).toContainText('a_cn-man-grey-suit.jpg', { timeout: 120_000 });
    deployment = 2;
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = a.locator('.update-banner');
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await banner.getByRole('button', { name: '新版本可用，点击更新' }).click();
    // The photo and its report are unsaved: the tool asks; nothing reloads, the result is still shown.
    await expect(banner).toContainText('您有未保存的输入');
    await expect(a.locator('.file-line')).toContainText('a_cn-man-grey-suit.jpg');
    // Confirmed: tab A reloads into the new version, and tab B (nothing unsaved) reloads too.
    await banner.getByRole('button', { name: '新版本可用，点击更新' }).click();
    await expect.poll(() => b.evaluate(() => (window as unknown as { __oldPage?: boolean }).__oldPage ?? false).catch(() => true), { timeout: 60_000 }).toBe(false);
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
  }
});
