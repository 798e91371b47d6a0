import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SHARED_DIR } from '../../../helpers/shared.ts';
import {
  evaluate, emptyAnswers, defaultSession, sessionDates, firstSessionFor, addYears, parseIso, applicable,
  RULE_IDS, TODO_CODES, migrateAnswers, type Answers, type Result,
} from '../../../../src/features/eligibility/index.ts';
import { translate } from '../../../../src/i18n/index.ts';

const TODAY = '2026-03-15';

/** A 专科 candidate in 芜湖 for whom everything is in order. */
function good(over: Partial<Answers> = {}): Answers {
  return {
    ...emptyAnswers(TODAY),
    level: 'zhuanke', half: 'H1', year: 2026, city: '芜湖市',
    identityOk: 'yes', tickets: 'one', transfer: 'no', duplicate: 'no', english: 'na', math: 'na',
    courses: 'yes', moral: 'pass', employed: 'no', photo: 'approved', photoDate: '2026-01-10',
    ...over,
  };
}
/** A 本科 candidate holding a verified diploma. */
function goodBenke(over: Partial<Answers> = {}): Answers {
  return good({ level: 'benke', prior: 'have', priorDate: '2025-06-30', verify: 'done', ...over });
}
const codes = (r: Result) => r.items.map((i) => i.code);
const item = (r: Result, code: string) => r.items.find((i) => i.code === code);

/** Table: answers → expected status, codes that must be present (with their rule) and absent. */
interface Row {
  name: string;
  a: Answers;
  today?: string;
  status: Result['status'];
  has?: [string, string][];
  not?: string[];
}

