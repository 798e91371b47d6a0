/**
 * The résumé as the paper 毕业生登记表 wants it, one line per entry:
 * `2019.09—2022.06  安徽某某职业技术学院  学生` (months 'YYYY.MM', an em dash, 至今 for the present, two spaces
 * between columns). Months that are not understood are kept exactly as typed: nothing the user wrote is lost.
 */
import { type ResumeEntry, NOW, formatYm, isBlank, isNow, parseYm } from './model.ts';

export const DASH = '—';
export const COLUMN_GAP = '  ';

function month(text: string): string {
  if (isNow(text)) return NOW;
  const v = parseYm(text);
  return v === null ? text.trim() : formatYm(v);
}

/** One entry as a line of the form. */
export function formatEntry(e: ResumeEntry): string {
  const when = `${month(e.start)}${DASH}${month(e.end)}`;
  return [when, e.place.trim(), e.role.trim()].filter(Boolean).join(COLUMN_GAP);
}

/** All non-blank entries, one line each, in the order given. */
export function formatResume(entries: readonly ResumeEntry[]): string {
  return entries.filter((e) => !isBlank(e)).map(formatEntry).join('\n');
}
