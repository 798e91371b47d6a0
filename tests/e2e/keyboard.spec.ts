/**
 * Issue 9 item 4: every main journey of the built app done with the keyboard alone (Tab, Shift+Tab, Enter, Space,
 * arrows, Escape). No clicks and no `fill()`: text is typed only into fields reached by Tab, and files are set only
 * through the file chooser that Enter/Space on the focused picker opens. At each stop the focused element must show
 * a focus ring and lie inside the viewport, on top (nothing covers it).
 * Run: E2E_PORT=4182 E2E_OUTDIR=/tmp/dist-kbd npx playwright test tests/e2e/keyboard.spec.ts
 */
import { test, expect, chromium, type Page, type Locator, type FileChooser } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../helpers/shared.ts';

/** The photo photo.spec.ts fixes: category A, one face, 1304×1290 → a valid 480×640 JPEG after 自动修正. */
const FIX_PHOTO = 'a_cn-man-grey-suit.jpg';
/** A small real JPEG for the uploads area (26 KB, kept as it is). */
const SMALL_JPEG = 'a_cn-man-blue-idphoto.jpg';
const TODAY = new Date('2026-03-15T10:00:00');

/** A short description of the focused element, for failure messages. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '(body)';
    const name = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${(el as HTMLInputElement).type ?? ''}] "${name.trim().slice(0, 40)}"`;
  });
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement), undefined, { timeout: 2000 }).catch(() => false);
}

/** Press Tab (or Shift+Tab) until `target` (or something inside it) has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    seen.push(await focused(page));
  }
  throw new Error(`Tab never reached the target; focus went through:\n${seen.join('\n')}`);
}

/**
 * The focused element shows a focus indicator (outline or box-shadow, on it or — for a visually hidden native input —
 * on its label) and is inside the viewport with nothing on top of it.
 */
async function expectFocusVisible(page: Page, where: string) {
  const r = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, why: 'nothing is focused' };
    const r0 = el.getBoundingClientRect();
    const hiddenInput = el instanceof HTMLInputElement && (r0.width <= 2 || r0.height <= 2);
    // A visually hidden file input / segmented radio draws its ring on the label the user sees.
    const shown = (hiddenInput ? (el.labels?.[0] ?? el.parentElement) : el) as HTMLElement;
    const ring = (e: Element | null) => {
      if (!e) return false;
      const cs = getComputedStyle(e);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    };
    const hasRing = ring(shown) || ring(el) || ring(el.closest('label'));
    const b = shown.getBoundingClientRect();
    // Fully inside the viewport — or, for a tall field (textarea), enough of it (≥ 40 px incl. an edge) to see.
    const top = Math.max(b.top, 0), bottom = Math.min(b.bottom, innerHeight);
    const inView = b.width > 0 && b.height > 0 && b.left >= 0 && b.right <= innerWidth + 1 && bottom - top >= Math.min(b.height - 1, 40) && (b.top >= 0 || b.bottom <= innerHeight);
    const hit = document.elementFromPoint(b.left + b.width / 2, (top + bottom) / 2);
    const onTop = !!hit && (shown.contains(hit) || hit === el.closest('label') || (hit instanceof HTMLLabelElement && hit.control === el));
    const desc = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
    return {
      ok: hasRing && inView && onTop,
      why: `${desc}: ring=${hasRing} inView=${inView} (${Math.round(b.top)}..${Math.round(b.bottom)} of ${innerHeight}) onTop=${onTop} (hit ${hit?.tagName}.${hit?.className})`,
    };
  });
  expect(r.ok, `${where}: ${r.why}`).toBe(true);
}

/** Reach an area's tab in the main navigation by keyboard, open it, and check focus moved to its heading. */
async function openArea(page: Page, tab: string, heading: string | RegExp) {
  const nav = page.getByRole('navigation');
  const link = nav.getByRole('link', { name: tab, exact: true });
  // From wherever focus is, Shift+Tab back up to the navigation (it sits above every area).
  if (!(await isFocused(nav))) await tabTo(page, link, { back: true, max: 200 });
  else await tabTo(page, link, { max: 6 });
  await expectFocusVisible(page, `nav tab ${tab}`);
  await page.keyboard.press('Enter');
  await expect(link).toHaveAttribute('aria-current', 'page');
  const h = page.getByRole('heading', { level: 2, name: heading });
  await expect(h).toBeVisible();
  await expect(h).toBeFocused();
  await expectFocusVisible(page, `${tab} heading`);
}

