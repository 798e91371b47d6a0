/**
 * Checks of the résumé timeline (RULES.md R-RESUME-*) and their one-click fixes. Pure: entries + today's month in,
 * findings with codes, entry indices and numbers out (no sentences: the UI words them via i18n 'form.resume.code.*').
 * A finding is the shared `RuleFinding` (src/lib/finding.ts) plus the entries it is about and its one-click fixes.
 *
 * Tolerance (ours, R-RESUME-CONTINUOUS): the next entry may start in the month the previous one ends or the month
 * after; starting two or more months later is a gap, starting before the previous one's end month is an overlap.
 * Fully blank rows (nothing typed yet) are skipped by every check and reported once as 'blank' (info).
 */
import {
  type ResumeEntry, type Ym, MAX_ENTRIES, NOW, filled, formatYm, isBlank, isIdleRole, isNow, isPlaceholder, newId, parseYm,
} from './model.ts';
import type { RuleFinding } from '../../../lib/finding.ts';

export type ResumeRule = 'R-RESUME-COUNT' | 'R-RESUME-ORDER' | 'R-RESUME-CONTINUOUS' | 'R-RESUME-CURRENT' | 'R-RESUME-IDLE';

export type ResumeCode =
  | 'empty'
  | 'blank'
  | 'count'
  | 'start-missing'
  | 'start-invalid'
  | 'end-missing'
  | 'end-invalid'
  | 'place-missing'
  | 'role-missing'
  | 'start-after-end'
  | 'future'
  | 'order'
  | 'gap'
  | 'overlap'
  | 'not-current';

export type ResumeFix =
  | { kind: 'sort' }
  | { kind: 'insert-idle'; after: number; start: Ym; end: Ym | 'now'; role: string }
  | { kind: 'set-end'; index: number; end: Ym | 'now' }
  | { kind: 'set-start'; index: number; start: Ym }
  | { kind: 'swap'; index: number }
  | { kind: 'merge'; index: number; with: number }
  | { kind: 'set-role'; index: number; role: string }
  | { kind: 'remove'; index: number };

export interface ResumeFinding extends RuleFinding<ResumeRule, ResumeCode> {
  /** 'fail' for a rule broken; 'info' for the note on blank rows (never counts against the résumé). */
  status: 'fail' | 'info';
  /** Indices into the entries array as given (0-based). */
  entries: number[];
  /** Numbers and month texts for the message (months as '2019.09'). */
  params: Record<string, string | number>;
  /** Fixes the user can apply with one click, best first (may be empty). */
  fixes: ResumeFix[];
}

const RULE: Record<ResumeCode, ResumeRule> = {
  empty: 'R-RESUME-CURRENT',
  blank: 'R-RESUME-COUNT',
  count: 'R-RESUME-COUNT',
  'start-missing': 'R-RESUME-CONTINUOUS',
  'start-invalid': 'R-RESUME-CONTINUOUS',
  'end-missing': 'R-RESUME-CONTINUOUS',
  'end-invalid': 'R-RESUME-CONTINUOUS',
  'place-missing': 'R-RESUME-IDLE',
  'role-missing': 'R-RESUME-IDLE',
  'start-after-end': 'R-RESUME-ORDER',
  future: 'R-RESUME-CURRENT',
  order: 'R-RESUME-ORDER',
  gap: 'R-RESUME-CONTINUOUS',
  overlap: 'R-RESUME-CONTINUOUS',
  'not-current': 'R-RESUME-CURRENT',
};

/**
 * Findings that rest on our tolerance, not on the manual's words: a gap or an overlap is decided with our ±1 month
 * (RULES.md R-RESUME-CONTINUOUS, "tolerance ours"); the blank-rows note is our advice. Every other rule is the form's.
 */
const OURS: ReadonlySet<ResumeCode> = new Set(['gap', 'overlap', 'blank']);

function finding(code: ResumeCode, entries: number[], params: ResumeFinding['params'] = {}, fixes: ResumeFix[] = []): ResumeFinding {
  return { code, rule: RULE[code], status: code === 'blank' ? 'info' : 'fail', official: !OURS.has(code), entries, params, fixes };
}

/** An entry with both months understood; `end` is today's month for 至今. */
export interface Span {
  index: number;
  start: Ym;
  end: Ym;
  endIsNow: boolean;
}

/** Months of an entry, or null when a month is missing or not understood. */
export function spanOf(e: ResumeEntry, index: number, today: Ym): Span | null {
  const start = parseYm(e.start);
  const endIsNow = isNow(e.end);
  const end = endIsNow ? today : parseYm(e.end);
  if (start === null || end === null) return null;
  return { index, start, end, endIsNow };
}

/** Length of an entry in months, both ends included (2019.09—2019.09 is 1 month). */
export function monthsOf(s: Span): number {
  return s.end - s.start + 1;
}

/**
 * Check the résumé. `today` is the current month (Ym). Findings come in a stable order: blank rows, count,
 * per-entry problems (fields, dates), then the timeline (order, gaps/overlaps, 至今).
 */
