import { describe, it, expect } from 'vitest';
import {
  checkResume, applyResumeFix, formatResume, formatEntry, parseYm, ym, formatYm, isNow, sortEntries,
  type ResumeEntry, type ResumeFinding,
} from '../../../../../src/features/form/resume/index.ts';
import { worstStatus } from '../../../../../src/lib/finding.ts';

const TODAY = ym(2026, 3);
let n = 0;
const e = (start: string, end: string, place = '某单位', role = '工作'): ResumeEntry => ({ id: `t${n++}`, start, end, place, role });
const codes = (f: ResumeFinding[]) => f.map((x) => x.code);
const ids = () => `new${n++}`;

describe('parseYm', () => {
  it.each([
    ['2019.09', ym(2019, 9)], ['2019.9', ym(2019, 9)], ['2019-09', ym(2019, 9)], ['2019/9', ym(2019, 9)],
    ['2019年9月', ym(2019, 9)], ['2019年09', ym(2019, 9)], ['201909', ym(2019, 9)], ['２０１９．０９', ym(2019, 9)],
    [' 2020.12 ', ym(2020, 12)], ['2020.1', ym(2020, 1)],
  ])('%s → a month', (text, want) => expect(parseYm(text)).toBe(want));
  it.each(['', '2019', '2019.13', '2019.00', '19.09', '1899.01', 'abc', '2019.09.01', '至今'])('%s → null', (text) => expect(parseYm(text)).toBeNull());
  it('formats back the paper way', () => expect(formatYm(ym(2019, 9))).toBe('2019.09'));
  it('至今 and its variants', () => {
    for (const t of ['至今', ' 至今 ', '现在', '目前']) expect(isNow(t)).toBe(true);
    expect(isNow('2026.03')).toBe(false);
  });
});

describe('R-RESUME-CONTINUOUS tolerance (same month / next month / two-month gap / overlap)', () => {
  const cases: Array<[string, string, string[]]> = [
    ['next starts in the month the previous ends', '2022.06', []],
    ['next starts the month after', '2022.07', []],
    ['next starts two months after (1-month gap)', '2022.08', ['gap']],
    ['next starts a year after', '2023.07', ['gap']],
    ['next starts one month before the previous ends (overlap)', '2022.05', ['overlap']],
  ];
  it.each(cases)('%s', (_name, nextStart, want) => {
    const f = checkResume([e('2019.09', '2022.06', '安徽某某职业技术学院', '学生'), e(nextStart, '至今')], TODAY);
    expect(codes(f)).toEqual(want);
    for (const x of f) expect(x.rule).toBe('R-RESUME-CONTINUOUS');
  });

  it('gap reports the missing months and offers 待业 insertion or extension', () => {
    const list = [e('2019.09', '2022.06', '学院', '学生'), e('2022.10', '至今')];
    const [gap] = checkResume(list, TODAY);
    expect(gap).toMatchObject({ code: 'gap', entries: [0, 1], params: { from: '2022.07', to: '2022.09', months: 3 } });
    const inserted = applyResumeFix(list, gap.fixes[0], ids);
    expect(formatResume(inserted)).toBe('2019.09—2022.06  学院  学生\n2022.07—2022.09  待业\n2022.10—至今  某单位  工作');
    expect(checkResume(inserted, TODAY)).toEqual([]);
    const extended = applyResumeFix(list, gap.fixes[1], ids);
    expect(extended[0].end).toBe('2022.09');
    expect(checkResume(extended, TODAY)).toEqual([]);
  });

  it('overlap fix ends the earlier entry the month before the next begins', () => {
    const list = [e('2019.09', '2022.06'), e('2021.01', '至今')];
    const [ov] = checkResume(list, TODAY);
    expect(ov).toMatchObject({ code: 'overlap', params: { from: '2021.01', to: '2022.06', months: 17 } });
    const fixed = applyResumeFix(list, ov.fixes[0]);
    expect(fixed[0].end).toBe('2020.12');
    expect(checkResume(fixed, TODAY)).toEqual([]);
  });

  it('an earlier entry that says 至今 overlaps the next one', () => {
    const f = checkResume([e('2019.09', '至今'), e('2023.01', '至今')], TODAY);
    expect(codes(f)).toEqual(['overlap']);
    const fixed = applyResumeFix([e('2019.09', '至今'), e('2023.01', '至今')], f[0].fixes[0]);
    expect(fixed[0].end).toBe('2022.12');
  });
});

