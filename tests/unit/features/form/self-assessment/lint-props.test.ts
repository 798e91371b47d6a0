// Properties of the self-assessment lint over arbitrary text (fast-check).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lintSelfAssessment, applyAll, segments, LINT_KINDS } from '../../../../../src/features/form/self-assessment/index.ts';
import zh from '../../../../../src/i18n/zh-CN/form.ts';
import en from '../../../../../src/i18n/en/form.ts';

const ALPHABET = [...'我学习工作认真自已再接再励截止目前的地得做很好，。、；：？！“”‘’（）《》【】…—,.;:?!()"\' -－０１ａＡ1a\n　'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((a) => a.join(''));

describe('lint properties', () => {
  it('never throws; issues are in bounds, sorted, non-overlapping and describe the text they cover', () => {
    fc.assert(fc.property(text, (t) => {
      const issues = lintSelfAssessment(t);
      let reach = 0;
      for (const x of issues) {
        expect(x.start).toBeGreaterThanOrEqual(reach);
        expect(x.end).toBeGreaterThan(x.start);
        expect(x.end).toBeLessThanOrEqual(t.length);
        expect(t.slice(x.start, x.end)).toBe(x.found);
        expect(x.rule).toBe('R-SELF-TEXT');
        reach = x.end;
      }
      expect(segments(t, issues).map((s) => s.text).join('')).toBe(t);
    }), { numRuns: 500 });
  });

  it('“fix all” is idempotent and leaves nothing it could fix', () => {
    fc.assert(fc.property(text, (t) => {
      const once = applyAll(t, 10);
      expect(applyAll(once, 10)).toBe(once);
      expect(lintSelfAssessment(once).filter((x) => x.fix !== null)).toEqual([]);
    }), { numRuns: 500 });
  });

  it('every kind has a zh-CN and an English explanation', () => {
    for (const k of LINT_KINDS) {
      expect(zh[`form.self.kind.${k}`], k).toBeTruthy();
      expect(en[`form.self.kind.${k}`], k).toBeTruthy();
    }
  });
});