/** Pick a radio in a group by keyboard: Tab into the group, arrows to the option, Space to be sure it is checked. */
async function chooseRadio(page: Page, group: Locator, label: string) {
  await tabTo(page, group);
  const target = group.getByRole('radio', { name: label, exact: true });
  for (let i = 0; i < 6 && !(await isFocused(target)); i++) await page.keyboard.press('ArrowRight');
  await expect(target).toBeFocused();
  await page.keyboard.press('Space');
  await expect(target).toBeChecked();
  await expectFocusVisible(page, `radio ${label}`);
}

/** A file input by its visible label (the picker's group shares the label, so match the input itself). */
const fileInput = (page: Page, label: string) => page.locator('input[type=file]').and(page.getByLabel(label, { exact: true }));

/**
 * File choosers opened in each test's page. Listening from the start of the test switches Playwright's chooser
 * interception on long before a key is pressed: adding the listener together with the key press races with it (the
 * chooser may open before interception is on, and is then lost).
 */
const choosers = new WeakMap<Page, FileChooser[]>();
test.beforeEach(({ page }) => {
  const opened: FileChooser[] = [];
  choosers.set(page, opened);
  page.on('filechooser', (c) => opened.push(c));
});

/** Press Enter/Space on the focused picker and hand the file chooser real files, as a keyboard user would. */
async function chooseFile(page: Page, key: 'Enter' | 'Space', file: string | string[]) {
  const opened = choosers.get(page)!;
  const before = opened.length;
  await page.keyboard.press(key);
  await expect.poll(() => opened.length, { timeout: 10_000, message: `no file chooser opened by ${key}` }).toBeGreaterThan(before);
  await opened[opened.length - 1].setFiles(file);
}

test('navigation: skip link, the four areas and the language switch by keyboard', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expectFocusVisible(page, 'skip link');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The route is untouched by the skip link; the next Tab lands inside the photo area, not back in the header.
  await expect(page.getByRole('link', { name: '照片', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  await expectFocusVisible(page, 'first control in main');

  await openArea(page, '上传材料', '上传材料：检查与转换');
  await openArea(page, '毕业条件自查', '毕业条件自查与申请指南');
  await openArea(page, '登记表', '毕业生登记表填写助手');
  await openArea(page, '申请准备总览', '申请准备总览');
  await openArea(page, '照片', '照片检查与自动修正');
  // Photo mode switch (single / batch) is a native radio group: arrows move between the two modes.
  await tabTo(page, page.getByRole('radio', { name: '单张检查' }));
  await expectFocusVisible(page, 'photo mode radio');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /批量审核/ })).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: '批量审核' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: '单张检查' })).toBeChecked();

  // Language switch: a button; Enter → English, Space → back to Chinese; focus stays on it.
  const lang = page.getByRole('button', { name: '切换到英文界面' });
  await tabTo(page, lang, { back: true });
  await expectFocusVisible(page, 'language switch');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Graduation application pre-check');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Uploads', exact: false })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.classList.contains('lang'))).toBe(true);
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('自考毕业申请预检');
  await expect(lang).toBeFocused();
});

