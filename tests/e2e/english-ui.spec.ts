/**
 * "No Chinese sentence reaches an English user" and "every number has its unit", on the built app in English
 * (?lang=en, and once through the 中文/English switch). Every area is walked through the states a user reaches
 * without special hardware; in each state the visible text (body.innerText, the document title, and the
 * aria-label / aria-description / title / placeholder / alt / aria-valuetext of visible elements, plus the options
 * of visible selects) must hold no CJK character outside the explicit allow-list below.
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR, readManifest } from '../helpers/shared.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;

/**
 * Chinese allowed in every English state, each for a reason:
 * - 中文: the language switch names the language it switches to, in that language (so a Chinese reader finds it).
 */
const ALWAYS = ['中文'];

/**
 * Names the English text quotes because the candidate must find exactly these words on the Chinese official
 * platform or in the Chinese manual (a translated label could not be matched there). Each is quoted next to an
 * English explanation, never as a sentence.
 */
const OFFICIAL = [
  '学信网', // CHSI, the national diploma database: the app and site are only called this
  '审核通过', '审核不通过', '已受理', // photo / application status labels shown by the platform
  '未通过课程处理', '免考', '替代课程', // menu and option names on the platform's application page
  '学历证书电子注册备案表', '学历认证报告', // the two official documents, by their printed titles
  '合肥市教育考试院', // the Hefei institute, by its official name (its notice must be searched for)
  '毕业申请照片上传', '毕业申请', '前置学历核验', // the platform's menu items
  '扫一扫', '学历查询', // the buttons / pages of the 学信网 app the candidate taps
  '专科', '本科', '专升本', '工本', // level / programme names printed on certificates and course lists
  '准考证号', '落款日期', '思想品德鉴定', '品德鉴定', '备注', '主考院校', '护理', '学位', // field names of the paper forms / platform
  '附件', // manual annexes are cited as 附件1/附件2 (the manual's own section names)
  '毕业生登记表', '本人简历', '自我鉴定', // the paper registration form's title and section titles
];

/**
 * The paper registration form is filled in Chinese whatever the UI language: the form helper shows the exact words
 * to write (至今 "to the present", the roles 待业 / 自由职业 / 学生 / 职员 it suggests, the placeholder 无 it clears).
 */
const FORM_WORDS = ['至今', '待业', '自由职业', '学生', '职员', '无'];

interface Leak { where: string; run: string; context: string }

/** Every piece of text a user sees or hears in the current state of `page`. */
async function visibleTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [{ where: 'title', text: document.title }, { where: 'body', text: document.body.innerText }];
    const attrs = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const tag = el.tagName.toLowerCase() + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '');
      for (const a of attrs) {
        const v = el.getAttribute(a);
        if (v) out.push({ where: `${tag}@${a}`, text: v });
      }
      if (el instanceof HTMLSelectElement) for (const o of el.options) out.push({ where: `${tag} option`, text: o.text });
      if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) out.push({ where: `${tag}@value`, text: el.value });
    }
    return out;
  });
}

/**
 * CJK runs in the visible text that are neither an allowed word (the whole run, exactly) nor part of what the
 * user typed (`typed`: a finding may quote any stretch of it).
 */
async function leaks(page: Page, words: string[] = [], typed: string[] = []): Promise<Leak[]> {
  const ok = new Set([...ALWAYS, ...OFFICIAL, ...words]);
  const found: Leak[] = [];
  for (const { where, text } of await visibleTexts(page)) {
    for (const m of text.matchAll(CJK)) {
      if (ok.has(m[0]) || typed.some((s) => s.includes(m[0]))) continue;
      found.push({ where, run: m[0], context: text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40).replace(/\s+/g, ' ') });
    }
  }
  return found;
}

async function expectEnglish(page: Page, state: string, words: string[] = [], typed: string[] = []) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Folded sections (the photo page folds notes and passed findings) are opened so their text is checked too.
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  const l = await leaks(page, words, typed);
  expect(l.map((x) => `${x.where}: 「${x.run}」 in “${x.context}”`), `${state}: Chinese in the English UI`).toEqual([]);
}

