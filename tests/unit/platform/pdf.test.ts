import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/shared.ts';
import { parseCmap, splitRuns, breakLines, missingCharacters, createPdfDocument } from '../../../src/platform/pdf.ts';
import { makeTestRasterizer } from './test-raster.ts';
import { extractPdfText } from './extract.ts';
// @ts-expect-error plain ESM build step without types
import { build, gbkCharacters, FONT_FILE } from '../../../scripts/assets/30-fonts.mjs';

const OUT = join(REPO_ROOT, 'static', 'generated');
let font: Uint8Array;
let covered: Set<number>;

beforeAll(async () => {
  await build({ root: REPO_ROOT, outDir: OUT, log: () => {} }); // skips when current
  font = new Uint8Array(readFileSync(join(OUT, 'fonts', FONT_FILE)));
  covered = parseCmap(font);
});

describe('generated font', () => {
  it('is TrueType (glyf), not CFF, and has its OFL licence beside it', () => {
    expect(new DataView(font.buffer, font.byteOffset).getUint32(0)).toBe(0x00010000);
    const licence = readFileSync(join(OUT, 'fonts', 'OFL.txt'), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(licence).toContain(FONT_FILE);
  });

  it('the build step skips when its output is current', async () => {
    const logs: string[] = [];
    await build({ root: REPO_ROOT, outDir: OUT, log: (m: string) => logs.push(m) });
    expect(logs.join('\n')).toMatch(/is current \(\d+ bytes\), skipped/);
  });

  it('covers ASCII, CJK punctuation, rare name characters and every GBK hanzi', () => {
    for (let c = 0x20; c <= 0x7e; c++) expect(covered.has(c), String.fromCharCode(c)).toBe(true);
    for (const ch of '，。、；：？！（）《》「」【】“”—…·〇') expect(covered.has(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '喆堃赟玥昱琇') expect(covered.has(ch.codePointAt(0)!), ch).toBe(true);
    const han = [...(gbkCharacters() as Set<string>)].filter((c) => /\p{Script=Han}/u.test(c));
    expect(han.length).toBeGreaterThanOrEqual(20900);
    const lacking = han.filter((c) => !covered.has(c.codePointAt(0)!));
    expect(lacking).toEqual([]);
  });

  it('lacks characters outside GBK (e.g. 䶮 U+4DAE, 𠀀 U+20000, emoji) — they must go to images', () => {
    expect(covered.has(0x4dae)).toBe(false);
    expect(covered.has(0x20000)).toBe(false);
    expect(covered.has(0x1f600)).toBe(false);
  });
});

describe('parseCmap', () => {
  it('rejects bytes that are not a font', () => {
    expect(() => parseCmap(new Uint8Array(4))).toThrow(/too short/);
    expect(() => parseCmap(new TextEncoder().encode('%PDF-1.7 not a font at all'))).toThrow(/not a TrueType/);
  });
});

describe('splitRuns / missingCharacters', () => {
  it('splits covered and missing runs, keeping every character', () => {
    const text = '刘䶮和张喆😀ok';
    const runs = splitRuns(text, covered);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs).toEqual([
      { text: '刘', inFont: true },
      { text: '䶮', inFont: false },
      { text: '和张喆', inFont: true },
      { text: '😀', inFont: false },
      { text: 'ok', inFont: true },
    ]);
    expect(missingCharacters(text, covered)).toEqual(['䶮', '😀']);
    expect(missingCharacters('张喆 堃 赟 玥', covered)).toEqual([]);
  });

  it('keeps a variation selector with its base in the image run', () => {
    const runs = splitRuns('A☺\ufe0fB', covered);
    expect(runs.map((r) => r.text).join('')).toBe('A☺\ufe0fB');
    const img = runs.find((r) => !r.inFont)!;
    expect(img.text.endsWith('\ufe0f')).toBe(true);
  });
});

describe('breakLines', () => {
  const w = (s: string) => [...s].length; // one unit per character
  it('breaks CJK anywhere, never starts a line with closing punctuation, keeps words', () => {
    expect(breakLines('一二三四五六七', 3, w)).toEqual(['一二三', '四五六', '七']);
    expect(breakLines('一二三，四五', 3, w)).toEqual(['一二三，', '四五']);
    expect(breakLines('ab cd efgh', 5, w)).toEqual(['ab cd', 'efgh']);
    expect(breakLines('abcdefghij', 4, w)).toEqual(['abcd', 'efgh', 'ij']);
    expect(breakLines('', 4, w)).toEqual(['']);
  });
  it('loses no character on long mixed input', () => {
    const text = '申请人张喆（准考证号 012345678901）须在 2026-06-30 前完成学信网授权，逾期视为放弃。'.repeat(5);
    const lines = breakLines(text, 17, w);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const l of lines) expect(w(l)).toBeLessThanOrEqual(19);
  });
});