test('photo: choose by keyboard → report → findings → 自动修正 → download, all by keyboard', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./');
  const picker = fileInput(page, '选择照片');
  await tabTo(page, picker);
  await expectFocusVisible(page, 'photo picker');
  await chooseFile(page, 'Enter', join(PHOTOS_DIR, FIX_PHOTO));
  const banner = page.locator('[data-verdict]').first();
  await expect(banner).toBeVisible({ timeout: 120_000 });
  // When the report is ready, focus goes to the result (photo, verdict, action) so the keyboard user lands on it;
  // the rule-by-rule findings follow it.
  const outcome = page.getByRole('region', { name: '检查结果' });
  await expect(outcome).toBeVisible();
  await expect.poll(() => isFocused(outcome), { timeout: 10_000 }).toBe(true);
  await expectFocusVisible(page, 'result heading');
  await expect(outcome.getByTestId('photo-verdict')).toHaveAttribute('data-verdict', 'fail');
  const findings = page.getByRole('region', { name: '逐项结果' });
  await expect(findings.locator('[data-rule="P-FMT-SIZE"]').first()).toHaveAttribute('data-status', 'fail');

  // Background choice: a native radio group (arrows), then 自动修正 with Enter.
  await chooseRadio(page, page.getByRole('group', { name: /背景/ }), '保留原背景');
  await chooseRadio(page, page.getByRole('group', { name: /背景/ }), '自动（背景不合格时才替换）');
  const fix = page.getByRole('button', { name: '自动修正' });
  await tabTo(page, fix);
  await expectFocusVisible(page, '自动修正');
  await page.keyboard.press('Enter');
  const fixedHeading = page.getByRole('heading', { name: '修正后', exact: true });
  await expect(fixedHeading).toBeVisible({ timeout: 180_000 });
  await expect(fixedHeading).toBeFocused();
  await expectFocusVisible(page, 'fixed result heading');

  const link = page.getByRole('link', { name: /下载修正后的照片/ });
  await tabTo(page, link, { max: 5 });
  await expectFocusVisible(page, 'download link');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(FIX_PHOTO.replace(/\.jpg$/, '_480x640.jpg'));
  const bytes = readFileSync(await download.path());
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  expect(bytes.length).toBeGreaterThanOrEqual(20 * 1024);
  expect(bytes.length).toBeLessThanOrEqual(40 * 1024);
});

test('batch: files chosen by keyboard, a file name opened with Enter moves focus to its detail', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await tabTo(page, page.getByRole('radio', { name: '单张检查' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /批量审核/ })).toBeChecked();
  const picker = fileInput(page, '选择多张照片');
  await tabTo(page, picker);
  await expectFocusVisible(page, 'batch picker');
  const files = [SMALL_JPEG, FIX_PHOTO];
  await chooseFile(page, 'Space', files.map((f) => join(PHOTOS_DIR, f)));
  await expect(page.locator('.batch [role=status]')).toHaveText('已处理 2 / 2 张', { timeout: 120_000 });
  for (const f of files) {
    const name = page.getByRole('button', { name: f, exact: true });
    await tabTo(page, name, { max: 40 });
    await expectFocusVisible(page, `batch file ${f}`);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 3, name: f, exact: true });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    // Shift+Tab leads back up to the table from the detail
    await tabTo(page, page.getByRole('button', { name: files[0], exact: true }), { back: true, max: 40 });
  }
});

