/**
 * Issue 6 on the built app: three personas walk the eligibility wizard and get the right outcome; the checklist
 * PDF is downloaded and read back with pdf.js (rare-character name and every to-do present); characters the font
 * lacks are drawn as images and named; copy as text; opt-in local saving and kiosk mode; axe; screenshots.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, mkdirSync } from 'node:fs';
import { extractPdfText } from '../unit/platform/extract.ts';
import { recordRequests, isOwnOrigin } from './helpers/util.ts';

const ART = 'test-results/eligibility';
mkdirSync(ART, { recursive: true });
// A fixed "today" (local time): the first half of 2026 is preselected.
const TODAY = new Date('2026-03-15T10:00:00');

async function open(page: Page, query = '') {
  await page.clock.setFixedTime(TODAY);
  await page.goto('about:blank'); // a fresh document even when only the hash would differ
  await page.goto(`./${query}#/eligibility`);
  await expect(page.getByRole('heading', { name: '毕业条件自查与申请指南' })).toBeVisible();
}

const radio = (page: Page, group: string, label: string) =>
  page.getByTestId(`q-${group}`).getByRole('radio', { name: label, exact: true });

async function next(page: Page) {
  await page.getByRole('button', { name: '下一步' }).click();
}

interface Persona {
  name: string;
  level: '专科' | '本科';
  city: string;
  prior?: { kind: string; date: string; schoolProof?: string; verify: string };
  english?: string;
  nursing?: boolean;
  employed?: '是' | '否';
  moral?: '合格' | '尚未办理' | '不合格';
}

async function walk(page: Page, p: Persona) {
  await page.getByLabel('姓名（可不填，只用于打印的清单）').fill(p.name);
  await radio(page, 'level', p.level).check();
  await expect(page.getByTestId('q-session').getByRole('combobox').nth(1)).toHaveValue('H1');
  await page.getByLabel('在哪个市办理？').selectOption(p.city);
  await next(page);
  if (p.prior) {
    await expect(page.getByRole('heading', { name: /第 2 步，共 5 步：前置学历/ })).toBeFocused();
    await radio(page, 'prior', p.prior.kind).check();
    await page.locator('#elig-priorDate').fill(p.prior.date);
    if (p.prior.schoolProof) await radio(page, 'schoolProof', p.prior.schoolProof).check();
    await radio(page, 'verify', p.prior.verify).check();
    await next(page);
  }
  await radio(page, 'courses', '是').check();
  await radio(page, 'english', p.english ?? '我的专业没有这门课').check();
  await radio(page, 'math', '我的专业没有这门课').check();
  await radio(page, 'employed', p.employed ?? '否').check();
  await radio(page, 'moral', p.moral ?? '合格').check();
  await radio(page, 'transfer', '否').check();
  await radio(page, 'tickets', '只有一个准考证号').check();
  if (p.nursing) {
    await page.getByLabel('我申请的是护理学专业本科').check();
    await radio(page, 'nursingAppraisal', '是').check();
  }
  await radio(page, 'duplicate', '否').check();
  await next(page);
  await radio(page, 'identityOk', '是').check();
  await radio(page, 'photo', '已上传，显示“审核通过”').check();
  await page.locator('#elig-photoDate').fill('2026-01-20');
  await next(page);
  await expect(page.getByTestId('elig-result')).toBeVisible();
}

async function todos(page: Page) {
  const items = page.getByTestId('elig-todo');
  const n = await items.count();
  const out: { code: string; rule: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const li = items.nth(i);
    out.push({
      code: (await li.getAttribute('data-code'))!,
      rule: (await li.getAttribute('data-rule'))!,
      text: (await li.locator('.what').innerText()).replace(/^\d+\.\s*/, ''),
    });
  }
  return out;
}

async function downloadPdf(page: Page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('elig-pdf').click()]);
  const path = `${ART}/${dl.suggestedFilename()}`;
  await dl.saveAs(path);
  await expect(page.getByTestId('elig-export-msg')).toContainText('PDF 已生成');
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

const flat = (s: string) => s.replace(/\s+/g, '');

