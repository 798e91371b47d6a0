/**
 * Print sheet (issue 5): the fixed photo at its true print size (480 × 640 px at 300 dpi = 40.6 × 54.2 mm, the JPEG
 * embedded byte for byte) and the check summary, as a PDF made on this device with the shared pdf.ts.
 */
import type { PhotoReport } from './report-types.ts';
import type { Translate } from '../../i18n/index.ts';

const MM_PER_PX_300DPI = 25.4 / 300;

export async function buildPhotoSheet(report: PhotoReport, photo: Uint8Array | null, t: Translate): Promise<{ blob: Blob; imageCharacters: string[] }> {
  const { createPdfDocument } = await import('../../platform/pdf.ts');
  const doc = await createPdfDocument({ title: t('photoui.sheet.title') });
  doc.addHeading(t('photoui.sheet.title'), 1);
  doc.addText(t('photoui.sheet.generated', { date: new Date().toLocaleString('zh-CN') }), { sizePt: 8 });
  if (photo) {
    doc.addJpeg(photo, report.file.width * MM_PER_PX_300DPI, report.file.height * MM_PER_PX_300DPI, { caption: t('photoui.sheet.photo') });
  }
  doc.addText(t('photoui.file', { name: report.file.name, kb: (report.file.bytes / 1024).toFixed(1), width: report.file.width, height: report.file.height, mime: report.file.mime }));
  doc.addText(`${t(`photoui.verdict.${report.verdict}`)}`, { sizePt: 12 });
  const rows: string[][] = [[t('photoui.sheet.col.rule'), t('photoui.sheet.col.status'), t('photoui.finding.measured'), t('photoui.finding.expected'), t('photoui.sheet.col.note')]];
  for (const f of report.findings) {
    rows.push([f.rule, t(`photoui.group.${f.status}`), f.value === undefined ? '' : String(f.value), f.expected ?? '', f.message]);
  }
  doc.addTable(rows, { headerRows: 1, widthsMm: [30, 16, 28, 28, 72], sizePt: 8 });
  doc.addText(t('shell.footer'), { sizePt: 8 });
  return { blob: doc.save(), imageCharacters: doc.imageCharacters };
}