test('eligibility wizard answered by keyboard until the result', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.goto('./');
  await openArea(page, '毕业条件自查', '毕业条件自查与申请指南');
  const step = (n: number, total: number, title: string) => page.getByRole('heading', { name: `第 ${n} 步，共 ${total} 步：${title}` });

  // Step 1: name typed, level by arrows, session left as preselected, city by arrow key on the select.
  await tabTo(page, page.getByLabel('姓名（可不填，只用于打印的清单）'));
  await expectFocusVisible(page, 'name');
  await page.keyboard.type('张三');
  await chooseRadio(page, page.getByTestId('q-level'), '本科');
  await chooseRadio(page, page.getByTestId('q-level'), '专科');
  const city = page.getByLabel('在哪个市办理？');
  await tabTo(page, city);
  await expectFocusVisible(page, 'city select');
  // 合肥 has its own extra step; 芜湖 gives the plain 可以申请. Arrow keys walk the closed select's options.
  for (let i = 0; i < 20 && (await city.inputValue()) !== '芜湖市'; i++) await page.keyboard.press('ArrowDown');
  await expect(city).toHaveValue('芜湖市');
  const next = page.getByRole('button', { name: '下一步' });
  await tabTo(page, next);
  await expectFocusVisible(page, 'next');
  await page.keyboard.press('Enter');

  // Step 2 (专科: no prior-education step): every question by arrows/Space.
  await expect(step(2, 4, '成绩与课程')).toBeFocused();
  await expectFocusVisible(page, 'step 2 heading');
  await chooseRadio(page, page.getByTestId('q-courses'), '是');
  await chooseRadio(page, page.getByTestId('q-english'), '我的专业没有这门课');
  await chooseRadio(page, page.getByTestId('q-math'), '我的专业没有这门课');
  await chooseRadio(page, page.getByTestId('q-employed'), '否');
  await chooseRadio(page, page.getByTestId('q-moral'), '合格');
  await chooseRadio(page, page.getByTestId('q-transfer'), '否');
  await chooseRadio(page, page.getByTestId('q-tickets'), '只有一个准考证号');
  await chooseRadio(page, page.getByTestId('q-duplicate'), '否');
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Step 3: identity and photo, the photo date typed into the date field.
  await expect(step(3, 4, '身份与照片')).toBeFocused();
  await chooseRadio(page, page.getByTestId('q-identityOk'), '是');
  await chooseRadio(page, page.getByTestId('q-photo'), '已上传，显示“审核通过”');
  const date = page.locator('#elig-photoDate');
  await tabTo(page, date);
  await expectFocusVisible(page, 'photo date');
  await page.keyboard.type('01202026');
  await expect(date).toHaveValue('2026-01-20');
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Result: focus on the result step's heading, the outcome shown, and its actions reachable by Tab.
  await expect(step(4, 4, '结论与待办')).toBeFocused();
  await expectFocusVisible(page, 'result heading');
  await expect(page.getByTestId('elig-status')).toHaveAttribute('data-status', 'ok');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="elig-result"]'))).toBe(true);
  await expectFocusVisible(page, 'first result control');
  // Back with Shift+Tab… to 上一步 and Enter returns to step 3 with the answers kept.
  await tabTo(page, page.getByRole('button', { name: '上一步' }));
  await page.keyboard.press('Enter');
  await expect(step(3, 4, '身份与照片')).toBeFocused();
  await expect(page.getByTestId('q-identityOk').getByRole('radio', { name: '是', exact: true })).toBeChecked();
});

test('registration form: add a résumé row, type the fields, self-assessment lint, reach a finding', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.goto('./');
  await openArea(page, '登记表', '毕业生登记表填写助手');

  const entries = page.getByTestId('form-entry');
  await tabTo(page, entries.first().getByLabel('开始年月'));
  await expectFocusVisible(page, 'first start month');
  await page.keyboard.type('2019.09');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2022.06');
  await tabTo(page, entries.first().getByLabel('学校或单位'));
  await page.keyboard.type('安徽某某职业技术学院');
  await page.keyboard.press('Tab');
  await page.keyboard.type('学生');

  const add = page.getByRole('button', { name: /添加一条经历/ });
  await tabTo(page, add);
  await expectFocusVisible(page, 'add row');
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1).getByLabel('开始年月')).toBeFocused();
  await page.keyboard.type('2023.01');
  await page.keyboard.press('Tab'); // 结束年月
  await page.keyboard.press('Tab'); // 至今
  await expect(entries.nth(1).getByRole('button', { name: /至今/ })).toBeFocused();
  await expectFocusVisible(page, '至今');
  await page.keyboard.press('Space');
  await expect(entries.nth(1).getByLabel('结束年月')).toHaveValue('至今');
  await page.keyboard.press('Tab');
  await page.keyboard.type('合肥某某科技有限公司');
  await page.keyboard.press('Tab');
  await page.keyboard.type('职员');

  // The résumé check finds the gap; its fix button is reachable and works by Enter.
  const finding = page.getByTestId('form-finding');
  await expect(finding).toHaveAttribute('data-code', 'gap');
  await tabTo(page, finding.getByRole('button').first());
  await expectFocusVisible(page, 'résumé fix');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-finding')).toHaveCount(0);
  await expect(page.getByTestId('form-resume-status')).toBeFocused();

  // Self-assessment: typed text with an ASCII comma and a wrong character; the lint lists them; the first finding
  // is reached by Tab and Enter selects its characters in the text.
  const text = page.getByLabel('自我鉴定全文（可粘贴）');
  await tabTo(page, text);
  await expectFocusVisible(page, 'self-assessment');
  await page.keyboard.type('自2019年9月参加自学考试以来,我始终坚持业余学习。我会继续努力，不断提高自已的水平。');
  const issues = page.getByTestId('form-self-issue');
  await expect(issues).toHaveCount(2);
  const locate = page.getByRole('button', { name: '在原文中选中第 1 处' });
  await tabTo(page, locate);
  await expectFocusVisible(page, 'finding 1');
  await page.keyboard.press('Enter');
  await expect(text).toBeFocused();
  expect(await text.evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd))).toBe(',');
  // Fix all by keyboard.
  await tabTo(page, page.getByTestId('form-self-fixall'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-self-ok')).toBeVisible();
});

