// The checklist PDF in Node: the real bundled font, a stand-in rasterizer; read back with pdf.js.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../helpers/shared.ts';
import { evaluate, emptyAnswers, buildChecklist, type Answers } from '../../../../src/features/eligibility/index.ts';
import { translator } from '../../../../src/i18n/index.ts';
import { checklistPdf } from '../../../../src/features/eligibility/checklist-pdf.ts';
import { makeTestRasterizer } from '../../../unit/platform/test-raster.ts';
import { extractPdfText } from '../../../unit/platform/extract.ts';
// @ts-expect-error plain ESM build step without types
import { build, FONT_FILE } from '../../../../scripts/assets/30-fonts.mjs';

const TODAY = '2026-03-15';
let fontBytes: Uint8Array;
beforeAll(async () => {
  const outDir = join(REPO_ROOT, 'static', 'generated');
  await build({ root: REPO_ROOT, outDir, log: () => {} });
  fontBytes = new Uint8Array(readFileSync(join(outDir, 'fonts', FONT_FILE)));
});

describe('checklistPdf', () => {
  it('contains the rare-character name, the outcome and every to-do with its rule; many items paginate', async () => {
    // Nearly everything unanswered or wrong: the longest possible list.
    const a: Answers = { ...emptyAnswers(TODAY), level: 'benke', city: '合肥市', prior: 'have', priorDate: '2026-01-10', verify: 'cannot', transfer: 'yes', transferDate: '2015-12-31', tickets: 'not-merged', english: 'cet', math: 'substitute', nursing: true, photo: 'rejected', photoDate: '2024-01-01', degree: true };
    const r = evaluate(a, TODAY);
    const t = translator('zh-CN');
    const c = buildChecklist(r, a, t, { name: '司马赟喆', today: TODAY });
    const calls: string[] = [];
    const out = await checklistPdf(c, t, { fontBytes, rasterize: makeTestRasterizer(calls) });
    expect(out.blob.type).toBe('application/pdf');
    expect(out.imageCharacters).toEqual([]);
    expect(calls).toEqual([]);
    const { text, pages } = await extractPdfText(new Uint8Array(await out.blob.arrayBuffer()));
    let body = text.replace(/\s+/g, '');
    for (let p = 1; p <= pages; p++) body = body.replace(`${p}/${pages}`, '');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(body).toContain('姓名：司马赟喆');
    expect(body).toContain('结论：需先完成事项');
    const items = c.sections.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThanOrEqual(12);
    for (const i of items) {
      expect(body, i.code).toContain(`□${i.marker}${i.text}`.replace(/\s+/g, ''));
      expect(body, i.code).toContain(`依据：${i.rule}`.replace(/\s+/g, ''));
    }
  });
});
