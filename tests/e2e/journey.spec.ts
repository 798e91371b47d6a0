/**
 * Issue 15: the candidate's journey on the built app — the answer and the fix first on the photo page, and one page
 * that says "ready to apply" (申请准备总览) — on a phone (390×844) and a desktop (1280×900), in zh-CN and English.
 * axe on every new state. docs/screens/ pictures are taken with the photos replaced by a drawn silhouette (no test
 * photo in them).
 * Run: E2E_PORT=4184 E2E_OUTDIR=dist-e2e-journey npx playwright test tests/e2e/journey.spec.ts
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../helpers/shared.ts';
import { extractPdfText } from '../unit/platform/extract.ts';

const FIX_PHOTO = 'a_cn-man-grey-suit.jpg'; // one face, 1304×1290: fails P-FMT-SIZE, fixed to a valid 480×640 (eye line 1.0°, far from the 3° limit)
const NO_FACE = 'd_landscape.jpg';
const DOCS = 'docs/screens';
mkdirSync(DOCS, { recursive: true });

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const WORDS = {
  'zh-CN': { q: '', result: '检查结果', fix: '自动修正', after: '修正后', download: /下载修正后的照片/, retake: '重新拍照', details: '逐项结果', passed: /^\d+ 项通过$/, overview: '申请准备总览', photoNav: '照片', formNav: '登记表', photoH: '照片检查与自动修正' },
  en: { q: '?lang=en', result: 'Check results', fix: 'Fix automatically', after: 'After', download: /Download the fixed photo/, retake: 'Take a new photo', details: 'Every rule', passed: /^Passed: \d+$/, overview: 'Readiness overview', photoNav: 'Photo', formNav: 'Registration form', photoH: 'Photo check and automatic fix' },
} as const;

async function axeClean(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), where).toEqual([]);
}

/** The element lies entirely inside the viewport as it is now (no scrolling). */
async function inView(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const b = el.getBoundingClientRect();
    return b.width > 0 && b.height > 0 && b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight + 0.5 && b.right <= innerWidth + 0.5;
  });
}

