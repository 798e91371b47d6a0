// Properties of the résumé checks over random timelines (fast-check).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkResume, applyResumeFix, formatYm, ym, MAX_ENTRIES, type ResumeEntry,
} from '../../../../../src/features/form/resume/index.ts';
import zh from '../../../../../src/i18n/zh-CN/form.ts';
import en from '../../../../../src/i18n/en/form.ts';

const TODAY = ym(2026, 3);
const FROM = ym(2005, 1);

/** A continuous timeline: each entry starts in the month the previous ends (delta 0) or the month after (1). */
const continuous = fc
  .array(fc.record({ len: fc.integer({ min: 1, max: 30 }), delta: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: MAX_ENTRIES })
  .map((parts) => {
    let at = FROM;
    return parts.map((p, i): ResumeEntry => {
      const start = i === 0 ? at : at + p.delta;
      const end = start + p.len - 1;
      at = end;
      return { id: `e${i}`, start: formatYm(start), end: i === parts.length - 1 ? '至今' : formatYm(end), place: `单位${i}`, role: '职员' };
    });
  });

/** Any timeline: random months (some swapped, some in the future), random count up to 7. */
const anyTimeline = fc
  .array(fc.record({ s: fc.integer({ min: FROM, max: TODAY + 6 }), e: fc.integer({ min: FROM, max: TODAY + 6 }), now: fc.boolean(), idle: fc.boolean() }), { minLength: 1, maxLength: 7 })
  .map((xs) => xs.map((x, i): ResumeEntry => ({ id: `e${i}`, start: formatYm(x.s), end: x.now ? '至今' : formatYm(x.e), place: x.idle ? '' : `单位${i}`, role: x.idle ? '待业' : '职员' })));

describe('résumé properties', () => {
  it('every continuous timeline (same month or next month) of ≤ 5 entries up to 至今 passes', () => {
    fc.assert(fc.property(continuous, (list) => {
      const last = list[list.length - 1];
      if (ym(Number(last.start.slice(0, 4)), Number(last.start.slice(5))) > TODAY) return; // starts in the future
      expect(checkResume(list, TODAY)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('applying the first offered fix again and again always ends without failures, in ≤ 20 steps, never throwing', () => {
    fc.assert(fc.property(anyTimeline, (start) => {
      let list = start;
      for (let step = 0; step < 20; step++) {
        const f = checkResume(list, TODAY).find((x) => x.status === 'fail' && x.fixes.length > 0);
        if (!f) break;
        list = applyResumeFix(list, f.fixes[0]);
      }
      const left = checkResume(list, TODAY).filter((x) => x.status === 'fail');
      // Whatever is left has no automatic fix (the user must decide), and no place text was invented.
      expect(left.every((x) => x.fixes.length === 0)).toBe(true);
      for (const e of list) for (const part of e.place.split('、').filter(Boolean)) expect(start.some((s) => s.place === part)).toBe(true);
    }), { numRuns: 300 });
  });

  it('every finding code and fix kind has a zh-CN and an English message', () => {
    const codes = ['empty', 'blank', 'count', 'start-missing', 'start-invalid', 'end-missing', 'end-invalid', 'place-missing', 'role-missing', 'start-after-end', 'future', 'order', 'gap', 'overlap', 'not-current'];
    const fixes = ['sort', 'insert-idle', 'set-end', 'set-start', 'swap', 'merge', 'set-role', 'remove'];
    for (const k of [...codes.map((c) => `form.resume.code.${c}`), ...fixes.map((f) => `form.resume.fix.${f}`)]) {
      expect(zh[k], k).toBeTruthy();
      expect(en[k], k).toBeTruthy();
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
});