test('persona 1: 专科 candidate in 芜湖 — 可以申请', async ({ page }) => {
  await open(page);
  await walk(page, { name: '张喆', level: '专科', city: '芜湖市' });
  await expect(page.getByTestId('elig-status')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('elig-status')).toContainText('可以申请');
  const list = await todos(page);
  expect(list.map((i) => i.code)).toEqual(['remark']);
  expect(list.every((i) => /^(E-[A-Z-]+|R-MORAL)$/.test(i.rule))).toBe(true);
  await expect(page.getByTestId('elig-todo').first()).toContainText('E-REMARK（手册 二.1(3)）');
});

test('persona 2: 本科, diploma dated 2026-07-05, first half — 本次无法申请, next chance second half; copy as text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await walk(page, {
    name: '王赟', level: '本科', city: '安庆市',
    prior: { kind: '应届生，尚未取得（将于毕业时取得）', date: '2026-07-05', schoolProof: '是', verify: '还没做' },
  });
  const status = page.getByTestId('elig-status');
  await expect(status).toHaveAttribute('data-status', 'blocked');
  await expect(status).toContainText('本次无法申请');
  await expect(status).toContainText('E-PRE-DIPLOMA');
  const list = await todos(page);
  expect(list[0]).toMatchObject({ code: 'diploma-late', rule: 'E-PRE-DIPLOMA' });
  expect(list[0].text).toContain('2026-07-05');
  expect(list[0].text).toContain('2026-06-30');
  expect(list[0].text).toContain('2026年下半年');
  // The exception for graduating students does not rescue a date after 30 June.
  expect(list.map((i) => i.code)).not.toContain('graduating-proof');

  await page.getByTestId('elig-copy').click();
  await expect(page.getByTestId('elig-export-msg')).toHaveText('已复制到剪贴板。');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('姓名：王赟');
  expect(text).toContain('结论：本次无法申请');
  for (const i of list) expect(text).toContain(i.text);

  // In the second half the diploma date would be in time, but the graduating-student exception is written for the
  // first half only: the manual is silent, so it is a to-do to ask the city agency (not 本次无法申请).
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByTestId('q-session').getByRole('combobox').nth(1).selectOption('H2');
  for (let i = 0; i < 4; i++) await next(page);
  await expect(status).toHaveAttribute('data-status', 'todo');
  await expect(status).toContainText('需先完成事项');
  const after = await todos(page);
  const ask = after.find((i) => i.code === 'graduating-h2-ask')!;
  expect(ask).toMatchObject({ rule: 'E-PRE-DIPLOMA' });
  expect(ask.text).toContain('联系所在市教育考试机构');
  expect(after.map((i) => i.code)).not.toContain('diploma-late');
  const li = page.locator('[data-testid="elig-todo"][data-code="graduating-h2-ask"]');
  await expect(li).toContainText('E-PRE-VERIFY（手册 一.1；附件2 一、二）');
  await expect(li.getByTestId('elig-open')).toContainText('由所在市教育考试机构决定');
  await expect(li.getByTestId('elig-contact')).toContainText('www.ahzsks.cn/gdjyzxks/contactus.htm');
});

test('persona 3: 合肥 护理 本科 using CET-4 — 需先完成事项; PDF keeps the 4-character rare name and every to-do', async ({ page, baseURL }) => {
  const all = recordRequests(page);
  // Requests the page itself makes (the service worker precaches everything separately).
  const urls: string[] = [];
  page.on('request', (r) => { if (!r.serviceWorker()) urls.push(r.url()); });
  await open(page);
  await walk(page, {
    name: '欧阳玥堃', level: '本科', city: '合肥市',
    prior: { kind: '已取得毕业证书', date: '2024-06-30', verify: '已完成（页面显示授权成功）' },
    english: '用大学英语四级或六级证书免考', nursing: true,
  });
  await expect(page.getByTestId('elig-status')).toHaveAttribute('data-status', 'todo');
  await expect(page.getByTestId('elig-status')).toContainText('需先完成事项');
  const list = await todos(page);
  expect(list[0]).toMatchObject({ code: 'hefei', rule: 'E-HEFEI' });
  const codes = list.map((i) => i.code);
  expect(codes).toEqual(expect.arrayContaining(['english-cet', 'nursing-appraisal-upload', 'remark']));
  expect(list.find((i) => i.code === 'english-cet')!.rule).toBe('E-EXEMPT');
  expect(list.find((i) => i.code === 'nursing-appraisal-upload')!.rule).toBe('E-NURSING');
  // Links to the upload checker from the to-dos that need an upload.
  await expect(page.locator('[data-code="english-cet"] a[href="#/uploads"]')).toBeVisible();

  // jsPDF and the font are not loaded by the page before the PDF is asked for.
  expect(urls.filter((u) => /\.ttf(\?|$)|jspdf/i.test(u))).toEqual([]);
  const pdf = await downloadPdf(page);
  expect(pdf.name).toBe('自考毕业申请自查清单-欧阳玥堃-2026-03-15.pdf');
  expect(urls.filter((u) => /NotoSansSC-GBK[^/]*\.ttf/.test(u)).length).toBe(1);
  expect(urls.filter((u) => /jspdf/i.test(u)).length).toBeGreaterThanOrEqual(1);
  for (const u of all) expect(isOwnOrigin(u, baseURL!), u).toBe(true);
  await expect(page.getByTestId('elig-image-chars')).toHaveCount(0);

  const { text, pages } = await extractPdfText(pdf.bytes);
  expect(pages).toBeGreaterThanOrEqual(1);
  const body = flat(text);
  expect(body).toContain('姓名：欧阳玥堃');
  expect(body).toContain('结论：需先完成事项');
  for (const i of list) {
    expect(body, i.code).toContain(flat(i.text));
    expect(body, i.code).toContain(i.rule);
  }
});

