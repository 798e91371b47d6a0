// The résumé PDF in Node: the real bundled font, a stand-in rasterizer; read back with pdf.js.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../helpers/shared.ts';
import { translator } from '../../../../src/i18n/index.ts';
import { formatResume, type ResumeEntry } from '../../../../src/features/form/resume/index.ts';
import { formPdf } from '../../../../src/features/form/form-pdf.ts';
import { makeTestRasterizer } from '../../../unit/platform/test-raster.ts';
import { extractPdfText } from '../../../unit/platform/extract.ts';
// @ts-expect-error plain ESM build step without types
import { build, FONT_FILE } from '../../../../scripts/assets/30-fonts.mjs';

let fontBytes: Uint8Array;
beforeAll(async () => {
  const outDir = join(REPO_ROOT, 'static', 'generated');
  await build({ root: REPO_ROOT, outDir, log: () => {} });
  fontBytes = new Uint8Array(readFileSync(join(outDir, 'fonts', FONT_FILE)));
});

const entries: ResumeEntry[] = [
  { id: 'a', start: '2019.09', end: '2022.06', place: '安徽某某职业技术学院', role: '学生' },
  { id: 'b', start: '2022.07', end: '2022.12', place: '', role: '待业' },
  { id: 'c', start: '2023.01', end: '至今', place: '张喆䶮工作室', role: '自由职业' },
];

describe('formPdf', () => {
  it('keeps every line and character; a character outside the font becomes an image and is named', async () => {
    const t = translator('zh-CN');
    const calls: string[] = [];
    const resume = formatResume(entries);
    const self = '自2019年9月参加自学考试以来，我始终坚持业余学习。';
    const out = await formPdf(resume, self, t, { fontBytes, rasterize: makeTestRasterizer(calls) });
    expect(out.blob.type).toBe('application/pdf');
    expect(out.imageCharacters).toEqual(['䶮']);
    const { text, images } = await extractPdfText(new Uint8Array(await out.blob.arrayBuffer()));
    const flat = text.replace(/\s+/g, '');
    expect(images).toBe(1);
    expect(flat).toContain('毕业生登记表填写稿');
    expect(flat).toContain('2019.09—2022.06安徽某某职业技术学院学生');
    expect(flat).toContain('2022.07—2022.12待业');
    expect(flat).toContain('2023.01—至今张喆'); // then 䶮 as a picture
    expect(flat).toContain('工作室自由职业');
    expect(flat).toContain(self);
  });
});
