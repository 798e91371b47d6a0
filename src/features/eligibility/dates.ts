/**
 * Calendar dates as ISO strings 'YYYY-MM-DD' (local calendar days, no time zone), compared as strings.
 * Pure: the evaluator never reads the clock; callers pass `today`.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' of a real calendar day, or null (e.g. '2026-02-30', '2026-6-1', ''). */
export function parseIso(s: string | null | undefined): { y: number; m: number; d: number } | null {
  const m = ISO.exec((s ?? '').trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function isIsoDate(s: string | null | undefined): s is IsoDate {
  return parseIso(s) !== null;
}

export function daysInMonth(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same day `years` earlier/later; 29 Feb becomes 28 Feb in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const p = parseIso(date);
  if (!p) throw new RangeError(`addYears: '${date}' is not YYYY-MM-DD`);
  const y = p.y + years;
  return iso(y, p.m, Math.min(p.d, daysInMonth(y, p.m)));
}

/** Today's local calendar date of a JS Date (the only place a Date is read; UI code calls it). */
export function localIso(d: Date): IsoDate {
  return iso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