export function checkResume(entries: readonly ResumeEntry[], today: Ym): ResumeFinding[] {
  const out: ResumeFinding[] = [];
  const used = entries.map((e, i) => ({ e, i })).filter(({ e }) => !isBlank(e));
  const blanks = entries.map((e, i) => (isBlank(e) ? i : -1)).filter((i) => i >= 0);
  for (const i of blanks) out.push(finding('blank', [i], { n: i + 1 }, [{ kind: 'remove', index: i }]));
  if (used.length === 0) {
    out.push(finding('empty', []));
    return out;
  }

  // Per entry: fields and dates.
  const spans: Span[] = [];
  let allValid = true;
  for (const { e, i } of used) {
    const n = i + 1;
    const start = parseYm(e.start);
    const endIsNow = isNow(e.end);
    const end = endIsNow ? today : parseYm(e.end);
    if (!e.start.trim()) out.push(finding('start-missing', [i], { n }));
    else if (start === null) out.push(finding('start-invalid', [i], { n, text: e.start.trim() }));
    if (!e.end.trim()) out.push(finding('end-missing', [i], { n }, i === used[used.length - 1].i ? [{ kind: 'set-end', index: i, end: 'now' }] : []));
    else if (end === null) out.push(finding('end-invalid', [i], { n, text: e.end.trim() }));
    // A placeholder (无, -, /, 暂无 …) is not a role or a place: it counts as blank (param `text` says what was typed).
    const role = filled(e.role);
    const place = filled(e.place);
    const typed = (t: string): Record<string, string> => (isPlaceholder(t) ? { text: t.trim() } : {});
    if (!role) {
      // Nothing written for where or what: that period is idle — write 待业 (R-RESUME-IDLE).
      const fixes: ResumeFix[] = !place ? [{ kind: 'set-role', index: i, role: '待业' }, { kind: 'set-role', index: i, role: '自由职业' }] : [];
      out.push(finding('role-missing', [i], { n, ...typed(e.role) }, fixes));
    } else if (!place && !isIdleRole(role)) {
      out.push(finding('place-missing', [i], { n, role, ...typed(e.place) }));
    }
    if (start === null || end === null) {
      allValid = false;
      continue;
    }
    if (start > today) {
      out.push(finding('future', [i], { n, month: formatYm(start), today: formatYm(today) }, [{ kind: 'remove', index: i }]));
      allValid = false;
      continue;
    }
    if (!endIsNow && end > today) {
      out.push(finding('future', [i], { n, month: formatYm(end), today: formatYm(today) }, [{ kind: 'set-end', index: i, end: 'now' }]));
      allValid = false;
      continue;
    }
    if (start > end) {
      out.push(finding('start-after-end', [i], { n, start: formatYm(start), end: formatYm(end) }, endIsNow ? [] : [{ kind: 'swap', index: i }]));
      allValid = false;
      continue;
    }
    spans.push({ index: i, start, end, endIsNow });
  }

  if (used.length > MAX_ENTRIES) {
    const pair = bestMerge(entries, spans);
    out.push(finding('count', used.map((u) => u.i), { count: used.length, max: MAX_ENTRIES, extra: used.length - MAX_ENTRIES }, pair ? [{ kind: 'merge', index: pair[0], with: pair[1] }] : []));
  }

  // The timeline needs every month understood.
  if (!allValid) return out;

  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    if (b.start < a.start) {
      out.push(finding('order', [a.index, b.index], { a: a.index + 1, b: b.index + 1 }, [{ kind: 'sort' }]));
      break;
    }
  }

  // Continuity and 至今 are judged on the entries in time order (stable), so that every problem of the timeline is
  // reported at once even while ORDER fails; entry numbers stay those of the list as typed.
  spans.sort((x, y) => x.start - y.start || x.index - y.index);
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    const na = a.index + 1;
    const nb = b.index + 1;
    if (b.start > a.end + 1) {
      const from = a.end + 1;
      const to = b.start - 1;
      const fixes: ResumeFix[] = [{ kind: 'insert-idle', after: a.index, start: from, end: to, role: '待业' }];
      if (!a.endIsNow) fixes.push({ kind: 'set-end', index: a.index, end: to });
      out.push(finding('gap', [a.index, b.index], { a: na, b: nb, from: formatYm(from), to: formatYm(to), months: to - from + 1 }, fixes));
    } else if (b.start < a.end) {
      const months = a.end - b.start;
      const fixes: ResumeFix[] = [];
      if (b.start - 1 >= a.start) fixes.push({ kind: 'set-end', index: a.index, end: b.start - 1 });
      else if (!a.endIsNow && a.end + 1 <= b.end) fixes.push({ kind: 'set-start', index: b.index, start: a.end + 1 });
      out.push(finding('overlap', [a.index, b.index], { a: na, b: nb, from: formatYm(b.start), to: formatYm(a.end), months }, fixes));
    }
  }

  const last = spans[spans.length - 1];
  if (last && !last.endIsNow) {
    const fixes: ResumeFix[] = [];
    if (last.end + 1 < today) fixes.push({ kind: 'insert-idle', after: last.index, start: last.end + 1, end: 'now', role: '待业' });
    fixes.push({ kind: 'set-end', index: last.index, end: 'now' });
    out.push(finding('not-current', [last.index], { n: last.index + 1, end: formatYm(last.end), today: formatYm(today), months: today - last.end }, fixes));
  }
  return out;
}