describe('createPdfDocument', () => {
  it('writes Chinese text that pdf.js extracts exactly, draws missing characters as images and says which', async () => {
    const calls: string[] = [];
    const doc = await createPdfDocument({ title: '测试清单', fontBytes: font, rasterize: makeTestRasterizer(calls) });
    doc.addHeading('毕业申请自查清单');
    doc.addText('姓名：欧阳玥堃');
    doc.addText('同学：张喆、王赟、李昱琇、刘䶮');
    doc.addText('待办事项', { marker: '1.' });
    const long = '考生本人下载注册学信网APP，并使用该程序按要求进行授权认证，直至认证通过。'.repeat(90);
    doc.addText(long);
    const bytes = doc.bytes();
    if (process.env.PDF_DUMP) (await import('node:fs')).writeFileSync(process.env.PDF_DUMP, bytes);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(doc.save().type).toBe('application/pdf');
    expect(doc.imageCharacters).toEqual(['䶮']);
    expect(calls).toContain('䶮');
    const { text, pages, images } = await extractPdfText(bytes);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('毕业申请自查清单');
    expect(flat).toContain('姓名：欧阳玥堃');
    expect(flat).toContain('同学：张喆、王赟、李昱琇、刘');
    expect(flat).toContain('1.待办事项');
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) expect(flat).toContain(`${p}/${pages}`);
    // The paragraph runs across pages unbroken once the footers are taken out.
    let body = flat;
    for (let p = 1; p <= pages; p++) body = body.replace(`${p}/${pages}`, '');
    expect(body).toContain(long.replace(/\s/g, ''));
    expect(images).toBeGreaterThanOrEqual(1);
    expect(() => doc.addText('late')).toThrow(/already saved/);
  });
});

describe('addTable', () => {
  it('wraps cells, repeats the header on a new page and keeps every cell text', async () => {
    const doc = await createPdfDocument({ fontBytes: font, rasterize: makeTestRasterizer() });
    const rows = [['起止年月', '单位及职务', '证明人']];
    for (let i = 0; i < 40; i++) rows.push([`20${String(10 + (i % 10)).padStart(2, '0')}-09 至 至今`, `安徽省某某县第${i + 1}中学教师，兼任班主任和教研组长，负责语文教学`, `张喆${i}`]);
    doc.addTable(rows, { headerRows: 1, widthsMm: [40, 100, 34] });
    if (process.env.PDF_DUMP) (await import('node:fs')).writeFileSync(`${process.env.PDF_DUMP}.table.pdf`, doc.bytes());
    const { text, pages } = await extractPdfText(doc.bytes());
    const flat = text.replace(/\s+/g, '');
    expect(pages).toBeGreaterThanOrEqual(2);
    // The header appears once per page.
    expect(flat.split('起止年月单位及职务证明人').length - 1).toBe(pages);
    for (const r of rows.slice(1)) {
      expect(flat).toContain(r[1].replace(/\s+/g, ''));
      expect(flat).toContain(r[2]);
    }
  });
});