const rows: Row[] = [
  // Baselines
  { name: '专科, all in order', a: good(), status: 'ok', has: [['remark', 'E-REMARK']], not: ['hefei'] },
  { name: '本科, verified diploma', a: goodBenke(), status: 'ok' },
  // E-PRE-DIPLOMA and its boundary dates
  { name: 'H1 diploma dated 06-30 is in time', a: goodBenke({ priorDate: '2025-06-30' }), status: 'ok', not: ['diploma-late'] },
  { name: 'H1 diploma dated 2026-06-30 (same year) is in time', a: goodBenke({ prior: 'graduating', priorDate: '2026-06-30', schoolProof: 'yes', verify: 'todo' }), status: 'todo', not: ['diploma-late'], has: [['graduating-proof', 'E-PRE-GRADUATING']] },
  { name: 'H1 diploma dated 07-01 is late', a: goodBenke({ prior: 'graduating', priorDate: '2026-07-01', schoolProof: 'yes' }), status: 'blocked', has: [['diploma-late', 'E-PRE-DIPLOMA']], not: ['graduating-proof'] },
  { name: 'H2 diploma dated 12-30 is in time', a: goodBenke({ half: 'H2', priorDate: '2026-12-30' }), today: '2026-12-31', status: 'ok' },
  { name: 'H2 diploma dated 12-31 is late', a: goodBenke({ half: 'H2', prior: 'graduating', priorDate: '2026-12-31' }), status: 'blocked', has: [['diploma-late', 'E-PRE-DIPLOMA']] },
  { name: 'no prior diploma', a: goodBenke({ prior: 'none' }), status: 'blocked', has: [['diploma-none', 'E-PRE-DIPLOMA']] },
  { name: 'prior diploma not answered', a: goodBenke({ prior: null }), status: 'todo', has: [['prior-check', 'E-PRE-DIPLOMA']] },
  { name: 'diploma date missing', a: goodBenke({ priorDate: '' }), status: 'todo', has: [['diploma-date-missing', 'E-PRE-DIPLOMA']] },
  { name: 'diploma date malformed', a: goodBenke({ priorDate: '2025-02-30' }), status: 'todo', has: [['diploma-date-missing', 'E-PRE-DIPLOMA']] },
  { name: 'level not chosen', a: good({ level: null }), status: 'todo', has: [['level-check', 'E-PRE-DIPLOMA']] },
  // E-PRE-VERIFY
  { name: 'verification not done', a: goodBenke({ verify: 'todo' }), status: 'todo', has: [['verify-todo', 'E-PRE-VERIFY']] },
  { name: 'verification impossible, papers not handed in', a: goodBenke({ verify: 'cannot', verifyPapers: 'no' }), status: 'todo', has: [['verify-cannot', 'E-PRE-VERIFY']] },
  { name: 'verification impossible, papers handed in', a: goodBenke({ verify: 'cannot', verifyPapers: 'yes' }), status: 'ok', has: [['verify-papers-done', 'E-PRE-VERIFY']] },
  { name: 'verification not answered', a: goodBenke({ verify: null }), status: 'todo', has: [['verify-check', 'E-PRE-VERIFY']] },
  { name: '专科 needs no verification', a: good({ verify: 'todo' }), status: 'ok', not: ['verify-todo'] },
  // E-PRE-GRADUATING (exception 1)
  { name: 'exception 1 with school proof', a: goodBenke({ prior: 'graduating', priorDate: '2026-06-20', schoolProof: 'yes', verify: 'todo' }), status: 'todo', has: [['graduating-proof', 'E-PRE-GRADUATING'], ['graduating-verify', 'E-PRE-GRADUATING']], not: ['verify-todo'] },
  { name: 'exception 1 without school proof yet', a: goodBenke({ prior: 'graduating', priorDate: '2026-06-20', schoolProof: 'no', verify: 'todo' }), status: 'todo', has: [['graduating-proof', 'E-PRE-GRADUATING']] },
  // 下半年 graduating: the manual is silent (its exception is for 上半年): a to-do to ask the city agency, not blocked.
  { name: 'graduating H2, diploma expected 12-20: ask the city agency', a: goodBenke({ half: 'H2', prior: 'graduating', priorDate: '2026-12-20', verify: null }), status: 'todo', has: [['graduating-h2-ask', 'E-PRE-DIPLOMA']], not: ['diploma-late', 'graduating-proof', 'graduating-verify'] },
  { name: 'graduating H2, expected exactly 12-30 (boundary): ask', a: goodBenke({ half: 'H2', prior: 'graduating', priorDate: '2026-12-30', verify: null }), status: 'todo', has: [['graduating-h2-ask', 'E-PRE-DIPLOMA']], not: ['diploma-late'] },
  { name: 'graduating H2, expected 12-31 (one day late): blocked', a: goodBenke({ half: 'H2', prior: 'graduating', priorDate: '2026-12-31', verify: null }), status: 'blocked', has: [['diploma-late', 'E-PRE-DIPLOMA']], not: ['graduating-h2-ask'] },
  { name: 'graduating H2, no date yet: date first', a: goodBenke({ half: 'H2', prior: 'graduating', priorDate: '', verify: null }), status: 'todo', has: [['diploma-date-missing', 'E-PRE-DIPLOMA']], not: ['graduating-h2-ask'] },
  { name: 'H2 with the diploma in hand, dated 12-30: the normal path', a: goodBenke({ half: 'H2', prior: 'have', priorDate: '2026-12-30' }), today: '2026-12-31', status: 'ok', not: ['graduating-h2-ask'] },
  // E-PRE-BOTH (exception 2)
  { name: '本专科一并: no verification, order of submission', a: good({ level: 'both', verify: 'todo', prior: 'none' }), status: 'ok', has: [['both-order', 'E-PRE-BOTH']], not: ['verify-todo', 'diploma-none'] },
  { name: '本专科一并 still needs the other conditions', a: good({ level: 'both', courses: 'no' }), status: 'blocked', has: [['both-order', 'E-PRE-BOTH'], ['courses-open', 'E-COURSES']] },
  // E-PHOTO
  { name: 'photo not uploaded', a: good({ photo: 'none' }), status: 'todo', has: [['photo-upload', 'E-PHOTO']] },
  { name: 'photo rejected', a: good({ photo: 'rejected' }), status: 'todo', has: [['photo-reupload', 'E-PHOTO']] },
  { name: 'photo pending', a: good({ photo: 'pending' }), status: 'todo', has: [['photo-wait', 'E-PHOTO']] },
  { name: 'photo status unanswered', a: good({ photo: null }), status: 'todo', has: [['photo-check', 'E-PHOTO']] },
  { name: 'photo exactly one year old is recent', a: good({ photoDate: '2025-03-15' }), status: 'ok', not: ['photo-old'] },
  { name: 'photo one year and a day old', a: good({ photoDate: '2025-03-14' }), status: 'todo', has: [['photo-old', 'E-PHOTO']] },
  // E-TRANSFER: 2015-12-31 vs 2016-01-01
  { name: 'transfer on 2016-01-01 is archived', a: good({ transfer: 'yes', transferDate: '2016-01-01' }), status: 'ok', has: [['transfer-new', 'E-TRANSFER']] },
  { name: 'transfer on 2015-12-31 must be archived', a: good({ transfer: 'yes', transferDate: '2015-12-31' }), status: 'todo', has: [['transfer-old', 'E-TRANSFER']] },
  { name: 'old transfer already archived', a: good({ transfer: 'yes', transferDate: '2015-12-31', transferArchived: 'yes' }), status: 'ok', has: [['transfer-old-done', 'E-TRANSFER']] },
  { name: 'transfer without date', a: good({ transfer: 'yes' }), status: 'todo', has: [['transfer-date-missing', 'E-TRANSFER']] },
  { name: 'transfer unanswered', a: good({ transfer: 'unknown' }), status: 'todo', has: [['transfer-check', 'E-TRANSFER']] },
  // E-IDENTITY
  { name: 'identity wrong', a: good({ identityOk: 'no' }), status: 'todo', has: [['identity-fix', 'E-IDENTITY']] },
  { name: 'identity unchecked', a: good({ identityOk: 'unknown' }), status: 'todo', has: [['identity-check', 'E-IDENTITY']] },
  // E-HEFEI
  { name: '合肥市', a: good({ city: '合肥市' }), status: 'todo', has: [['hefei', 'E-HEFEI']] },
  // E-TICKET
  { name: 'several tickets not merged', a: good({ tickets: 'not-merged' }), status: 'todo', has: [['ticket-merge', 'E-TICKET']] },
  { name: 'several tickets merged', a: good({ tickets: 'merged' }), status: 'ok', has: [['ticket-merged', 'E-TICKET']] },
  { name: 'tickets unanswered', a: good({ tickets: null }), status: 'todo', has: [['ticket-check', 'E-TICKET']] },
  // E-DUPLICATE
  { name: 'already graduated in this major', a: good({ duplicate: 'yes' }), status: 'blocked', has: [['duplicate', 'E-DUPLICATE']] },
  { name: 'duplicate unanswered', a: good({ duplicate: 'unknown' }), status: 'todo', has: [['duplicate-check', 'E-DUPLICATE']] },
  // E-NURSING
  { name: 'nursing bachelor, appraisal ready', a: goodBenke({ nursing: true, nursingAppraisal: 'yes' }), status: 'ok', has: [['nursing-appraisal-upload', 'E-NURSING']] },
  { name: 'nursing bachelor, appraisal not ready', a: goodBenke({ nursing: true, nursingAppraisal: 'no' }), status: 'todo', has: [['nursing-appraisal-prepare', 'E-NURSING']] },
  { name: 'nursing ticked on a 专科 application asks nothing', a: good({ nursing: true }), status: 'ok', not: ['nursing-appraisal-prepare'] },
  // E-EXEMPT / E-SUBSTITUTE
  { name: 'CET exempts 13000', a: goodBenke({ english: 'cet' }), status: 'ok', has: [['english-cet', 'E-EXEMPT']] },
  { name: '13000 open without CET', a: goodBenke({ english: 'open' }), status: 'blocked', has: [['english-open', 'E-EXEMPT']] },
  { name: 'substitution for 00023', a: goodBenke({ math: 'substitute' }), status: 'ok', has: [['math-substitute', 'E-SUBSTITUTE']] },
  { name: '00023 open without substitution', a: goodBenke({ math: 'open' }), status: 'blocked', has: [['math-open', 'E-SUBSTITUTE']] },
  // E-COURSES (courses and 思想品德鉴定)
  { name: 'courses missing', a: good({ courses: 'no' }), status: 'blocked', has: [['courses-open', 'E-COURSES']] },
  { name: 'courses unchecked', a: good({ courses: 'unknown' }), status: 'todo', has: [['courses-check', 'E-COURSES']] },
  // 品德鉴定 合格 / 尚未办理 / 不合格: only 不合格 blocks. 是否有工作单位 → R-MORAL.
  { name: 'conduct appraisal failed (不合格): the only blocking answer', a: good({ moral: 'fail' }), status: 'blocked', has: [['moral-open', 'E-COURSES']] },
  { name: 'conduct appraisal failed, employed: blocked, no employer to-do', a: good({ moral: 'fail', employed: 'yes' }), status: 'blocked', has: [['moral-open', 'E-COURSES']], not: ['moral-employer'] },
  { name: 'conduct appraisal not obtained yet (尚未办理): a to-do', a: good({ moral: 'pending' }), status: 'todo', has: [['moral-pending', 'E-COURSES']], not: ['moral-open'] },
  { name: 'conduct appraisal unanswered', a: good({ moral: null }), status: 'todo', has: [['moral-check', 'E-COURSES']] },
  { name: 'employed, appraisal pending: employer writes and stamps it', a: good({ moral: 'pending', employed: 'yes' }), status: 'todo', has: [['moral-pending', 'E-COURSES'], ['moral-employer', 'R-MORAL']], not: ['moral-unemployed'] },
  { name: 'employed, appraisal unanswered: R-MORAL to-do too', a: good({ moral: null, employed: 'yes' }), status: 'todo', has: [['moral-check', 'E-COURSES'], ['moral-employer', 'R-MORAL']] },
  { name: 'employed, appraisal passed: a reminder to check the stamp, status ok', a: good({ employed: 'yes' }), status: 'ok', has: [['moral-employer-done', 'R-MORAL']], not: ['moral-employer'] },
  { name: 'not employed, appraisal pending: who writes it is open — the city agency decides', a: good({ moral: 'pending', employed: 'no' }), status: 'todo', has: [['moral-unemployed', 'R-MORAL']], not: ['moral-employer'] },
  { name: 'not employed, appraisal passed: nothing about employers', a: good({ employed: 'no' }), status: 'ok', not: ['moral-employer', 'moral-employer-done', 'moral-unemployed', 'employed-check'] },
  { name: 'employment unanswered: asked', a: good({ employed: 'unknown' }), status: 'todo', has: [['employed-check', 'R-MORAL']] },
  // E-DEGREE
  { name: 'degree wanted', a: goodBenke({ degree: true }), status: 'ok', has: [['degree', 'E-DEGREE']] },
];

