/** The report as the worker hands it over: the core's coded report worded at the boundary (src/i18n/photo.ts). */
import { codeReport, type BuildReportInput } from '../../../../src/features/photo/report.ts';
import { wordReport, localizeFindings } from '../../../../src/i18n/photo.ts';
import type { Locale } from '../../../../src/i18n/core.ts';
import type { PhotoReport } from '../../../../src/features/photo/report-types.ts';

export function buildReport(input: BuildReportInput & { locale?: Locale }): PhotoReport {
  return wordReport(codeReport(input), input.locale ?? 'zh-CN');
}
export { localizeFindings };