test('a character outside the font is drawn as an image and named; the rest stays text', async ({ page }) => {
  await open(page);
  await walk(page, { name: '刘䶮喆', level: '专科', city: '芜湖市' });
  const pdf = await downloadPdf(page);
  await expect(page.getByTestId('elig-image-chars')).toContainText('䶮');
  const { text, images } = await extractPdfText(pdf.bytes);
  expect(flat(text)).toContain('姓名：刘');
  expect(flat(text)).toContain('喆');
  expect(images).toBeGreaterThanOrEqual(1);
});

test('offline: once the service worker is installed, the PDF (jsPDF + font) is made without a network', async ({ page, context }) => {
  await open(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
  await context.setOffline(true);
  try {
    await page.reload();
    await walk(page, { name: '李昱琇', level: '专科', city: '宣城市' });
    const pdf = await downloadPdf(page);
    const { text } = await extractPdfText(pdf.bytes);
    expect(flat(text)).toContain('姓名：李昱琇');
  } finally {
    await context.setOffline(false);
  }
});

test('answers are saved only when 在本机保存 is ticked; kiosk mode never saves', async ({ page }) => {
  const key = 'zk-precheck:eligibility';
  await open(page);
  await radio(page, 'level', '本科').check();
  await page.getByLabel('在哪个市办理？').selectOption('铜陵市');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
  await page.reload();
  await expect(radio(page, 'level', '本科')).not.toBeChecked();

  await radio(page, 'level', '本科').check();
  await page.getByTestId('elig-save').check();
  await page.getByLabel('在哪个市办理？').selectOption('铜陵市');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toContain('铜陵市');
  await page.reload();
  await expect(radio(page, 'level', '本科')).toBeChecked();
  await expect(page.getByLabel('在哪个市办理？')).toHaveValue(/.+/);
  await expect(page.getByTestId('elig-save')).toBeChecked();
  await page.getByTestId('elig-save').uncheck();
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();

  await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ v: 1, answers: { level: 'both' }, name: 'x', verifySteps: [] })), key);
  await open(page, '?kiosk=1');
  await expect(page.getByTestId('elig-kiosk-nosave')).toBeVisible();
  await expect(page.getByTestId('elig-save')).toHaveCount(0);
  // A kiosk ignores anything saved earlier and writes nothing.
  await expect(radio(page, 'level', '本专科一并申请')).not.toBeChecked();
  await radio(page, 'level', '专科').check();
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toContain('"both"');
  // Nothing is left behind for the next person: no download, no clipboard; printing only.
  for (let i = 0; i < 3; i++) await next(page);
  await expect(page.getByTestId('elig-print')).toBeVisible();
  await expect(page.getByTestId('elig-pdf')).toHaveCount(0);
  await expect(page.getByTestId('elig-copy')).toHaveCount(0);
  await expect(page.getByTestId('elig-kiosk-export')).toContainText('打印');
});

