/**
 * The résumé (and the self-assessment, when written) as an A4 PDF through the shared src/platform/pdf.ts
 * (Chinese font, characters the font lacks drawn as images so none is lost). Loaded on demand.
 */
import { createPdfDocument, type Rasterizer } from '../../platform/pdf.ts';
import type { Translate } from '../../i18n/index.ts';

export interface FormPdf {
  blob: Blob;
  imageCharacters: string[];
}

export async function formPdf(resumeText: string, selfText: string, t: Translate, opts: { fontBytes?: Uint8Array; rasterize?: Rasterizer } = {}): Promise<FormPdf> {
  const title = t('form.resume.pdf.title');
  const doc = await createPdfDocument({ title, ...opts });
  doc.addHeading(title);
  doc.addHeading(t('form.resume.heading'), 2);
  for (const line of resumeText.split('\n')) doc.addText(line, { sizePt: 12, gapAfterMm: 1.5 });
  if (selfText.trim()) {
    doc.addHeading(t('form.self.heading'), 2);
    doc.addText(selfText.trim(), { sizePt: 12, lineHeight: 1.6 });
  }
  doc.addSpace(6);
  doc.addRule();
  doc.addText(t('form.resume.pdf.note'), { sizePt: 9, color: [110, 110, 110] });
  return { blob: doc.save(), imageCharacters: doc.imageCharacters };
}