test('uploads: picker by keyboard, a real JPEG checked, its card reachable', async ({ page }) => {
  await page.goto('./');
  await openArea(page, '上传材料', '上传材料：检查与转换');
  const material = page.getByLabel('材料类型');
  await tabTo(page, material);
  await expectFocusVisible(page, 'material select');
  const pick = fileInput(page, '选择文件（可多选）');
  await tabTo(page, pick);
  await expectFocusVisible(page, 'upload picker');
  await chooseFile(page, 'Space', join(PHOTOS_DIR, SMALL_JPEG));
  const card = page.getByTestId('upload-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('result')).toBeVisible({ timeout: 60_000 });
  await expect(card.getByTestId('verdict')).toBeVisible();
  await expect(card.getByRole('heading', { name: SMALL_JPEG })).toBeVisible();
  // The card follows the picker in Tab order: its remove button is the next stop.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: new RegExp(SMALL_JPEG.replace('.', '\\.')) })).toBeFocused();
  await expectFocusVisible(page, 'card remove button');
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
  // Focus is not lost when the card goes: it returns to the picker.
  await expect(pick).toBeFocused();
});

test('kiosk idle warning: focus moves to it, Escape closes it and focus returns', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./?kiosk=1&idle=10');
  const picker = fileInput(page, '选择照片');
  await tabTo(page, picker);
  const warning = page.getByTestId('kiosk-countdown');
  await expect(warning).toBeVisible({ timeout: 20_000 });
  const stay = warning.getByRole('button', { name: '继续使用' });
  await expect(stay).toBeFocused();
  await expectFocusVisible(page, 'kiosk stay button');
  await page.keyboard.press('Escape');
  await expect(warning).toBeHidden();
  await expect(picker).toBeFocused();
  // Again, this time answered with Enter on the button.
  await expect(warning).toBeVisible({ timeout: 20_000 });
  await expect(stay).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();
  await expect(picker).toBeFocused();
  // Kiosk keeps its large targets.
  const h = await picker.evaluate((el: HTMLInputElement) => el.labels![0].getBoundingClientRect().height);
  expect(h).toBeGreaterThanOrEqual(56);
});

test('camera panel: opened by keyboard, focus moves in, Escape closes it and focus returns', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const exe = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const cam = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  try {
    const ctx = await cam.newContext({ permissions: ['camera'] });
    const page = await ctx.newPage();
    await page.goto(baseURL!);
    const open = page.getByRole('button', { name: '用摄像头拍照' });
    await tabTo(page, open);
    await expectFocusVisible(page, 'camera open');
    await page.keyboard.press('Enter');
    const shoot = page.getByRole('button', { name: '拍照（3 秒倒计时）' });
    await expect(shoot).toBeVisible({ timeout: 20_000 });
    await expect(shoot).toBeFocused();
    await expectFocusVisible(page, 'camera shoot');
    await page.keyboard.press('Escape');
    await expect(shoot).toBeHidden();
    await expect(open).toBeFocused();
    // Reopen and close with the 关闭摄像头 button: focus also comes back.
    await page.keyboard.press('Space');
    await expect(shoot).toBeFocused({ timeout: 20_000 });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '关闭摄像头' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(open).toBeFocused();
    await ctx.close();
  } finally {
    await cam.close();
  }
});