describe('R-RESUME-COUNT: exactly 5 / 6 entries', () => {
  const five = () => [
    e('2015.09', '2018.06', '某中学', '学生'), e('2018.07', '2019.02', '', '待业'), e('2019.03', '2021.06', '甲公司', '职员'),
    e('2021.07', '2023.12', '乙公司', '职员'), e('2024.01', '至今', '丙公司', '职员'),
  ];
  it('5 entries pass', () => expect(checkResume(five(), TODAY)).toEqual([]));
  it('6 entries fail and the merge fix brings it back to 5, merging the shortest same-role pair', () => {
    const six = [...five().slice(0, 4), e('2024.01', '2024.12', '丙公司', '职员'), e('2025.01', '至今', '丁公司', '经理')];
    const f = checkResume(six, TODAY);
    expect(codes(f)).toEqual(['count']);
    expect(f[0]).toMatchObject({ rule: 'R-RESUME-COUNT', params: { count: 6, max: 5, extra: 1 } });
    const fix = f[0].fixes[0];
    expect(fix).toEqual({ kind: 'merge', index: 3, with: 4 });
    const merged = applyResumeFix(six, fix);
    expect(merged).toHaveLength(5);
    expect(formatEntry(merged[3])).toBe('2021.07—2024.12  乙公司、丙公司  职员');
    expect(checkResume(merged, TODAY)).toEqual([]);
  });
  it('blank rows do not count', () => {
    const list = [...five(), e('', '', '', '')];
    expect(codes(checkResume(list, TODAY))).toEqual(['blank']);
  });
});

describe('R-RESUME-ORDER', () => {
  it('out of order → sort fix, then clean', () => {
    const list = [e('2022.07', '至今'), e('2019.09', '2022.06', '学院', '学生')];
    const f = checkResume(list, TODAY);
    expect(codes(f)).toEqual(['order']);
    expect(f[0].rule).toBe('R-RESUME-ORDER');
    const sorted = applyResumeFix(list, f[0].fixes[0]);
    expect(sorted.map((x) => x.start)).toEqual(['2019.09', '2022.07']);
    expect(checkResume(sorted, TODAY)).toEqual([]);
  });
  it('start after end → swap fix', () => {
    const list = [e('2022.06', '2019.09', '学院', '学生'), e('2022.07', '至今')];
    const f = checkResume(list, TODAY);
    expect(codes(f)).toEqual(['start-after-end']);
    expect(checkResume(applyResumeFix(list, f[0].fixes[0]), TODAY)).toEqual([]);
  });
  it('sort is stable and puts unknown starts last', () => {
    const list = [e('x', '至今'), e('2020.01', '2020.05'), e('2019.01', '2019.12')];
    expect(sortEntries(list).map((x) => x.start)).toEqual(['2019.01', '2020.01', 'x']);
  });
});

describe('R-RESUME-CURRENT', () => {
  it('last entry ending last month: set to 至今', () => {
    const list = [e('2019.09', '2026.02')];
    const f = checkResume(list, TODAY);
    expect(codes(f)).toEqual(['not-current']);
    expect(f[0].fixes.map((x) => x.kind)).toEqual(['set-end']);
    expect(checkResume(applyResumeFix(list, f[0].fixes[0]), TODAY)).toEqual([]);
  });
  it('last entry ended long ago: offer 待业 up to now first', () => {
    const list = [e('2019.09', '2022.06', '学院', '学生')];
    const f = checkResume(list, TODAY);
    expect(f[0]).toMatchObject({ code: 'not-current', params: { end: '2022.06', today: '2026.03', months: 45 } });
    const fixed = applyResumeFix(list, f[0].fixes[0], ids);
    expect(formatResume(fixed)).toBe('2019.09—2022.06  学院  学生\n2022.07—至今  待业');
    expect(checkResume(fixed, TODAY)).toEqual([]);
  });
  it('this month written as a month is still not 至今', () => {
    expect(codes(checkResume([e('2019.09', '2026.03')], TODAY))).toEqual(['not-current']);
  });
  it('future dates: end next month (→ 至今), start next month (→ remove)', () => {
    const a = checkResume([e('2019.09', '2026.04')], TODAY);
    expect(codes(a)).toEqual(['future']);
    expect(a[0].fixes[0]).toEqual({ kind: 'set-end', index: 0, end: 'now' });
    const b = checkResume([e('2019.09', '至今'), e('2026.04', '至今')], TODAY);
    expect(codes(b)).toEqual(['future']);
    expect(b[0].entries).toEqual([1]);
    expect(checkResume(applyResumeFix([e('2019.09', '至今'), e('2026.04', '至今')], b[0].fixes[0]), TODAY)).toEqual([]);
  });
  it('start in the current month is not future', () => expect(checkResume([e('2026.03', '至今')], TODAY)).toEqual([]));
  it('no entries → empty', () => expect(codes(checkResume([], TODAY))).toEqual(['empty']));
});