/** Replace every photo on the page by a drawn head-and-shoulders silhouette (docs screenshots carry no test photo). */
async function drawnPhotos(page: Page) {
  await page.evaluate(() => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="640" viewBox="0 0 480 640"><rect width="480" height="640" fill="rgb(100,197,255)"/><ellipse cx="240" cy="250" rx="95" ry="125" fill="#e9c3a0"/><path d="M60 640 C70 470 160 420 240 420 C320 420 410 470 420 640 Z" fill="#2d3e55"/><ellipse cx="205" cy="245" rx="10" ry="6" fill="#333"/><ellipse cx="275" cy="245" rx="10" ry="6" fill="#333"/><path d="M215 320 Q240 335 265 320" stroke="#a0522d" stroke-width="5" fill="none"/><path d="M145 215 C150 110 330 110 335 215 C320 150 160 150 145 215 Z" fill="#3a2a1a"/></svg>`;
    const url = `data:image/svg+xml;base64,${btoa(svg)}`;
    for (const img of document.querySelectorAll<HTMLImageElement>('img[src^="blob:"]')) img.src = url;
  });
  await page.waitForTimeout(200);
}

for (const [device, vp] of Object.entries(VIEWPORTS)) {
  for (const [locale, w] of Object.entries(WORDS)) {
    test(`photo page (${device}, ${locale}): verdict and 自动修正 under the photo, above the fold; the fixed result takes its place`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(vp);
      await page.goto(`./${w.q}`);
      await page.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, FIX_PHOTO));
      const outcome = page.getByRole('region', { name: w.result, exact: true });
      await expect(outcome).toBeVisible({ timeout: 120_000 });
      // Focus and the screen-reader status follow the result.
      await expect(outcome.getByRole('heading', { name: w.result, exact: true })).toBeFocused();
      await expect(page.getByTestId('photo-status')).toHaveText(locale === 'en' ? 'Check finished: Does not meet the requirements.' : '检查完成：不符合要求。');
      const verdict = outcome.getByTestId('photo-verdict');
      await expect(verdict).toHaveAttribute('data-verdict', 'fail');
      const fix = outcome.getByRole('button', { name: w.fix, exact: true });
      // The photo, the one-sentence verdict, the background choice and the action: all on screen together.
      for (const [what, l] of [['photo', outcome.locator('img').first()], ['verdict', verdict], ['background', outcome.getByRole('group')], ['fix button', fix]] as const) {
        expect(await inView(l), `${what} is above the fold at ${vp.width}×${vp.height}`).toBe(true);
      }
      // Findings: fails open, passes folded behind their count.
      const details = page.getByRole('region', { name: w.details, exact: true });
      await expect(details.locator('[data-group=fail] [data-rule="P-FMT-SIZE"]')).toBeVisible();
      const passed = details.locator('details[data-group=pass]');
      await expect(passed).not.toHaveAttribute('open', /.*/);
      await expect(passed.locator('summary')).toHaveText(w.passed);
      await expect(passed.locator('[data-status=pass]').first()).toBeHidden();
      await axeClean(page, `checked (${device}, ${locale})`);
      if (locale === 'zh-CN' || device === 'desktop') {
        await drawnPhotos(page);
        await page.screenshot({ path: `${DOCS}/photo-checked-${device}${locale === 'en' ? '-en' : ''}.png` });
      }
      await passed.locator('summary').click();
      await expect(passed.locator('[data-status=pass]').first()).toBeVisible();

      await fix.click();
      const fixed = page.getByRole('region', { name: w.after, exact: true });
      await expect(fixed).toBeVisible({ timeout: 180_000 });
      await expect(fixed.getByRole('heading', { name: w.after, exact: true })).toBeFocused();
      await expect(page.getByTestId('photo-status')).toHaveText(locale === 'en' ? /^Fix done: / : /^修正完成：/);
      // The result takes the check's place: the check's card is gone.
      await expect(page.getByTestId('photo-outcome')).toHaveCount(0);
      await expect(fixed.locator('figure img')).toHaveCount(2);
      await expect(fixed.locator('figure svg line').first()).toBeAttached(); // guide lines on before/after
      const newVerdict = fixed.getByTestId('photo-fixed-verdict');
      expect(['pass', 'warn']).toContain(await newVerdict.getAttribute('data-verdict'));
      const link = fixed.getByRole('link', { name: w.download });
      for (const [what, l] of [['fixed verdict', newVerdict], ['download', link]] as const) {
        expect(await inView(l), `${what} is above the fold after the fix`).toBe(true);
      }
      // The new photo's findings: P-FMT-SIZE now passes (folded), nothing fails.
      await expect(fixed.locator('[data-rule="P-FMT-SIZE"]')).toHaveAttribute('data-status', 'pass');
      await expect(fixed.locator('[data-group=fail]')).toHaveCount(0);
      await expect(fixed.locator('ul.changes li').first()).toBeVisible();
      await axeClean(page, `fixed (${device}, ${locale})`);
      if (locale === 'zh-CN' || device === 'desktop') {
        await drawnPhotos(page);
        await page.screenshot({ path: `${DOCS}/photo-fixed-${device}${locale === 'en' ? '-en' : ''}.png` });
      }
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const bytes = readFileSync(await download.path());
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      expect(bytes.length).toBeGreaterThanOrEqual(20 * 1024);
      expect(bytes.length).toBeLessThanOrEqual(40 * 1024);
    });
  }
}

test('photo page: no face → 重新拍照 with the reason instead of 自动修正; it returns to the picker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto('./');
  await page.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, NO_FACE));
  const outcome = page.getByRole('region', { name: '检查结果', exact: true });
  await expect(outcome).toBeVisible({ timeout: 120_000 });
  await expect(outcome.getByRole('button', { name: '自动修正' })).toHaveCount(0);
  const retake = outcome.getByRole('button', { name: '重新拍照' });
  expect(await inView(retake)).toBe(true);
  await expect(outcome.getByTestId('photo-verdict')).toContainText('没有检测到人脸');
  await expect(outcome.getByTestId('photo-verdict')).toContainText('P-FACE-ONE');
  await axeClean(page, 'retake');
  await retake.click();
  await expect(page.getByTestId('photo-outcome')).toHaveCount(0);
  await expect(page.locator('input[type=file]').first()).toBeFocused();
  await expect(page.getByTestId('photo-status')).toHaveText('请重新拍照，或选择另一张照片。');
});

for (const [device, vp] of Object.entries(VIEWPORTS)) {
  for (const [locale, w] of Object.entries(WORDS)) {
    test(`readiness overview (${device}, ${locale}): gathers the session's photo, form and eligibility state with links; print`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(vp);
      await page.goto(`./${w.q}`);
      const nav = page.getByRole('navigation');
      // Fresh page: every area "not started", the empty résumé is not a problem.
      await nav.getByRole('link', { name: w.overview, exact: true }).click();
      const ov = page.getByTestId('overview');
      await expect(ov.getByRole('heading', { level: 2 })).toBeFocused();
      await expect(page.getByTestId('overview-overall')).toHaveAttribute('data-overall', 'incomplete');
      for (const a of ['photo', 'uploads', 'eligibility', 'form']) await expect(page.getByTestId(`overview-${a}`)).toHaveAttribute('data-level', 'empty');
      await axeClean(page, `overview empty (${device}, ${locale})`);

      // Check a photo (it fails: 1304×1290), type a résumé row with a gap to now.
      await nav.getByRole('link', { name: w.photoNav, exact: true }).click();
      await page.locator('input[type=file]').first().setInputFiles(join(PHOTOS_DIR, FIX_PHOTO));
      await expect(page.getByTestId('photo-verdict')).toHaveAttribute('data-verdict', 'fail', { timeout: 120_000 });
      await nav.getByRole('link', { name: w.formNav, exact: true }).click();
      const entry = page.getByTestId('form-entry').first();
      await entry.getByTestId('form-start').fill('2019.09');
      await entry.getByTestId('form-end').fill('2022.06');
      await entry.getByTestId('form-place').fill('安徽某某职业技术学院');
      await entry.getByTestId('form-role').fill('学生');

      await nav.getByRole('link', { name: w.overview, exact: true }).click();
      await expect(page.getByTestId('overview-overall')).toHaveAttribute('data-overall', 'blocked');
      const photo = page.getByTestId('overview-photo');
      await expect(photo).toHaveAttribute('data-level', 'problem');
      await expect(photo).toContainText(FIX_PHOTO);
      await expect(photo).toContainText('P-FMT-SIZE');
      const form = page.getByTestId('overview-form');
      await expect(form).toHaveAttribute('data-level', 'problem');
      await expect(form.locator('[data-rule^="R-RESUME"]').first()).toBeVisible();
      await expect(page.getByTestId('overview-eligibility')).toHaveAttribute('data-level', 'empty');
      await expect(ov.locator('ol li')).toHaveCount(7); // the manual's order of steps
      // English: no Chinese except what the user typed and 至今, the word to write on the (Chinese) paper form.
      if (locale === 'en') expect((await ov.innerText()).replaceAll('安徽某某职业技术学院', '').replaceAll('学生', '').replaceAll('至今', '')).not.toMatch(/[\u3400-\u9fff]/u);
      await axeClean(page, `overview filled (${device}, ${locale})`);
      if (locale === 'zh-CN' || device === 'phone') await page.screenshot({ path: `${DOCS}/overview-${device}${locale === 'en' ? '-en' : ''}.png`, fullPage: true });

      // Print: only the overview, no navigation or buttons.
      await page.emulateMedia({ media: 'print' });
      await expect(nav).toBeHidden();
      await expect(page.getByTestId('overview-print')).toBeHidden();
      await expect(photo).toBeVisible();
      await page.emulateMedia({ media: 'screen' });

      // Each area's link leads there.
      await photo.getByRole('link').click();
      await expect(page.getByRole('heading', { level: 2, name: w.photoH })).toBeFocused();
      await expect(nav.getByRole('link', { name: w.photoNav, exact: true })).toHaveAttribute('aria-current', 'page');
    });
  }
}

