/**
 * The report/embed boundary of the photo area: the pure core (features/photo) returns codes and numbers; here, and
 * only here, they become the sentences of a PhotoReport (zh-CN in the contract, English on request) and of a
 * refusal reason. Loads the photo dictionaries alone, so the photo worker bundles no other area's messages.
 */
import zhPhoto from './zh-CN/photo.ts';
import enPhoto from './en/photo.ts';
import { lookup, type Dictionaries, type Locale, type Params } from './core.ts';
import type { CodedFinding, CodedReport } from '../features/photo/report.ts';
import type { Finding, PhotoReport } from '../features/photo/report-types.ts';

const DICTS: Dictionaries = { 'zh-CN': zhPhoto, en: enPhoto };

export function photoMessage(locale: Locale, key: string, params?: Params): string {
  return lookup(DICTS, locale, key, params);
}

/**
 * The core's params hold codes only; a list of image sides (`sides: 'top,bottom'`) is worded here. A report carries
 * the sides in both languages — `sides` zh-CN ('上、下'), `sidesEn` English ('top, bottom') — as it always has, so
 * its params (and the embed message) stay what hosts already read, and the UI can re-word it in either language.
 */
function wordParams(params: Params): Params {
  if (typeof params.sides !== 'string') return params;
  const codes = params.sides.split(',');
  const { sides: _codes, ...rest } = params;
  return {
    sides: codes.map((c) => photoMessage('zh-CN', `photo.side.${c}`)).join('、'),
    sidesEn: codes.map((c) => photoMessage('en', `photo.side.${c}`)).join(', '),
    ...rest,
  };
}

export function wordFinding(f: CodedFinding, locale: Locale = 'zh-CN'): Finding {
  const params = wordParams(f.params);
  return {
    rule: f.rule,
    status: f.status,
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    message: photoMessage(locale, f.code, params),
    code: f.code,
    params,
    official: f.official,
  };
}

/** A coded report worded for the contract (zh-CN) or another language. */
export function wordReport(r: CodedReport, locale: Locale = 'zh-CN'): PhotoReport {
  return { ...r, findings: r.findings.map((f) => wordFinding(f, locale)) };
}

/** Re-render a report's messages in another language from the codes it carries (UI English). */
export function localizeFindings(report: PhotoReport, locale: Locale): Finding[] {
  return report.findings.map((f) => (f.code ? { ...f, message: photoMessage(locale, f.code, f.params) } : f));
}