describe('empty and bad fields (R-RESUME-IDLE, R-RESUME-CONTINUOUS)', () => {
  it.each<[string, ResumeEntry, string]>([
    ['start missing', e('', '至今'), 'start-missing'],
    ['start not a month', e('2019.13', '至今'), 'start-invalid'],
    ['end missing', e('2019.09', ''), 'end-missing'],
    ['end not a month', e('2019.09', '毕业'), 'end-invalid'],
    ['role missing with a place', e('2019.09', '至今', '某公司', ''), 'role-missing'],
    ['place missing for a job', e('2019.09', '至今', '', '工作'), 'place-missing'],
  ])('%s', (_n, entry, code) => {
    const f = checkResume([entry], TODAY);
    expect(codes(f)).toEqual([code]);
  });
  it('待业 / 自由职业 need no place', () => {
    expect(checkResume([e('2019.09', '至今', '', '待业')], TODAY)).toEqual([]);
    expect(checkResume([e('2019.09', '至今', '', '自由职业')], TODAY)).toEqual([]);
  });
  it('nothing but dates: role fix writes 待业', () => {
    const list = [e('2019.09', '至今', '', '')];
    const f = checkResume(list, TODAY);
    expect(f[0].fixes[0]).toEqual({ kind: 'set-role', index: 0, role: '待业' });
    expect(checkResume(applyResumeFix(list, f[0].fixes[0]), TODAY)).toEqual([]);
  });
  it('the last entry without an end gets 至今', () => {
    const f = checkResume([e('2019.09', '')], TODAY);
    expect(f[0].fixes[0]).toEqual({ kind: 'set-end', index: 0, end: 'now' });
  });
  it('timeline checks wait until every month is understood', () => {
    const f = checkResume([e('2019.09', 'x'), e('2025.01', '至今')], TODAY);
    expect(codes(f)).toEqual(['end-invalid']);
  });
});

describe('formatting', () => {
  it('formats the paper-form line and keeps unparsed text as typed', () => {
    expect(formatEntry(e('2019.9', '2022-06', ' 安徽某某职业技术学院 ', '学生'))).toBe('2019.09—2022.06  安徽某某职业技术学院  学生');
    expect(formatEntry(e('2022.07', '至今', '', '待业'))).toBe('2022.07—至今  待业');
    expect(formatEntry(e('去年', '至今', '张喆工作室', '工作'))).toBe('去年—至今  张喆工作室  工作');
  });
});

describe('findings on the shared RuleFinding shape (src/lib/finding.ts)', () => {
  it('status fail/info, the rule ID, and whether the limit is the form\'s (official) or our tolerance', () => {
    const f = checkResume([e('2019.09', '2022.06', '学院', '学生'), e('2022.10', '2023.06'), e('2020.01', '2021.01'), { id: 'b', start: '', end: '', place: '', role: '' }], TODAY);
    expect(f.map((x) => [x.code, x.rule, x.status, x.official])).toEqual(expect.arrayContaining([
      ['blank', 'R-RESUME-COUNT', 'info', false],
      ['order', 'R-RESUME-ORDER', 'fail', true],
      ['not-current', 'R-RESUME-CURRENT', 'fail', true],
    ]));
    // A gap or an overlap is decided with our ±1 month tolerance (RULES.md: "tolerance ours").
    const [gap] = checkResume([e('2019.09', '2022.06'), e('2022.10', '至今')], TODAY);
    expect(gap).toMatchObject({ code: 'gap', rule: 'R-RESUME-CONTINUOUS', status: 'fail', official: false });
    const [ov] = checkResume([e('2019.09', '2022.06'), e('2021.01', '至今')], TODAY);
    expect(ov).toMatchObject({ code: 'overlap', status: 'fail', official: false });
    const [missing] = checkResume([e('', '至今')], TODAY);
    expect(missing).toMatchObject({ code: 'start-missing', status: 'fail', official: true });
    expect(worstStatus(f)).toBe('fail');
    expect(worstStatus(f.filter((x) => x.status === 'info'))).toBe('pass');
    for (const x of f) expect(Object.keys(x).sort()).toEqual(['code', 'entries', 'fixes', 'official', 'params', 'rule', 'status']);
  });
});