/**
 * The adjacent pair (indices into `entries`) that is best merged when there are too many entries: the same
 * role, then both idle, then the same place, then the shortest pair.
 */
function bestMerge(entries: readonly ResumeEntry[], spans: Span[]): [number, number] | null {
  const idx = entries.map((e, i) => (isBlank(e) ? -1 : i)).filter((i) => i >= 0);
  if (idx.length < 2) return null;
  const len = (i: number) => {
    const s = spans.find((x) => x.index === i);
    return s ? monthsOf(s) : 1e6;
  };
  let best: [number, number] | null = null;
  let bestScore = Infinity;
  for (let k = 1; k < idx.length; k++) {
    const a = entries[idx[k - 1]];
    const b = entries[idx[k]];
    let score = len(idx[k - 1]) + len(idx[k]);
    if (filled(a.role) && filled(a.role) === filled(b.role)) score -= 3e6;
    else if (isIdleRole(a.role) && isIdleRole(b.role)) score -= 2e6;
    if (filled(a.place) && filled(a.place) === filled(b.place)) score -= 1e6;
    if (score < bestScore) {
      bestScore = score;
      best = [idx[k - 1], idx[k]];
    }
  }
  return best;
}

function endText(end: Ym | 'now'): string {
  return end === 'now' ? NOW : formatYm(end);
}

function joinDistinct(a: string, b: string): string {
  const x = filled(a);
  const y = filled(b);
  if (!x) return y;
  if (!y || x === y) return x;
  return `${x}、${y}`;
}

/** Sort by start month (stable); entries whose start is not understood go last, in their order. */
export function sortEntries(entries: readonly ResumeEntry[]): ResumeEntry[] {
  return entries
    .map((e, i) => ({ e, i, s: parseYm(e.start) }))
    .sort((x, y) => (x.s ?? Infinity) - (y.s ?? Infinity) || x.i - y.i)
    .map((x) => x.e);
}

/** Apply one fix; returns a new array (entries are copied when changed). Unknown indices leave it unchanged. */
export function applyResumeFix(entries: readonly ResumeEntry[], fix: ResumeFix, makeId: () => string = newId): ResumeEntry[] {
  const list = entries.map((e) => ({ ...e }));
  const at = (i: number) => (i >= 0 && i < list.length ? list[i] : null);
  switch (fix.kind) {
    case 'sort':
      return sortEntries(list);
    case 'insert-idle': {
      if (fix.after < -1 || fix.after >= list.length) return list;
      list.splice(fix.after + 1, 0, { id: makeId(), start: formatYm(fix.start), end: endText(fix.end), place: '', role: fix.role });
      return list;
    }
    case 'set-end': {
      const e = at(fix.index);
      if (e) e.end = endText(fix.end);
      return list;
    }
    case 'set-start': {
      const e = at(fix.index);
      if (e) e.start = formatYm(fix.start);
      return list;
    }
    case 'swap': {
      const e = at(fix.index);
      if (e) [e.start, e.end] = [e.end, e.start];
      return list;
    }
    case 'set-role': {
      const e = at(fix.index);
      if (e) e.role = fix.role;
      return list;
    }
    case 'remove':
      if (at(fix.index)) list.splice(fix.index, 1);
      return list;
    case 'merge': {
      const a = at(fix.index);
      const b = at(fix.with);
      if (!a || !b || fix.index === fix.with) return list;
      const [first, second] = (parseYm(a.start) ?? 0) <= (parseYm(b.start) ?? 0) ? [a, b] : [b, a];
      const merged: ResumeEntry = {
        id: first.id,
        start: first.start,
        end: second.end,
        place: joinDistinct(first.place, second.place),
        role: joinDistinct(first.role, second.role),
      };
      const lo = Math.min(fix.index, fix.with);
      const hi = Math.max(fix.index, fix.with);
      list.splice(hi, 1);
      list[lo] = merged;
      return list;
    }
  }
}

/** Numbers for a fix's button label (i18n 'form.resume.fix.<kind>'); entry numbers are 1-based. */
export function fixParams(fix: ResumeFix): Record<string, string | number> {
  switch (fix.kind) {
    case 'sort':
      return {};
    case 'insert-idle':
      return { role: fix.role, from: formatYm(fix.start), to: endText(fix.end), after: fix.after + 1 };
    case 'set-end':
      return { n: fix.index + 1, end: endText(fix.end) };
    case 'set-start':
      return { n: fix.index + 1, start: formatYm(fix.start) };
    case 'swap':
    case 'remove':
      return { n: fix.index + 1 };
    case 'set-role':
      return { n: fix.index + 1, role: fix.role };
    case 'merge':
      return { a: Math.min(fix.index, fix.with) + 1, b: Math.max(fix.index, fix.with) + 1 };
  }
}