describe('evaluate: table of every E-* rule, boundary and exception', () => {
  for (const row of rows) {
    it(row.name, () => {
      const r = evaluate(row.a, row.today ?? TODAY);
      expect(r.status, JSON.stringify(codes(r))).toBe(row.status);
      for (const [code, rule] of row.has ?? []) {
        expect(item(r, code), `${code} in ${codes(r)}`).toBeDefined();
        expect(item(r, code)!.rule).toBe(rule);
      }
      for (const code of row.not ?? []) expect(codes(r)).not.toContain(code);
    });
  }

  it('the table covers every E-* rule of RULES.md (and R-MORAL, which the wizard now asks about)', () => {
    const spec = readFileSync(join(SHARED_DIR, 'spec', 'RULES.md'), 'utf8');
    const specIds = [...new Set([...spec.matchAll(/\|\s*(E-[A-Z-]+|R-MORAL)\s*\|/g)].map((m) => m[1]))].sort();
    expect([...RULE_IDS].sort()).toEqual(specIds);
    const seen = new Set(rows.flatMap((row) => evaluate(row.a, row.today ?? TODAY).items.map((i) => i.rule)));
    for (const id of specIds) expect(seen.has(id as never), id).toBe(true);
  });
});

describe('dates', () => {
  it('deadlines are computed for any year, inclusive', () => {
    expect(sessionDates(2026, 'H1').diplomaDeadline).toBe('2026-06-30');
    expect(sessionDates(2031, 'H2').diplomaDeadline).toBe('2031-12-30');
    expect(sessionDates(2031, 'H1').graduatingVerifyBy).toBe('2031-06-30');
  });
  it('suggests the first session the diploma date meets', () => {
    expect(firstSessionFor('2026-07-05', 2026, 'H1')).toEqual({ year: 2026, half: 'H2' });
    expect(firstSessionFor('2026-12-31', 2026, 'H2')).toEqual({ year: 2027, half: 'H1' });
    expect(firstSessionFor('2027-08-01', 2026, 'H1')).toEqual({ year: 2027, half: 'H2' });
    const r = evaluate(goodBenke({ prior: 'graduating', priorDate: '2026-07-05' }), TODAY);
    expect(item(r, 'diploma-late')!.params).toMatchObject({ date: '2026-07-05', deadline: '2026-06-30', nextYear: 2026, nextHalf: 'H2', nextDeadline: '2026-12-30' });
  });
  it('defaults the session from today', () => {
    expect(defaultSession('2026-06-30')).toEqual({ half: 'H1', year: 2026 });
    expect(defaultSession('2026-07-01')).toEqual({ half: 'H2', year: 2026 });
    expect(defaultSession('2028-01-01')).toEqual({ half: 'H1', year: 2028 });
    expect(emptyAnswers('2029-11-02')).toMatchObject({ half: 'H2', year: 2029 });
  });
  it('parses only real calendar days; leap years', () => {
    expect(parseIso('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIso('2025-02-29')).toBeNull();
    expect(parseIso('2025-6-1')).toBeNull();
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2026-03-15', -1)).toBe('2025-03-15');
  });
  it('reports bad and future dates as input errors without losing them', () => {
    const a = good({ transfer: 'yes', transferDate: '2015/12/31', photoDate: '2027-01-01' });
    const r = evaluate(a, TODAY);
    expect(r.errors).toEqual(expect.arrayContaining([{ field: 'transferDate', code: 'date-invalid' }, { field: 'photoDate', code: 'date-future' }]));
    expect(a.transferDate).toBe('2015/12/31');
    expect(() => evaluate(a, 'yesterday')).toThrow(/YYYY-MM-DD/);
  });
  it('a held diploma cannot be dated in the future; an expected one can', () => {
    expect(evaluate(goodBenke({ priorDate: '2026-05-01' }), TODAY).errors).toEqual([{ field: 'priorDate', code: 'date-future' }]);
    expect(evaluate(goodBenke({ prior: 'graduating', priorDate: '2026-05-01', schoolProof: 'yes' }), TODAY).errors).toEqual([]);
  });
});

describe('applicable questions', () => {
  it('asks prior-diploma questions only for 本科; school proof only in the first half', () => {
    expect(applicable(good()).prior).toBe(false);
    expect(applicable(good({ level: 'both' })).prior).toBe(false);
    expect(applicable(goodBenke()).verify).toBe(true);
    expect(applicable(goodBenke({ prior: 'graduating' })).schoolProof).toBe(true);
    expect(applicable(goodBenke({ prior: 'graduating', half: 'H2' })).schoolProof).toBe(false);
    expect(applicable(good({ transfer: 'yes', transferDate: '2015-12-31' })).transferArchived).toBe(true);
    expect(applicable(good({ transfer: 'yes', transferDate: '2016-01-01' })).transferArchived).toBe(false);
  });
});

// Random answers: every conclusion carries a known rule ID and has text in both languages.
const answersArb = fc.record({
  level: fc.constantFrom(null, 'zhuanke', 'benke', 'both'),
  half: fc.constantFrom('H1', 'H2'),
  year: fc.integer({ min: 2020, max: 2040 }),
  city: fc.constantFrom(null, '合肥市', '芜湖市', '安庆市'),
  prior: fc.constantFrom(null, 'have', 'graduating', 'none'),
  priorDate: fc.oneof(fc.constant(''), fc.constant('bad'), fc.date({ min: new Date('2015-01-01'), max: new Date('2041-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
  verify: fc.constantFrom(null, 'done', 'todo', 'cannot'),
  verifyPapers: fc.constantFrom('yes', 'no', 'unknown'),
  schoolProof: fc.constantFrom('yes', 'no', 'unknown'),
  identityOk: fc.constantFrom('yes', 'no', 'unknown'),
  tickets: fc.constantFrom(null, 'one', 'merged', 'not-merged'),
  transfer: fc.constantFrom('yes', 'no', 'unknown'),
  transferDate: fc.constantFrom('', '2015-12-31', '2016-01-01', '2010-05-05', 'x'),
  transferArchived: fc.constantFrom('yes', 'no', 'unknown'),
  duplicate: fc.constantFrom('yes', 'no', 'unknown'),
  nursing: fc.boolean(),
  nursingAppraisal: fc.constantFrom('yes', 'no', 'unknown'),
  english: fc.constantFrom(null, 'na', 'passed', 'cet', 'open'),
  math: fc.constantFrom(null, 'na', 'passed', 'substitute', 'open'),
  courses: fc.constantFrom('yes', 'no', 'unknown'),
  moral: fc.constantFrom(null, 'pass', 'pending', 'fail'),
  employed: fc.constantFrom('yes', 'no', 'unknown'),
  photo: fc.constantFrom(null, 'approved', 'pending', 'rejected', 'none'),
  photoDate: fc.constantFrom('', '2025-03-14', '2025-03-15', '2030-01-01'),
  degree: fc.boolean(),
}) as fc.Arbitrary<Answers>;

describe('open decisions name who decides, with the contact page', () => {
  it('the 下半年 case cites E-PRE-DIPLOMA, E-PRE-VERIFY (and the H1-only exception) and the city agency', () => {
    const r = evaluate(goodBenke({ half: 'H2', prior: 'graduating', priorDate: '2026-12-30', verify: null }), TODAY);
    const i = item(r, 'graduating-h2-ask')!;
    expect(i).toMatchObject({ kind: 'before', rule: 'E-PRE-DIPLOMA', also: ['E-PRE-VERIFY', 'E-PRE-GRADUATING'], decides: 'city-agency' });
    expect(i.params).toMatchObject({ date: '2026-12-30', deadline: '2026-12-30' });
    expect(r.items.some((x) => x.kind === 'block')).toBe(false);
  });
  it('the no-employer appraisal names the city agency; the employed one is settled (no decides)', () => {
    expect(item(evaluate(good({ moral: 'pending', employed: 'no' }), TODAY), 'moral-unemployed')!.decides).toBe('city-agency');
    expect(item(evaluate(good({ moral: 'pending', employed: 'yes' }), TODAY), 'moral-employer')!.decides).toBeUndefined();
  });
  it('older saved answers: 是 → 合格, 否 and 不确定 asked again', () => {
    expect(migrateAnswers({ moral: 'yes' })).toMatchObject({ moral: 'pass', employed: 'unknown' });
    expect(migrateAnswers({ moral: 'no' }).moral).toBeNull();
    expect(migrateAnswers({ moral: 'unknown', employed: 'yes' })).toMatchObject({ moral: null, employed: 'yes' });
    expect(migrateAnswers({ moral: 'pending' }).moral).toBe('pending');
  });
});

describe('no conclusion without a rule ID', () => {
  it('every item and every status reason names an E-* rule of RULES.md, with text in zh-CN and English', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = evaluate(a, TODAY);
        for (const i of r.items) {
          expect(RULE_IDS).toContain(i.rule);
          for (const r2 of i.also ?? []) expect(RULE_IDS).toContain(r2);
          expect(TODO_CODES).toContain(i.code);
          for (const loc of ['zh-CN', 'en'] as const) {
            for (const key of [`eligibility.todo.${i.code}`, `eligibility.why.${i.code}`]) {
              const text = translate(loc, key, (i.params ?? {}) as Record<string, string | number>);
              expect(text).not.toBe(key);
            }
          }
        }
        if (r.status !== 'ok') expect(r.reasons.length).toBeGreaterThan(0);
        for (const id of r.reasons) expect(RULE_IDS).toContain(id);
        // status follows the kinds
        expect(r.status).toBe(r.items.some((i) => i.kind === 'block') ? 'blocked' : r.items.some((i) => i.kind === 'before') ? 'todo' : 'ok');
        // listed in kind order
        const order = ['block', 'before', 'during', 'after', 'info'];
        const ks = r.items.map((i) => order.indexOf(i.kind));
        expect(ks).toEqual([...ks].sort((x, y) => x - y));
      }),
      { numRuns: 400 },
    );
  });
});
