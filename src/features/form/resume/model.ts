/**
 * Résumé (本人简历) of the 毕业生登记表 as pure data: entries with start/end month, place and role, month
 * arithmetic and parsing of the ways candidates type a month. Pure: no DOM, no clock (callers pass `today`).
 *
 * A month is stored as an integer `ym = year × 12 + (month − 1)` so that "the next month" is `ym + 1`.
 * NOTE: the paper form has no days, so nothing here looks at days.
 */

/** Months since year 0: `year * 12 + (month - 1)`. */
export type Ym = number;

/** The end written as 至今 ("up to now"). */
export const NOW = '至今';

/** Roles for periods without an employer (R-RESUME-IDLE). */
export const IDLE_ROLES: readonly string[] = ['待业', '自由职业'];
/** Roles offered in the role picker (free text is allowed too). */
export const COMMON_ROLES: readonly string[] = ['学生', '学习', '工作', '职员', '教师', '个体经营', '待业', '自由职业', '务农', '服役'];

/** Most entries the form has room for (R-RESUME-COUNT). */
export const MAX_ENTRIES = 5;

export interface ResumeEntry {
  /** Stable id for the UI (keys, focus); never shown. */
  id: string;
  /** Start month as typed, e.g. '2019.09', '2019-9', '2019年9月'. */
  start: string;
  /** End month as typed, or '至今'. */
  end: string;
  /** School or employer (may be empty for 待业 / 自由职业). */
  place: string;
  /** 学生 / 工作 / 待业 / 自由职业 … */
  role: string;
}

export function ym(year: number, month: number): Ym {
  return year * 12 + (month - 1);
}
export function ymYear(v: Ym): number {
  return Math.floor(v / 12);
}
export function ymMonth(v: Ym): number {
  return (v % 12) + 1;
}

/** The paper form's way: '2019.09'. */
export function formatYm(v: Ym): string {
  return `${ymYear(v)}.${String(ymMonth(v)).padStart(2, '0')}`;
}

const FULLWIDTH_DIGIT = /[０-９]/g;

/**
 * Parse a month as candidates type it: '2019.09', '2019.9', '2019-09', '2019/9', '2019年9月', '201909',
 * full-width digits too. Returns null for anything else (including months outside 1–12 and years outside
 * 1900–2199). '至今' is not a month: use `isNow`.
 */
export function parseYm(text: string): Ym | null {
  const s = text.trim().replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let m = /^(\d{4})\s*(?:[.\-/．。、]|年)\s*(\d{1,2})\s*月?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12) return null;
  return ym(y, mo);
}

/** '至今', '至今。', '现在', '今' → true. */
export function isNow(text: string): boolean {
  return /^(至今|现在|今|今天|目前)$/.test(text.trim());
}

export function isIdleRole(role: string): boolean {
  return IDLE_ROLES.includes(role.trim());
}

/**
 * What candidates type to mean "nothing" (R-RESUME-IDLE: a period is not left blank): 无, 空, -, /, 暂无, 等 and
 * their look-alikes. A role or place written so counts as not filled in.
 */
export const PLACEHOLDERS: readonly string[] = [
  '无', '空', '-', '/', '暂无', '等', '没有', '略', '—', '——', '－', '／', '\\', '、', '.', '。', '…', '……', '...',
  '无无', '暂缺', '待填', 'N/A', 'NA', 'n/a', 'na', 'none', 'null', 'x', 'X', '*', '?', '？',
];
const PLACEHOLDER_SET = new Set(PLACEHOLDERS);

/** True for a placeholder such as 无 or '-' (after trimming, also wrapped in brackets: （无）). */
export function isPlaceholder(text: string): boolean {
  const t = text.trim().replace(/^[（(【\[]\s*(.*?)\s*[）)】\]]$/u, '$1');
  return PLACEHOLDER_SET.has(t);
}

/** The field as written, or '' when it is empty or a placeholder. */
export function filled(text: string): string {
  return isPlaceholder(text) ? '' : text.trim();
}

/** Today's month from a calendar date (callers read the clock, not this module). */
export function ymOf(date: { year: number; month: number }): Ym {
  return ym(date.year, date.month);
}

let counter = 0;
/** A new id unique within this page session. */
export function newId(): string {
  counter += 1;
  return `r${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function emptyEntry(id = newId()): ResumeEntry {
  return { id, start: '', end: '', place: '', role: '' };
}

/** An entry is blank when the user has typed nothing in it. */
export function isBlank(e: ResumeEntry): boolean {
  return !e.start.trim() && !e.end.trim() && !e.place.trim() && !e.role.trim();
}
