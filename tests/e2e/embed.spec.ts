/**
 * Embed API (CONTRACT.md) driven from a host page on another origin (a second local port), as the official site would.
 */
import { test, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../helpers/shared.ts';

const HOST_PORT = Number(process.env.E2E_HOST_PORT || 4191);
const OTHER_PORT = HOST_PORT + 1;
let servers: Server[] = [];

function hostPage(toolUrl: string): string {
  return `<!doctype html><meta charset="utf-8"><title>host</title>
<script>
  window.msgs = [];
  addEventListener('message', (e) => window.msgs.push({ origin: e.origin, data: e.data }));
  window.send = (msg) => document.querySelector('iframe').contentWindow.postMessage(msg, ${JSON.stringify(new URL(toolUrl).origin)});
  window.toBlob = (b64, type) => new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type });
  window.waitFor = (pred, ms = 60000) => new Promise((res, rej) => {
    const t0 = Date.now();
    const tick = () => { const m = window.msgs.find(pred); if (m) return res(m); if (Date.now() - t0 > ms) return rej(new Error('timeout')); setTimeout(tick, 50); };
    tick();
  });
</script>
<iframe src="${toolUrl}" style="width:400px;height:800px"></iframe>`;
}

test.beforeAll(async ({ baseURL }) => {
  const allowed = `http://127.0.0.1:${HOST_PORT}`;
  const tool = `${baseURL}embed.html?origin=${encodeURIComponent(allowed)}`;
  for (const port of [HOST_PORT, OTHER_PORT]) {
    const s = createServer((_req, res) => { res.setHeader('content-type', 'text/html; charset=utf-8'); res.end(hostPage(tool)); });
    await new Promise<void>((r) => s.listen(port, '127.0.0.1', () => r()));
    servers.push(s);
  }
});
test.afterAll(async () => { await Promise.all(servers.map((s) => new Promise((r) => s.close(r)))); servers = []; });

const b64 = (file: string) => readFileSync(join(PHOTOS_DIR, file)).toString('base64');

async function openHost(page: Page, port = HOST_PORT) {
  await page.goto(`http://127.0.0.1:${port}/`);
}

test('ready, analyze → report, replies only to the allowed host origin', async ({ page, baseURL }) => {
  await openHost(page);
  const ready = await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:ready'));
  expect(ready.origin).toBe(new URL(baseURL!).origin);
  await page.evaluate(({ b }) => (window as any).send({ type: 'zk-precheck:analyze', id: 'a1', file: (window as any).toBlob(b, 'image/jpeg'), name: 'a.jpg' }), { b: b64('a_cn-man-blue-idphoto.jpg') });
  const rep = await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:report' && m.data.id === 'a1', 120000));
  expect(rep.data.report.schema).toBe(1);
  expect(rep.data.report.faces).toBe(1);
  expect(rep.data.report.file.mime).toBe('image/jpeg');
  expect(rep.data.report.findings.some((f: any) => f.rule === 'P-FMT-SIZE' && f.status === 'fail')).toBe(true);
});

test('a host on a non-allowed origin gets no ready and no reply', async ({ page }) => {
  await openHost(page, OTHER_PORT);
  await page.evaluate(({ b }) => (window as any).send({ type: 'zk-precheck:analyze', id: 'x', file: (window as any).toBlob(b, 'image/jpeg') }), { b: b64('a_cn-man-blue-idphoto.jpg') });
  await page.waitForTimeout(4000);
  const msgs = await page.evaluate(() => (window as any).msgs.map((m: any) => m.data?.type));
  expect(msgs).toEqual([]);
});

test('fix → fixed with a 480×640 JPEG Blob and its report; no face → null photo with a reason', async ({ page }) => {
  test.setTimeout(240_000);
  await openHost(page);
  await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:ready'));
  await page.evaluate(({ b }) => (window as any).send({ type: 'zk-precheck:fix', id: 'f1', file: (window as any).toBlob(b, 'image/jpeg'), name: 'm.jpg', background: 'blue' }), { b: b64('a_cn-man-grey-suit.jpg') });
  const fixed = await page.evaluate(async () => {
    const m = await (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:fixed' && m.data.id === 'f1', 180000);
    const p: Blob | null = m.data.photo;
    const bmp = p ? await createImageBitmap(p) : null;
    return { type: p?.type, size: p?.size, w: bmp?.width, h: bmp?.height, before: m.data.before.verdict, after: m.data.after?.verdict, afterBytes: m.data.after?.file.bytes, reason: m.data.reason };
  });
  expect(fixed.type).toBe('image/jpeg');
  expect([fixed.w, fixed.h]).toEqual([480, 640]);
  expect(fixed.size).toBe(fixed.afterBytes);
  expect(fixed.after).not.toBe('fail');

  await page.evaluate(({ b }) => (window as any).send({ type: 'zk-precheck:fix', id: 'f2', file: (window as any).toBlob(b, 'image/jpeg'), name: 'dog.jpg' }), { b: b64('d_dog-bicycle.jpg') });
  const none = await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:fixed' && m.data.id === 'f2', 120000));
  expect(none.data.photo).toBeNull();
  expect(none.data.after).toBeNull();
  expect(typeof none.data.reason).toBe('string');
  expect(none.data.before.faces).toBe(0);
});

test('bad requests get zk-precheck:error', async ({ page }) => {
  await openHost(page);
  await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:ready'));
  await page.evaluate(() => (window as any).send({ type: 'zk-precheck:analyze', id: 'e1', file: 'not a blob' }));
  const err = await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:error' && m.data.id === 'e1'));
  expect(err.data.code).toBe('bad-request');
  expect(err.data.message).toMatch(/Blob/);
});

test('使用此照片 in the embedded UI sends zk-precheck:photo to the host', async ({ page }) => {
  test.setTimeout(240_000);
  await openHost(page);
  await page.evaluate(() => (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:ready'));
  const frame = page.frameLocator('iframe');
  await frame.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, 'a_cn-man-grey-suit.jpg'));
  await expect(frame.locator('[data-verdict]').first()).toBeVisible({ timeout: 120_000 });
  await frame.getByRole('button', { name: '自动修正' }).click();
  await frame.getByRole('button', { name: '使用此照片' }).click({ timeout: 180_000 });
  const msg = await page.evaluate(async () => {
    const m = await (window as any).waitFor((m: any) => m.data?.type === 'zk-precheck:photo', 30000);
    return { type: m.data.photo.type, size: m.data.photo.size, bytes: m.data.report.file.bytes, w: m.data.report.file.width };
  });
  expect(msg.type).toBe('image/jpeg');
  expect(msg.size).toBe(msg.bytes);
  expect(msg.w).toBe(480);
});
