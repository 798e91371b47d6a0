/**
 * Issue 7 on the built app: a candidate builds a résumé with a gap, applies the fix, copies the text (clipboard
 * checked) and exports the PDF (download read back with pdf.js); pastes a self-assessment with five errors and
 * fixes them all; axe finds no serious violations; screenshots at 390×844 and 1366×768. Every request stays on
 * our own origin.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, mkdirSync } from 'node:fs';
import { extractPdfText } from '../unit/platform/extract.ts';
import { recordRequests, isOwnOrigin } from './helpers/util.ts';

const ART = 'test-results/form';
mkdirSync(ART, { recursive: true });
const TODAY = new Date('2026-03-15T10:00:00');

async function open(page: Page, query = '') {
  await page.clock.setFixedTime(TODAY);
  await page.goto('about:blank');
  await page.goto(`./${query}#/form`);
  await expect(page.getByRole('heading', { name: '毕业生登记表填写助手' })).toBeVisible();
}

async function fillEntry(page: Page, i: number, start: string, end: string, place: string, role: string) {
  const e = page.getByTestId('form-entry').nth(i);
  await e.getByLabel('开始年月').fill(start);
  if (end === '至今') await e.getByRole('button', { name: /至今/ }).click();
  else await e.getByLabel('结束年月').fill(end);
  await e.getByLabel('学校或单位').fill(place);
  await e.getByLabel('身份').fill(role);
}

const SELF_WITH_ERRORS = '自2019年9月参加自学考试以来,我始终坚持业余学习。工作中我按步就班，从不拖延。。我会继续努力，不断提高自已的水平，争取再接再励。';
const SELF_FIXED = '自2019年9月参加自学考试以来，我始终坚持业余学习。工作中我按部就班，从不拖延。我会继续努力，不断提高自己的水平，争取再接再厉。';

test('résumé with a gap: fix, copy (clipboard), PDF (download parsed with pdf.js)', async ({ page, context, baseURL }) => {
  const requests = recordRequests(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await fillEntry(page, 0, '2019.09', '2022.06', '安徽某某职业技术学院', '学生');
  await page.getByRole('button', { name: /添加一条经历/ }).click();
  await expect(page.getByTestId('form-entry').nth(1).getByLabel('开始年月')).toBeFocused();
  await fillEntry(page, 1, '2023.01', '至今', '合肥某某科技有限公司', '职员');

  const finding = page.getByTestId('form-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveAttribute('data-code', 'gap');
  await expect(finding).toContainText('第 1 条与第 2 条之间断档 6 个月（2022.07—2022.12）');
  await expect(finding).toContainText('R-RESUME-CONTINUOUS（手册 三.2）');

  await finding.getByRole('button', { name: '插入一条“待业”（2022.07—2022.12）' }).click();
  await expect(page.getByTestId('form-finding')).toHaveCount(0);
  await expect(page.getByTestId('form-resume-ok')).toContainText('简历符合要求：3 条');
  await expect(page.getByTestId('form-resume-status')).toContainText('已修改：插入一条“待业”');
  const expected = '2019.09—2022.06  安徽某某职业技术学院  学生\n2022.07—2022.12  待业\n2023.01—至今  合肥某某科技有限公司  职员';
  await expect(page.getByTestId('form-preview')).toHaveText(expected);

  await page.getByTestId('form-copy').click();
  await expect(page.getByTestId('form-export-msg')).toHaveText('已复制到剪贴板。');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('form-pdf').click()]);
  expect(dl.suggestedFilename()).toBe('毕业生登记表填写稿-202603.pdf');
  const path = `${ART}/${dl.suggestedFilename()}`;
  await dl.saveAs(path);
  await expect(page.getByTestId('form-export-msg')).toContainText('已生成');
  const { text, images } = await extractPdfText(new Uint8Array(readFileSync(path)));
  const flat = text.replace(/\s+/g, '');
  for (const line of expected.split('\n')) expect(flat).toContain(line.replace(/\s+/g, ''));
  expect(flat).toContain('毕业生登记表填写稿');
  expect(images).toBe(0);

  for (const u of requests) expect(isOwnOrigin(u, baseURL!), u).toBe(true);
});

test('self-assessment with five errors: underlined, fixed one by one and all at once', async ({ page }) => {
  await open(page);
  const ta = page.getByLabel('自我鉴定全文（可粘贴）');
  await ta.fill(SELF_WITH_ERRORS);
  const issues = page.getByTestId('form-self-issue');
  await expect(issues).toHaveCount(5);
  await expect(page.getByTestId('form-self-marked').locator('mark')).toHaveCount(5);
  const kinds = await issues.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
  expect(kinds).toEqual(['halfwidth-punct', 'wrong-word', 'doubled-punct', 'wrong-word', 'wrong-word']);
  for (const r of await issues.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule))) expect(r).toBe('R-SELF-TEXT');

  // "第 4 处" selects the characters in the textarea itself.
  await page.getByRole('button', { name: '在原文中选中第 4 处' }).click();
  await expect(ta).toBeFocused();
  expect(await ta.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('自已');
  await page.getByRole('button', { name: '修改第 2 处：把「按步就班」改为「按部就班」' }).click();
  await expect(ta).toHaveValue(SELF_WITH_ERRORS.replace('按步就班', '按部就班'));
  await expect(issues).toHaveCount(4);
  await page.getByTestId('form-self-fixall').click();
  await expect(ta).toHaveValue(SELF_FIXED);
  await expect(issues).toHaveCount(0);
  await expect(page.getByTestId('form-self-ok')).toBeVisible();
});

test('kiosk mode: no saving offered, nothing stored; the idle wipe clears the form', async ({ page }) => {
  await page.clock.install({ time: TODAY });
  await page.goto('./?kiosk=1&idle=10#/form');
  await expect(page.getByTestId('form-kiosk')).toBeVisible();
  await expect(page.getByTestId('form-save')).toHaveCount(0);
  await fillEntry(page, 0, '2019.09', '至今', '', '待业');
  await page.getByLabel('自我鉴定全文（可粘贴）').fill('我热爱学习。');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zk-precheck:form')).length + sessionStorage.length)).toBe(0);
  await page.clock.runFor(12_000);
  await page.getByRole('link', { name: '登记表' }).click();
  await expect(page.getByTestId('form-entry')).toHaveCount(1);
  await expect(page.getByTestId('form-entry').getByLabel('身份')).toHaveValue('');
  await expect(page.getByLabel('自我鉴定全文（可粘贴）')).toHaveValue('');
});

test('English locale; print preview shows only the paper-form text', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.goto('./?lang=en#/form');
  await expect(page.getByRole('heading', { name: 'Registration form helper' })).toBeVisible();
  const e = page.getByTestId('form-entry').first();
  await e.getByLabel('Start month').fill('2019.09');
  await e.getByLabel('End month').fill('2022.06');
  await e.getByLabel('School or employer').fill('安徽某某职业技术学院');
  await e.getByLabel('Role').fill('学生');
  await expect(page.getByTestId('form-finding')).toContainText('The last entry (1) ends 2022.06 but it is now 2026.03');
  await page.getByRole('button', { name: 'Insert “待业” (2022.07—至今)' }).click();
  await expect(page.getByTestId('form-preview')).toHaveText('2019.09—2022.06  安徽某某职业技术学院  学生\n2022.07—至今  待业');
  await page.evaluate(() => document.body.classList.add('zk-print-form'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('form-preview')).toBeVisible();
  expect(await page.locator('#h-form').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  expect(await page.getByTestId('form-preview').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
});

test('axe: no serious violations; screenshots at 390×844 and 1366×768', async ({ browser, baseURL }) => {
  for (const [w, h] of [[390, 844], [1366, 768]] as const) {
    const context = await browser.newContext({ baseURL, viewport: { width: w, height: h } });
    const page = await context.newPage();
    await open(page);
    await fillEntry(page, 0, '2019.09', '2022.06', '安徽某某职业技术学院', '学生');
    await page.getByRole('button', { name: /添加一条经历/ }).click();
    await fillEntry(page, 1, '2023.01', '至今', '合肥某某科技有限公司', '职员');
    await page.getByLabel('自我鉴定全文（可粘贴）').fill(SELF_WITH_ERRORS);
    await expect(page.getByTestId('form-self-issue')).toHaveCount(5);
    await page.screenshot({ path: `${ART}/form-${w}x${h}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page }).include('[data-testid="form-page"]').analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  }
});

test('一键整理: every timeline problem at once, one click fixes them, before/after shown, undo restores (zh-CN, en, axe)', async ({ page }) => {
  await open(page);
  // Out of order, a gap, a placeholder role, and the last entry ended in the past.
  await fillEntry(page, 0, '2019.3', '2022.06', '合肥某某科技有限公司', '职员');
  await page.getByRole('button', { name: /添加一条经历/ }).click();
  await fillEntry(page, 1, '2015.09', '2018.06', '安徽某某职业技术学院', '学生');
  await page.getByRole('button', { name: /添加一条经历/ }).click();
  await fillEntry(page, 2, '2022.07', '2023.01', '无', '无');
  const findings = page.getByTestId('form-finding');
  await expect(findings).toHaveCount(4);
  expect(await findings.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code))).toEqual(['role-missing', 'order', 'gap', 'not-current']);
  await expect(findings.first()).toContainText('第 3 条的身份写的是“无”，这等于没有填写');
  const before = '2019.03—2022.06  合肥某某科技有限公司  职员\n2015.09—2018.06  安徽某某职业技术学院  学生\n2022.07—2023.01  无  无';
  await expect(page.getByTestId('form-preview')).toHaveText(before);

  await page.getByRole('button', { name: '一键整理' }).click();
  const panel = page.getByTestId('form-tidy');
  await expect(panel.getByRole('heading', { level: 4 })).toBeFocused();
  await expect(panel.getByRole('heading', { level: 4 })).toContainText('已整理：');
  const after = '2015.09—2018.06  安徽某某职业技术学院  学生\n2018.07—2019.02  待业\n2019.03—2022.06  合肥某某科技有限公司  职员\n2022.07—至今  待业';
  await expect(page.getByTestId('form-tidy-before')).toHaveText(before);
  await expect(page.getByTestId('form-tidy-after')).toHaveText(after);
  await expect(page.getByTestId('form-preview')).toHaveText(after);
  await expect(page.getByTestId('form-tidy-steps')).toContainText('用一条“待业”补上断档 2018.07—2019.02');
  await expect(findings).toHaveCount(0);
  await expect(page.getByTestId('form-resume-ok')).toContainText('简历符合要求：4 条');
  await expect(page.getByTestId('form-tidy-run')).toBeDisabled();
  const axe = await new AxeBuilder({ page }).include('[data-testid="form-resume"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: '撤销整理' }).click();
  await expect(page.getByTestId('form-tidy')).toHaveCount(0);
  await expect(page.getByTestId('form-preview')).toHaveText(before);
  await expect(page.getByTestId('form-resume-status')).toHaveText('已撤销整理，简历恢复为整理前的样子。');
  await expect(findings).toHaveCount(4);

  // The same in English: no Chinese UI text, only what the candidate typed and the form's own words.
  await page.goto('./?lang=en#/form');
  const e0 = page.getByTestId('form-entry').first();
  await expect(e0.getByLabel('Start month')).toHaveValue('2019.3'); // kept for this tab
  await page.getByRole('button', { name: 'Tidy up in one step' }).click();
  await expect(page.getByTestId('form-tidy').getByRole('heading', { level: 4 })).toHaveText('Tidied: 6 change(s); the text for the paper form below is updated.');
  await expect(page.getByTestId('form-tidy-steps')).toContainText('Filled the gap 2018.07—2019.02 with a 待业 entry');
  await expect(page.getByTestId('form-tidy-after')).toHaveText(after);
  await page.getByRole('button', { name: 'Undo tidy-up' }).click();
  await expect(page.getByTestId('form-preview')).toHaveText(before);
});
