/** 申请准备总览 as an A4 PDF (Chinese kept, see src/platform/pdf.ts); loaded only when the user asks for it. */
import type { Translate } from '../i18n/index.ts';
import { createPdfDocument, type PdfOptions } from '../platform/pdf.ts';
import { readinessLines, MANUAL_STEPS, type Readiness, type Level } from './readiness.ts';

const COLOUR: Record<Level, [number, number, number]> = {
  done: [23, 112, 58], todo: [138, 90, 0], problem: [179, 38, 30], empty: [70, 78, 88], working: [70, 78, 88],
};

export async function overviewPdf(r: Readiness, t: Translate, opts: { date: string } & Pick<PdfOptions, 'fontBytes' | 'rasterize'>): Promise<Blob> {
  const { date, ...pdfOpts } = opts;
  const doc = await createPdfDocument({ title: t('overview.title'), subject: t(`overview.overall.${r.overall}`), ...pdfOpts });
  doc.addHeading(t('overview.title'));
  doc.addText(t('overview.generated', { date }), { sizePt: 9.5, color: [90, 90, 90] });
  doc.addSpace(2);
  doc.addText(t(`overview.overall.${r.overall}`), { sizePt: 15, color: r.overall === 'ready' ? COLOUR.done : r.overall === 'blocked' ? COLOUR.problem : COLOUR.todo });
  for (const a of readinessLines(r, t)) {
    doc.addHeading(`${a.heading} — ${t(`overview.level.${a.level}`)}`, 2);
    for (const l of a.lines) doc.addText(l.text, { sizePt: 11, marker: `□`, color: COLOUR[l.level], gapAfterMm: 0.8 });
  }
  doc.addHeading(t('overview.steps'), 2);
  MANUAL_STEPS.forEach((s, i) => doc.addText(t(s.key), { sizePt: 10.5, marker: `${i + 1}.`, gapAfterMm: 0.8 }));
  doc.addSpace(3);
  doc.addRule();
  doc.addText(t('overview.note'), { sizePt: 9, color: [90, 90, 90] });
  return doc.save();
}
