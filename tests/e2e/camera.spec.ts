/**
 * Camera capture with Chromium's fake video device fed by a .y4m made from a shared photo (plus a red marker in the
 * frame's top-left corner): the saved photo must NOT be mirrored even though the preview is.
 */
import { test, expect, chromium } from '@playwright/test';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../helpers/shared.ts';

const W = 640, H = 480;

test('camera: live hints, 3-2-1, saved frame un-mirrored, then checked', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // 1. Make the y4m in a normal page (canvas does the decoding and the RGB→YUV maths).
  const page0 = await browser.newPage();
  await page0.goto(baseURL!);
  const b64 = readFileSync(join(PHOTOS_DIR, 'a_man-lightgrey-suit.jpg')).toString('base64');
  const y4m = await page0.evaluate(async ({ b64, W, H }) => {
    const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    const c = new OffscreenCanvas(W, H);
    const ctx = c.getContext('2d')!;
    const s = Math.max(W / bmp.width, H / bmp.height) * 0.8;
    ctx.fillStyle = '#ddd';
    ctx.fillRect(0, 0, W, H);
    ctx.drawImage(bmp, (W - bmp.width * s) / 2, (H - bmp.height * s) / 2 + 40, bmp.width * s, bmp.height * s);
    ctx.fillStyle = '#ff0000';
    ctx.fillRect(0, 0, 60, 60); // marker: top-left of the real (un-mirrored) frame
    const px = ctx.getImageData(0, 0, W, H).data;
    const Y = new Uint8Array(W * H), U = new Uint8Array((W / 2) * (H / 2)), V = new Uint8Array((W / 2) * (H / 2));
    for (let i = 0; i < W * H; i++) Y[i] = Math.round(0.299 * px[i * 4] + 0.587 * px[i * 4 + 1] + 0.114 * px[i * 4 + 2]);
    for (let y = 0; y < H / 2; y++) for (let x = 0; x < W / 2; x++) {
      const i = ((y * 2) * W + x * 2) * 4;
      const r = px[i], g = px[i + 1], b = px[i + 2];
      U[y * (W / 2) + x] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
      V[y * (W / 2) + x] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
    }
    const head = new TextEncoder().encode(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
    const frameHead = new TextEncoder().encode('FRAME\n');
    const frames = 10;
    const out = new Uint8Array(head.length + frames * (frameHead.length + Y.length + U.length + V.length));
    let o = 0;
    out.set(head, o); o += head.length;
    for (let f = 0; f < frames; f++) { out.set(frameHead, o); o += frameHead.length; out.set(Y, o); o += Y.length; out.set(U, o); o += U.length; out.set(V, o); o += V.length; }
    let s2 = '';
    for (let i = 0; i < out.length; i += 0x8000) s2 += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return btoa(s2);
  }, { b64, W, H });
  await page0.close();
  mkdirSync('tests/artifacts/screens', { recursive: true });
  const file = join(process.cwd(), 'tests', 'artifacts', 'fake-camera.y4m');
  writeFileSync(file, Buffer.from(y4m, 'base64'));

  // 2. A browser whose camera is that file.
  const exe = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const cam = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
  });
  try {
    const ctx = await cam.newContext({ permissions: ['camera'] });
    const page = await ctx.newPage();
    await page.goto(baseURL!);
    await page.getByRole('button', { name: '用摄像头拍照' }).click();
    const hint = page.locator('.camera .hint');
    await expect(hint).not.toBeEmpty({ timeout: 60_000 });
    // The preview is mirrored on screen.
    await expect(page.locator('.camera video')).toHaveCSS('transform', /matrix\(-1, 0, 0, 1/);
    await page.screenshot({ path: 'tests/artifacts/screens/camera.png' });
    await page.getByRole('button', { name: /拍照（3 秒倒计时）/ }).click();
    await expect(page.locator('[data-verdict]').first()).toBeVisible({ timeout: 120_000 });
    // The saved photo: the red marker must still be at the top-left (not mirrored to the top-right).
    const corners = await page.evaluate(async () => {
      const img = document.querySelector('.photo-page figure img') as HTMLImageElement;
      const bmp = await createImageBitmap(await (await fetch(img.src)).blob());
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const at = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
      return { w: bmp.width, h: bmp.height, tl: at(20, 20), tr: at(bmp.width - 20, 20) };
    });
    expect([corners.w, corners.h]).toEqual([W, H]);
    expect(corners.tl[0]).toBeGreaterThan(200);
    expect(corners.tl[1]).toBeLessThan(80);
    expect(corners.tr[0]).toBeLessThan(240);
    const faces = await page.locator('[data-rule="P-FACE-ONE"]').first().getAttribute('data-status');
    expect(faces).toBe('pass');
    await ctx.close();
  } finally {
    await cam.close();
  }
});