/** A measured value shown with a rule whose requirement has a unit carries that unit too (P-GEO-* px, P-POSE-LEVEL °…). */
async function expectFindingUnits(page: Page, state: string) {
  const rows = await page.locator('.finding').evaluateAll((els) => els.map((li) => ({
    rule: (li as HTMLElement).dataset.rule ?? '',
    nums: [...li.querySelectorAll('.nums span')].map((s) => (s as HTMLElement).innerText),
  })));
  expect(rows.length, `${state}: findings shown`).toBeGreaterThan(0);
  const bad: string[] = [];
  const unitOf = (s: string) => /(px|dpi|bit|KB|MB|B|bytes?|°|%|months?)\b|°/u.exec(s)?.[0];
  for (const r of rows) {
    const [measured, expected] = r.nums.length === 2 ? r.nums : [r.nums.find((n) => /^Measured/.test(n)), r.nums.find((n) => /^Required|^Expected/.test(n))];
    // A date (P-IMG-RECENT: when the photo was taken) is its own unit.
    if (!measured || !expected || !/\d/.test(measured) || /\d{4}-\d{2}-\d{2}/.test(measured)) continue;
    const u = unitOf(expected);
    if (u && !measured.includes(u.trim())) bad.push(`${r.rule}: “${measured}” has no unit (requirement “${expected}”)`);
  }
  expect(bad, `${state}: measured values without their unit`).toEqual([]);
}

/** Numbers on an upload card are sizes, pixels or counts: each is followed by its unit. */
async function expectCardUnits(card: Locator, name: string) {
  const text = (await card.innerText()).replaceAll(name, ' ').replace(/\bU-[A-Z-]+\b/g, ' ');
  const UNIT = String.raw`(?:\s*(?:×|x)\s*\d[\d,.]*)?\s*(?:px|KB|MB|B\b|bytes?|pages?|dpi|%|MP|s\b|megapixels?)`;
  // JPEG quality is a dimensionless 1–100 scale: it is named ("quality 90") instead of carrying a unit.
  const bare = [...text.matchAll(/\d[\d,.]*/g)].filter((m) => !new RegExp('^' + UNIT).test(text.slice(m.index! + m[0].length))
    && !/×\s*$/.test(text.slice(0, m.index!)) && !/quality\s*$/i.test(text.slice(0, m.index!)));
  expect(bare.map((m) => `“${text.slice(Math.max(0, m.index! - 30), m.index! + 30).replace(/\s+/g, ' ')}”`), `${name}: numbers without a unit`).toEqual([]);
}