test('readiness overview PDF (desktop, zh-CN): the areas and the manual steps as text', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#/overview');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('overview-pdf').click()]);
  expect(dl.suggestedFilename()).toBe('申请准备总览.pdf');
  const { text } = await extractPdfText(new Uint8Array(readFileSync(await dl.path())));
  for (const s of ['申请准备总览', '毕业证书照片', '还没有检查照片', '简历还没有填写', '手册中的办理顺序', '前期准备']) expect(text).toContain(s);
});

test('kiosk at 390 px: every tab (登记表, 申请准备总览) is fully visible; the overview prints only (no PDF)', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto('./?kiosk=1#/overview');
  for (const name of ['照片', '上传材料', '毕业条件自查', '登记表', '申请准备总览']) {
    const tab = page.getByRole('navigation').getByRole('link', { name, exact: true });
    expect(await inView(tab), `${name} tab fully visible`).toBe(true);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('overview-print')).toBeVisible();
  await expect(page.getByTestId('overview-pdf')).toHaveCount(0);
  await axeClean(page, 'kiosk overview');
  await page.screenshot({ path: `${DOCS}/overview-kiosk-phone.png` });
});

test('camera failures: every getUserMedia error name gets its own zh-CN (and English) sentence, never the browser text', async ({ page }) => {
  // getUserMedia is replaced by one that rejects as a browser does, with the browser's English message.
  await page.addInitScript(() => {
    const md = navigator.mediaDevices ?? ({} as MediaDevices);
    Object.defineProperty(navigator, 'mediaDevices', { value: md, configurable: true });
    md.getUserMedia = async () => {
      const name = (globalThis as unknown as { __camErr: string }).__camErr;
      if (name === 'TypeError') throw new TypeError('Failed to execute getUserMedia: browser English text');
      if (name === 'unknown') throw new Error('browser English text');
      throw new DOMException(`browser English text (${name})`, name);
    };
  });
  const zh: Record<string, RegExp> = {
    NotAllowedError: /^摄像头使用权限被拒绝/, NotFoundError: /^没有找到摄像头/, NotReadableError: /^摄像头正被其他程序占用/,
    OverconstrainedError: /^这个摄像头不支持/, SecurityError: /^出于安全原因/, AbortError: /^打开摄像头时被中断/,
    TypeError: /^此浏览器无法按要求打开摄像头/, unknown: /^无法打开摄像头（原因不明）/,
  };
  await page.goto('./');
  for (const [name, sentence] of Object.entries(zh)) {
    await page.evaluate((n) => ((globalThis as unknown as { __camErr: string }).__camErr = n), name);
    await page.getByRole('button', { name: '用摄像头拍照' }).click();
    const alert = page.locator('.camera [role=alert]');
    await expect(alert).toHaveText(sentence);
    expect(await alert.innerText(), name).not.toMatch(/browser|English|Error/);
    await expect(page.getByRole('button', { name: '用摄像头拍照' })).toBeFocused();
  }
  await page.getByRole('button', { name: '切换到英文界面' }).click();
  await page.evaluate(() => ((globalThis as unknown as { __camErr: string }).__camErr = 'NotAllowedError'));
  await page.getByRole('button', { name: 'Take a photo with the camera' }).click();
  await expect(page.locator('.camera [role=alert]')).toHaveText(/^Camera access was refused/);
  expect(await page.locator('.camera [role=alert]').innerText()).not.toMatch(/[\u3400-\u9fff]/);
});

test('warm start: the photo worker starts by itself once the page is idle; after a kiosk wipe it starts again at the next touch', async ({ page }) => {
  test.setTimeout(120_000);
  const photoWorkers = () => page.workers().filter((w) => /worker-[^/]*\.js/.test(w.url())).length;
  await page.goto('./?kiosk=1&idle=10');
  // No input at all: the worker (and its model) start in an idle moment after the first paint.
  await expect.poll(photoWorkers, { timeout: 15_000 }).toBe(1);
  // The idle wipe ends it (its memory held the last person's pixels) and nothing restarts it while nobody is there.
  await expect(page.getByTestId('kiosk-countdown')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('kiosk-countdown')).toBeHidden({ timeout: 20_000 });
  await expect.poll(photoWorkers, { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(1500);
  expect(photoWorkers()).toBe(0);
  // The next person touches the screen: warmed again.
  await page.mouse.click(5, 5);
  await expect.poll(photoWorkers, { timeout: 15_000 }).toBe(1);
});