test('guide: the 8 steps of 附件1, the 学信网 checklist of 附件2 and links to the tools', async ({ page }) => {
  await open(page);
  const guide = page.getByTestId('elig-guide');
  const steps = guide.locator('ol.flow > li .t');
  await expect(steps).toHaveText(['提交照片', '照片审核', '提交申请（已受理）', '市级初审', '会审', '教育部考试院审核', '学信网电子注册', '领证']);
  const boxes = guide.getByRole('checkbox');
  await expect(boxes).toHaveCount(7);
  await boxes.nth(0).check();
  await expect(guide).toContainText('(1 / 7)');
  for (const href of ['#/photo', '#/uploads', '#/form']) await expect(guide.locator(`a[href="${href}"]`).first()).toBeVisible();
  await guide.locator('a[href="#/photo"]').first().click();
  await expect(page).toHaveURL(/#\/photo$/);
});

test('axe: no serious violations; screenshots at 390×844 and 1366×768', async ({ page }) => {
  for (const [label, size] of [['mobile', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 768 }]] as const) {
    await page.setViewportSize(size);
    await open(page);
    await page.screenshot({ path: `${ART}/eligibility-start-${label}.png`, fullPage: false });
    await walk(page, {
      name: '欧阳玥堃', level: '本科', city: '合肥市',
      prior: { kind: '已取得毕业证书', date: '2024-06-30', verify: '还没做' },
      english: '用大学英语四级或六级证书免考', nursing: true,
    });
    await page.screenshot({ path: `${ART}/eligibility-result-${label}.png`, fullPage: true });
    const axe = await new AxeBuilder({ page }).include('[data-testid="elig-page"]').analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollW).toBeLessThanOrEqual(size.width);
  }
});

test('是否有工作单位 and 品德鉴定 合格 / 尚未办理 / 不合格: R-MORAL to-do, only 不合格 blocks (zh-CN, en, axe)', async ({ page }) => {
  await open(page);
  await walk(page, { name: '李娜', level: '专科', city: '芜湖市', employed: '是', moral: '尚未办理' });
  const status = page.getByTestId('elig-status');
  await expect(status).toHaveAttribute('data-status', 'todo');
  let list = await todos(page);
  expect(list.find((i) => i.code === 'moral-employer')).toMatchObject({ rule: 'R-MORAL', text: '请工作单位在毕业生登记表的品德鉴定栏如实填写，并加盖单位公章' });
  expect(list.find((i) => i.code === 'moral-pending')).toMatchObject({ rule: 'E-COURSES' });
  await expect(page.locator('[data-testid="elig-todo"][data-code="moral-employer"]')).toContainText('R-MORAL（手册 三.2）');
  const axe = await new AxeBuilder({ page }).include('[data-testid="elig-page"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // 不合格 is the only answer that blocks.
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await radio(page, 'moral', '不合格').check();
  await next(page);
  await next(page);
  await expect(status).toHaveAttribute('data-status', 'blocked');
  list = await todos(page);
  expect(list[0]).toMatchObject({ code: 'moral-open', rule: 'E-COURSES' });

  // Without an employer, who writes it is open: the tool says so and names the city agency.
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await radio(page, 'employed', '否').check();
  await radio(page, 'moral', '尚未办理').check();
  await next(page);
  await next(page);
  await expect(status).toHaveAttribute('data-status', 'todo');
  const li = page.locator('[data-testid="elig-todo"][data-code="moral-unemployed"]');
  await expect(li.getByTestId('elig-open')).toContainText('由所在市教育考试机构决定');

  // English: the new questions and answers are translated.
  await page.clock.setFixedTime(TODAY);
  await page.goto('about:blank');
  await page.goto('./?lang=en#/eligibility');
  await page.getByTestId('q-level').getByRole('radio', { name: 'Associate (专科)', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('q-employed')).toContainText('Do you have an employer?');
  await expect(page.getByTestId('q-employed')).toContainText('your employer writes the conduct appraisal truthfully and stamps it (R-MORAL)');
  for (const l of ['Passed', 'Not obtained yet', 'Failed']) await expect(page.getByTestId('q-moral').getByRole('radio', { name: l, exact: true })).toHaveCount(1);
  await page.getByTestId('q-employed').getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByTestId('q-moral').getByRole('radio', { name: 'Not obtained yet', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('[data-testid="elig-todo"][data-code="moral-employer"]')).toContainText('Ask your employer to write the conduct appraisal');
});
