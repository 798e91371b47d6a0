/**
 * The personal checklist as an A4 PDF (Chinese, every character kept — see src/platform/pdf.ts).
 * jsPDF and the font are loaded only when the user asks for the PDF.
 */
import type { Translate } from '../../i18n/index.ts';
import type { Checklist } from './index.ts';
import { createPdfDocument, type PdfOptions } from '../../platform/pdf.ts';

export { downloadBlob } from '../../platform/pdf.ts';

export interface ChecklistPdf {
  blob: Blob;
  /** Characters the font lacks, drawn as pictures (tell the user). */
  imageCharacters: string[];
}

export async function checklistPdf(c: Checklist, t: Translate, opts: Pick<PdfOptions, 'fontBytes' | 'rasterize'> = {}): Promise<ChecklistPdf> {
  const doc = await createPdfDocument({ title: c.title, subject: c.status, ...opts });
  doc.addHeading(c.title);
  for (const m of c.meta) doc.addText(m, { sizePt: 11, gapAfterMm: 0.8 });
  doc.addSpace(2);
  doc.addRule();
  doc.addText(`${t('eligibility.export.status')}${c.status}`, { sizePt: 15, color: c.statusCode === 'ok' ? [23, 112, 58] : c.statusCode === 'todo' ? [138, 90, 0] : [179, 38, 30] });
  if (c.reasons) doc.addText(c.reasons, { sizePt: 10 });
  for (const s of c.sections) {
    doc.addHeading(s.heading, 2);
    for (const i of s.items) {
      doc.addText(i.text, { sizePt: 11.5, marker: `□ ${i.marker}`, gapAfterMm: 0.6 });
      const sub = { sizePt: 9.5, indentMm: 11, gapAfterMm: 0.4, color: [70, 78, 88] as [number, number, number] };
      doc.addText(`${t('eligibility.export.why')}${i.why}`, sub);
      if (i.deadline) doc.addText(`${t('eligibility.export.deadline')}${i.deadline}`, sub);
      if (i.open) doc.addText(`${t('eligibility.export.open')}${i.open}${i.contact ? ` ${i.contact}` : ''}`, sub);
      doc.addText(`${t('eligibility.export.basis')}${i.rule}`, { ...sub, gapAfterMm: 2.5 });
    }
  }
  doc.addSpace(3);
  doc.addRule();
  for (const n of c.notes) doc.addText(n, { sizePt: 9, color: [90, 90, 90] });
  const blob = doc.save();
  return { blob, imageCharacters: doc.imageCharacters };
}
