/**
 * 一键整理: every SAFE fix of the résumé in one step (R-RESUME-*), as a pure function that also lists what it did,
 * so the UI can show before/after and undo. Safe means it only writes what the timeline already implies:
 *  1. empty rows go; months are written the paper way (2019.9 → 2019.09, 现在 → 至今);
 *  2. placeholders (无, -, / …) are cleared; a period with neither role nor place becomes 待业 (R-RESUME-IDLE);
 *  3. entries are sorted by start month (R-RESUME-ORDER);
 *  4. gaps are filled with 待业 — an adjacent 待业 entry is extended instead of adding one (R-RESUME-CONTINUOUS);
 *  5. the timeline is brought up to now (R-RESUME-CURRENT): a missing end of the last entry and the end of a last
 *     待业/自由职业 entry become 至今; an entry that ended in the past is followed by 待业 …—至今 (its end month is
 *     kept: that is a fact the tool cannot know better); an entry ending this month is set to 至今;
 *  6. while there are more than five entries (R-RESUME-COUNT), the best adjacent pair is merged (same role, both
 *     idle, same place, then the shortest pair).
 * Not done (only the user knows): overlaps, start after end, future months, months not understood, missing places.
 * Steps 4–5 need every month understood; they are skipped otherwise (and the step list says so).
 */
import { applyResumeFix, checkResume, sortEntries } from './check.ts';
import {
  type ResumeEntry, type Ym, MAX_ENTRIES, NOW, filled, formatYm, isBlank, isIdleRole, isNow, isPlaceholder, newId, parseYm,
} from './model.ts';

export type TidyStep =
  | { code: 'removed-blank'; count: number }
  | { code: 'months'; count: number }
  | { code: 'placeholder'; count: number }
  | { code: 'idle-role'; count: number }
  | { code: 'sorted' }
  | { code: 'gap-filled'; from: string; to: string }
  | { code: 'idle-extended'; from: string; to: string }
  | { code: 'set-now'; n: number }
  | { code: 'idle-to-now'; from: string }
  | { code: 'merged'; a: number; b: number }
  | { code: 'timeline-skipped' };

export interface TidyResult {
  entries: ResumeEntry[];
  steps: TidyStep[];
  /** True when anything changed. */
  changed: boolean;
}

const IDLE = '待业';

function month(text: string): string {
  if (isNow(text)) return NOW;
  const v = parseYm(text);
  return v === null ? text : formatYm(v);
}

export function tidyResume(input: readonly ResumeEntry[], today: Ym, makeId: () => string = newId): TidyResult {
  const steps: TidyStep[] = [];
  let list = input.map((e) => ({ ...e }));

  // 1. empty rows, month spelling.
  const before = list.length;
  list = list.filter((e) => !isBlank(e));
  if (list.length < before) steps.push({ code: 'removed-blank', count: before - list.length });
  let months = 0;
  for (const e of list) {
    const s = month(e.start.trim());
    const t = month(e.end.trim());
    if (s !== e.start || t !== e.end) months++;
    e.start = s;
    e.end = t;
  }
  if (months) steps.push({ code: 'months', count: months });

  // 2. placeholders and idle periods.
  let placeholders = 0;
  let idle = 0;
  for (const e of list) {
    if (isPlaceholder(e.place) || isPlaceholder(e.role)) placeholders++;
    e.place = filled(e.place);
    e.role = filled(e.role);
    if (!e.role && !e.place) {
      e.role = IDLE;
      idle++;
    }
  }
  if (placeholders) steps.push({ code: 'placeholder', count: placeholders });
  if (idle) steps.push({ code: 'idle-role', count: idle });

  // 3. time order.
  const sorted = sortEntries(list);
  if (sorted.some((e, i) => e !== list[i])) steps.push({ code: 'sorted' });
  list = sorted;

  // 4–5 need every month understood (the last entry may lack an end: it becomes 至今).
  const understood = list.every((e, i) => parseYm(e.start) !== null && (isNow(e.end) || parseYm(e.end) !== null || (i === list.length - 1 && !e.end.trim())));
  if (list.length && understood) {
    const last = list[list.length - 1];
    if (!last.end.trim()) {
      last.end = NOW;
      steps.push({ code: 'set-now', n: list.length });
    }
    // 4. gaps (between consecutive entries in time order; the tolerance of check.ts: next month is continuous).
    const filledList: ResumeEntry[] = [];
    for (let k = 0; k < list.length; k++) {
      const e = list[k];
      const prev = filledList[filledList.length - 1];
      if (prev && !isNow(prev.end)) {
        const prevEnd = parseYm(prev.end)!;
        const start = parseYm(e.start)!;
        if (start > prevEnd + 1) {
          const from = formatYm(prevEnd + 1);
          const to = formatYm(start - 1);
          if (isIdleRole(prev.role) && !filled(prev.place)) {
            prev.end = to;
            steps.push({ code: 'idle-extended', from, to });
          } else if (isIdleRole(e.role) && !filled(e.place)) {
            e.start = from;
            steps.push({ code: 'idle-extended', from, to });
          } else {
            filledList.push({ id: makeId(), start: from, end: to, place: '', role: IDLE });
            steps.push({ code: 'gap-filled', from, to });
          }
        }
      }
      filledList.push(e);
    }
    list = filledList;
    // 5. up to now.
    const tail = list[list.length - 1];
    if (!isNow(tail.end)) {
      const end = parseYm(tail.end)!;
      if (end <= today) {
        if (isIdleRole(tail.role) || end === today) {
          tail.end = NOW;
          steps.push({ code: 'set-now', n: list.length });
        } else {
          list.push({ id: makeId(), start: formatYm(end + 1), end: NOW, place: '', role: IDLE });
          steps.push({ code: 'idle-to-now', from: formatYm(end + 1) });
        }
      }
    }
  } else if (list.length) steps.push({ code: 'timeline-skipped' });

  // 6. at most five entries.
  for (let guard = 0; list.length > MAX_ENTRIES && guard < 50; guard++) {
    const count = checkResume(list, today).find((f) => f.code === 'count');
    const merge = count?.fixes.find((f) => f.kind === 'merge');
    if (!merge || merge.kind !== 'merge') break;
    steps.push({ code: 'merged', a: Math.min(merge.index, merge.with) + 1, b: Math.max(merge.index, merge.with) + 1 });
    list = applyResumeFix(list, merge, makeId);
  }

  const changed = list.length !== input.length || list.some((e, i) => {
    const o = input[i];
    return e.id !== o.id || e.start !== o.start || e.end !== o.end || e.place !== o.place || e.role !== o.role;
  });
  return { entries: list, steps: changed ? steps : [], changed };
}