const photo = (f: string) => join(PHOTOS_DIR, f);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const RANDOM_BYTES = Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(rand() * 256)));
/** A PDF the photo check must refuse (a real, minimal one-page PDF). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

async function choosePhoto(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.locator('[data-area="photo"] input[type=file]').first().setInputFiles(file);
}

test('photo: report, fix, a photo that cannot be fixed, bad files — all English, measured values with units', async ({ page }) => {
  test.setTimeout(420_000);
  await page.goto('./?lang=en#/photo');
  await expectEnglish(page, 'photo start');

  await choosePhoto(page, photo('a_cn-man-grey-suit.jpg'));
  const banner = page.locator('[data-verdict]').first();
  await expect(banner).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-rule="P-FMT-SIZE"]').first()).toBeAttached();
  await expectEnglish(page, 'photo report');
  await expectFindingUnits(page, 'photo report');

  await page.getByRole('button', { name: 'Fix automatically' }).click();
  await expect(page.getByRole('link', { name: /Download the fixed photo/ })).toBeVisible({ timeout: 180_000 });
  await expectEnglish(page, 'photo fixed');
  await expectFindingUnits(page, 'photo fixed');
  // The files offered for download are named in English too.
  const [jpg] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the fixed photo/ }).click()]);
  const [sheet] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /Download the check sheet/ }).click()]);
  for (const name of [jpg.suggestedFilename(), sheet.suggestedFilename()]) expect(name, 'download name').not.toMatch(CJK);
  expect(sheet.suggestedFilename()).toMatch(/\.pdf$/);

  // Category D, no face: the check fails and the fix is refused with a reason.
  const noFace = readManifest().find((r) => r.category === 'D' && r.faces === 0)!;
  await choosePhoto(page, photo(noFace.file));
  await expect(page.locator(`[data-rule="P-FACE-ONE"][data-status="fail"]`).first()).toBeVisible({ timeout: 120_000 });
  await expectEnglish(page, `photo ${noFace.file}`);
  const fix = page.getByRole('button', { name: 'Fix automatically' });
  if ((await fix.count()) > 0 && (await fix.isEnabled())) {
    await fix.click();
    await expect(page.getByText(/Cannot fix automatically/)).toBeVisible({ timeout: 120_000 });
  }
  await expectEnglish(page, `photo ${noFace.file} fix refused`);

  // Category C, a face the tool cannot place: fix attempted.
  await choosePhoto(page, photo('c_face-cut-left.jpg'));
  await expect(page.locator('[data-rule="P-FACE-ONE"]').first()).toBeAttached({ timeout: 120_000 });
  await expectEnglish(page, 'photo c_face-cut-left.jpg');
  if ((await fix.count()) > 0 && (await fix.isEnabled())) {
    await fix.click();
    await expect(page.getByText(/Cannot fix automatically|cannot be fixed automatically; please take a new one/).first().or(page.getByRole('link', { name: /Download the fixed photo/ }))).toBeVisible({ timeout: 180_000 });
    await expectEnglish(page, 'photo c_face-cut-left.jpg after fix');
  }

  // Bad files: random bytes named .jpg, and a PDF.
  await choosePhoto(page, { name: 'random.jpg', mimeType: 'image/jpeg', buffer: RANDOM_BYTES });
  await expect(page.locator('[data-rule="P-FMT-JPEG"][data-status="fail"]').or(page.getByText(/Cannot check this file/)).first()).toBeVisible({ timeout: 60_000 });
  await expectEnglish(page, 'photo random.jpg');
  await choosePhoto(page, { name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.locator('[data-rule="P-FMT-JPEG"][data-status="fail"]').or(page.getByText(/Cannot check this file/)).first()).toBeVisible({ timeout: 60_000 });
  await expectEnglish(page, 'photo scan.pdf');
});

test('photo batch: a few photos, one broken — all English', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./?lang=en#/photo');
  await page.getByText('Batch review (exam-office staff)').click();
  await expectEnglish(page, 'batch start');
  const files = ['a_woman-blue-bg.jpg', 'c_face-cut-left.jpg', 'd_landscape.jpg'].map(photo);
  await page.locator('.batch input[type=file]').setInputFiles([...files.map((f) => ({ name: f.split('/').pop()!, mimeType: 'image/jpeg', buffer: readFileSync(f) })), { name: 'random.jpg', mimeType: 'image/jpeg', buffer: RANDOM_BYTES }]);
  await expect(page.locator('.batch [role=status]')).toHaveText('4 of 4 processed', { timeout: 240_000 });
  await expectEnglish(page, 'batch done');
  await page.locator('tr[data-file="a_woman-blue-bg.jpg"]').getByRole('button', { name: 'a_woman-blue-bg.jpg' }).click();
  await expect(page.locator('.batch .finding').first()).toBeVisible();
  await expectEnglish(page, 'batch row shown');
});

test('uploads: a PNG converted, a bad file — English, card numbers with units', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./?lang=en#/uploads');
  await expect(page.getByRole('heading', { level: 2, name: 'Other uploads: check and convert' })).toBeVisible();
  await expectEnglish(page, 'uploads start');
  await page.getByTestId('check-input').setInputFiles([
    { name: 'certificate.png', mimeType: 'image/png', buffer: readFileSync(photo('a_cn-man-blue-studio.png')) },
    { name: 'broken.jpg', mimeType: 'image/jpeg', buffer: RANDOM_BYTES },
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: RANDOM_BYTES },
  ]);
  const card = (name: string) => page.getByTestId('upload-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
  for (const n of ['certificate.png', 'broken.jpg', 'notes.pdf']) await expect(card(n)).toHaveAttribute('data-outcome', /.+/, { timeout: 120_000 });
  await expect(card('certificate.png').getByTestId('download')).toBeVisible({ timeout: 120_000 });
  await expectEnglish(page, 'uploads cards');
  for (const n of ['certificate.png', 'broken.jpg', 'notes.pdf']) await expectCardUnits(card(n), n);
});

test('eligibility: walk the wizard to a result — all English', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-03-15T10:00:00'));
  await page.goto('./?lang=en#/eligibility');
  await expectEnglish(page, 'eligibility start');
  await page.locator('#elig-city, [data-testid="q-city"] select').first().selectOption({ index: 1 }).catch(() => {});
  for (let step = 0; step < 8 && !(await page.getByTestId('elig-result').isVisible()); step++) {
    // Answer every open question with its first option, every empty date with a plausible one.
    for (const g of await page.locator('[data-testid^="q-"]:visible').all()) {
      const radios = g.getByRole('radio');
      if ((await radios.count()) && !(await g.locator('input[type=radio]:checked').count())) await radios.first().check();
    }
    for (const d of await page.locator('input[type=date]:visible').all()) if (!(await d.inputValue())) await d.fill('2024-06-30');
    for (const s of await page.locator('select:visible').all()) if (!(await s.inputValue())) await s.selectOption({ index: 1 });
    await expectEnglish(page, `eligibility step ${step + 1}`);
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByTestId('elig-result')).toBeVisible();
  await expectEnglish(page, 'eligibility result');
});

const SELF_WITH_ERRORS = '自2019年9月参加自学考试以来,我始终坚持业余学习。工作中我按步就班，从不拖延。。我会继续努力，不断提高自已的水平，争取再接再励。';
const SELF_FIXES = ['按部就班', '自己', '再接再厉'];
const TYPED = ['安徽某某职业技术学院', '学生', '合肥某某科技有限公司', '职员', SELF_WITH_ERRORS];

test('form: résumé with a gap, self-assessment with errors — English apart from what the candidate typed', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-03-15T10:00:00'));
  await page.goto('./?lang=en#/form');
  await expectEnglish(page, 'form start', FORM_WORDS);
  const fill = async (i: number, start: string, end: string, place: string, role: string) => {
    const e = page.getByTestId('form-entry').nth(i);
    await e.getByLabel('Start month').fill(start);
    await e.getByLabel('End month').fill(end);
    await e.getByLabel('School or employer').fill(place);
    await e.getByLabel('Role').fill(role);
  };
  await fill(0, '2015.09', '2018.06', '安徽某某职业技术学院', '学生');
  await page.getByRole('button', { name: /Add an entry/ }).click();
  await fill(1, '2019.03', '2022.06', '合肥某某科技有限公司', '职员');
  await expect(page.getByTestId('form-finding').first()).toBeVisible();
  // What the candidate typed, the paper form's own words, and the corrections offered for their Chinese text.
  const words = [...FORM_WORDS, ...SELF_FIXES];
  await expectEnglish(page, 'form résumé with a gap', words, TYPED);
  await page.getByLabel('Full self-assessment (you can paste it)').fill(SELF_WITH_ERRORS);
  await expect(page.getByTestId('form-self-issue').first()).toBeVisible();
  await expectEnglish(page, 'form self-assessment with errors', words, TYPED);
});

test('kiosk: English start screen and idle warning', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./?kiosk=1&lang=en&idle=10#/photo');
  await expectEnglish(page, 'kiosk start');
  // The warning appears after the idle time minus the warning window; waiting for it is not a timing assertion.
  await expect(page.getByTestId('kiosk-countdown')).toBeVisible({ timeout: 60_000 });
  await expectEnglish(page, 'kiosk idle warning');
  // Any key dismisses it (pointer events do too, which is why the button is pressed with the keyboard; it has focus).
  await expect(page.getByRole('button', { name: 'Keep using' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kiosk-countdown')).toHaveCount(0);
});

test('embed page and the 中文/English switch', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./embed.html?lang=en');
  await expect(page.locator('input[type=file]').first()).toBeAttached();
  await expectEnglish(page, 'embed start');
  await page.locator('input[type=file]').first().setInputFiles(photo('a_woman-blue-bg.jpg'));
  await expect(page.locator('[data-verdict]').first()).toBeVisible({ timeout: 120_000 });
  await expectEnglish(page, 'embed report');
  await expectFindingUnits(page, 'embed report');

  // The switch: Chinese by default, one click to English, every area then English.
  await page.goto('./#/photo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const sw = page.getByRole('button', { name: '切换到英文界面' });
  await expect(sw).toHaveText('English');
  await sw.click();
  await expect(page.getByRole('button', { name: 'Switch to Chinese' })).toHaveText('中文');
  for (const r of ['Photo', 'Other uploads', 'Eligibility', 'Registration form']) {
    await page.getByRole('navigation').getByRole('link', { name: r }).click();
    await expectEnglish(page, `switched to English: ${r}`, r === 'Registration form' ? FORM_WORDS : []);
  }
});
