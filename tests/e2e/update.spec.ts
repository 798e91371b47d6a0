/**
 * Offline updates (issue 2 item 4, issue 9): a new deployment is detected, the user is offered "新版本可用，点击更新",
 * nothing reloads under unsaved input, and the update is applied only when the user confirms.
 * The built site is served by a tiny server of our own so the test can "deploy" a new service worker.
 */
import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { OUT_DIR } from './helpers/util.ts';

const PORT = Number(process.env.E2E_UPDATE_PORT || 4193);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };
let server: Server;
let version = 1;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(OUT_DIR, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || statSync(file).isDirectory()) { res.statusCode = 404; return res.end(); }
    let body: Buffer = readFileSync(file);
    // A "new deployment": the service worker script changes by one byte-for-byte different line.
    if (path === '/sw.js' && version > 1) body = Buffer.concat([body, Buffer.from(`\n// deployment ${version}\n`)]);
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', 'no-cache');
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', () => r()));
});
test.afterAll(async () => { await new Promise((r) => server.close(r)); });

test('a new deployment is offered, never forced while there is unsaved input', async ({ page }) => {
  test.setTimeout(180_000);
  version = 1;
  await page.goto(`http://127.0.0.1:${PORT}/#/form`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  // The candidate is typing (not saved on the device).
  const ta = page.getByLabel('自我鉴定全文（可粘贴）');
  await ta.fill('我在自学考试期间认真学习。');
  // Deploy version 2 and let the browser look for it.
  version = 2;
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.locator('.update-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText('新版本可用，点击更新');
  // First click: unsaved input → the tool asks, nothing reloads, the text is still there.
  await banner.getByRole('button', { name: '新版本可用，点击更新' }).click();
  await expect(banner).toContainText('您有未保存的输入');
  await expect(ta).toHaveValue('我在自学考试期间认真学习。');
  // "稍后" keeps everything as it is.
  await banner.getByRole('button', { name: '稍后' }).click();
  await expect(banner).toBeHidden();
  await expect(ta).toHaveValue('我在自学考试期间认真学习。');
  // The next check offers it again; confirming twice applies it and reloads into the new version.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await page.reload(); // a reload alone never activates the waiting worker
  await expect(page.locator('.update-banner')).toBeVisible({ timeout: 60_000 });
  const before = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.active!.scriptURL);
  const apply = page.locator('.update-banner').getByRole('button', { name: '新版本可用，点击更新' });
  await apply.click();
  // The draft survives a reload inside the tab, so the tool may ask once more before applying.
  if ((await page.locator('.update-banner').textContent().catch(() => ''))?.includes('未保存')) await apply.click();
  await expect.poll(async () => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!reg?.active && !reg.waiting && !!navigator.serviceWorker.controller;
  }).catch(() => false), { timeout: 60_000 }).toBe(true);
  expect(before).toContain('sw.js');
  // After the update the candidate's draft is still there (kept in the tab, never uploaded).
  await expect(page.getByLabel('自我鉴定全文（可粘贴）')).toHaveValue('我在自学考试期间认真学习。', { timeout: 30_000 });
});
