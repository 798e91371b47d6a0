// Placeholders as blanks, every timeline problem at once, and 一键整理 (tidyResume): boundary tables.
import { describe, it, expect } from 'vitest';
import {
  checkResume, tidyResume, formatResume, isPlaceholder, ym, PLACEHOLDERS, type ResumeEntry, type ResumeFinding,
} from '../../../../../src/features/form/resume/index.ts';

const TODAY = ym(2026, 3);
let n = 0;
const e = (start: string, end: string, place = '某单位', role = '工作'): ResumeEntry => ({ id: `t${n++}`, start, end, place, role });
const codes = (f: ResumeFinding[]) => f.map((x) => x.code);
const ids = () => `new${n++}`;

describe('placeholders count as blank', () => {
  it.each(['无', '空', '-', '/', '暂无', '等', ' 无 ', '（无）', '(无)', '——', '－', 'N/A', '略'])('%s is a placeholder', (t) => expect(isPlaceholder(t)).toBe(true));
  it.each(['', '无锡某公司', '空军某部', '等待', '学生', '待业', '无业', '2019.09'])('%s is not a placeholder', (t) => expect(isPlaceholder(t)).toBe(false));
  it('the list holds the six the manual-reading users type most', () => {
    for (const p of ['无', '空', '-', '/', '暂无', '等']) expect(PLACEHOLDERS).toContain(p);
  });
  it.each<[string, string, string[], Record<string, unknown>]>([
    ['某单位', '无', ['role-missing'], { text: '无' }],
    ['无', '无', ['role-missing'], { text: '无' }],
    ['-', '/', ['role-missing'], { text: '/' }],
    ['暂无', '工作', ['place-missing'], { text: '暂无' }],
    ['等', '学生', ['place-missing'], { text: '等' }],
    ['无', '待业', [], {}],
    ['', '自由职业', [], {}],
    ['无锡某公司', '职员', [], {}],
  ])('place %s, role %s', (place, role, want, params) => {
    const f = checkResume([e('2019.09', '至今', place, role)], TODAY);
    expect(codes(f)).toEqual(want);
    if (want.length) {
      expect(f[0].rule).toBe(want[0] === 'role-missing' ? 'R-RESUME-IDLE' : 'R-RESUME-IDLE');
      expect(f[0].params).toMatchObject(params);
    }
  });
  it('a placeholder role with no real place offers 待业 / 自由职业', () => {
    const [f] = checkResume([e('2019.09', '至今', '无', '无')], TODAY);
    expect(f.fixes.map((x) => x.kind === 'set-role' && x.role)).toEqual(['待业', '自由职业']);
  });
});

describe('every timeline problem at once', () => {
  it('ORDER does not hide a gap or a missing 至今', () => {
    // Sorted: 2015.09–2018.06, (gap 2018.07–2019.02), 2019.03–2022.06, ends in the past.
    const list = [e('2019.03', '2022.06'), e('2015.09', '2018.06', '学院', '学生')];
    const f = checkResume(list, TODAY);
    expect(codes(f)).toEqual(['order', 'gap', 'not-current']);
    const gap = f[1];
    expect(gap.params).toMatchObject({ from: '2018.07', to: '2019.02', months: 8, a: 2, b: 1 });
  });
  it('ORDER with an overlap in time order', () => {
    const f = checkResume([e('2019.03', '至今'), e('2015.09', '2019.06', '学院', '学生')], TODAY);
    expect(codes(f)).toEqual(['order', 'overlap']);
  });
  it('ORDER alone when the sorted timeline is sound', () => {
    expect(codes(checkResume([e('2022.07', '至今'), e('2019.09', '2022.06', '学院', '学生')], TODAY))).toEqual(['order']);
  });
  it('boundary: next month is continuous, two months later is a gap of one', () => {
    expect(codes(checkResume([e('2022.07', '至今'), e('2019.09', '2022.06')], TODAY))).toEqual(['order']);
    expect(codes(checkResume([e('2022.08', '至今'), e('2019.09', '2022.06')], TODAY))).toEqual(['order', 'gap']);
  });
});

describe('一键整理 (tidyResume)', () => {
  const clean = (list: ResumeEntry[]) => checkResume(list, TODAY).filter((f) => f.status === 'fail');

  it('sorts, fills the gap with 待业, brings it up to now — and the result checks clean', () => {
    const list = [e('2019.3', '2022.6'), e('2015.09', '2018.06', '某学院', '学生')];
    const r = tidyResume(list, TODAY, ids);
    expect(r.changed).toBe(true);
    expect(formatResume(r.entries)).toBe([
      '2015.09—2018.06  某学院  学生',
      '2018.07—2019.02  待业',
      '2019.03—2022.06  某单位  工作',
      '2022.07—至今  待业',
    ].join('\n'));
    expect(r.steps.map((s) => s.code)).toEqual(['months', 'sorted', 'gap-filled', 'idle-to-now']);
    expect(clean(r.entries)).toEqual([]);
    // The input is not changed (undo keeps it).
    expect(list[0].start).toBe('2019.3');
  });
  it('extends an adjacent 待业 entry instead of adding one', () => {
    const r = tidyResume([e('2015.09', '2018.06', '学院', '学生'), e('2018.09', '2019.01', '', '待业'), e('2019.06', '至今')], TODAY, ids);
    expect(r.entries.map((x) => `${x.start}-${x.end}`)).toEqual(['2015.09-2018.06', '2018.07-2019.05', '2019.06-至今']);
    expect(r.steps.map((s) => s.code)).toEqual(['idle-extended', 'idle-extended']);
  });
  it.each<[string, string, string]>([
    // last entry end → what tidy writes
    ['', '至今', 'missing end → 至今'],
    ['2026.03', '至今', 'ends this month → 至今'],
    ['2026.02', '2026.02', 'ended last month → 待业 2026.03—至今 after it'],
  ])('last end %s', (end, want) => {
    const r = tidyResume([e('2019.09', end)], TODAY, ids);
    expect(r.entries[0].end).toBe(want);
    if (end === '2026.02') expect(formatResume(r.entries).split('\n')[1]).toBe('2026.03—至今  待业');
    expect(clean(r.entries)).toEqual([]);
  });
  it('a last 待业 entry runs to 至今', () => {
    const r = tidyResume([e('2019.09', '2022.06', '学院', '学生'), e('2022.07', '2023.01', '无', '无')], TODAY, ids);
    expect(formatResume(r.entries)).toBe('2019.09—2022.06  学院  学生\n2022.07—至今  待业');
    expect(r.steps.map((s) => s.code)).toEqual(['placeholder', 'idle-role', 'set-now']);
  });
  it('merges to fit five entries (6 → 5, 7 → 5), same role first', () => {
    const six = [e('2010.09', '2013.06', '中学', '学生'), e('2013.07', '2015.06', 'A厂', '工人'), e('2015.07', '2017.06', 'B厂', '工人'),
      e('2017.07', '2019.06', 'C店', '店员'), e('2019.07', '2021.06', 'D司', '职员'), e('2021.07', '至今', 'E司', '经理')];
    const r = tidyResume(six, TODAY, ids);
    expect(r.entries).toHaveLength(5);
    expect(r.entries[1]).toMatchObject({ start: '2013.07', end: '2017.06', place: 'A厂、B厂', role: '工人' });
    expect(clean(r.entries)).toEqual([]);
    const seven = [...six.slice(0, 5), e('2021.07', '2022.06', 'E司', '经理'), e('2023.01', '至今', 'F司', '经理')];
    const r7 = tidyResume(seven, TODAY, ids);
    expect(r7.entries).toHaveLength(5);
    expect(clean(r7.entries)).toEqual([]);
  });
  it('leaves what only the user knows: an overlap, a month not understood', () => {
    const overlap = tidyResume([e('2019.09', '2022.06'), e('2022.01', '至今')], TODAY, ids);
    expect(overlap.changed).toBe(false);
    expect(codes(clean(overlap.entries))).toEqual(['overlap']);
    const bad = tidyResume([e('2019.09', '去年'), e('2015.01', '2016.01')], TODAY, ids);
    expect(bad.steps.map((s) => s.code)).toEqual(['sorted', 'timeline-skipped']);
    expect(bad.entries[1].end).toBe('去年'); // nothing typed is lost
  });
  it('a clean résumé is unchanged; blank rows go', () => {
    const ok = [e('2019.09', '2022.06', '学院', '学生'), e('2022.07', '至今')];
    expect(tidyResume(ok, TODAY, ids)).toMatchObject({ changed: false, steps: [] });
    const r = tidyResume([...ok, e('', '', '', '')], TODAY, ids);
    expect(r.steps).toEqual([{ code: 'removed-blank', count: 1 }]);
  });
  it('tidying twice changes nothing the second time', () => {
    const r = tidyResume([e('2019.3', '2020.6', '-', '/'), e('2015.09', '2018.06', '学院', '学生')], TODAY, ids);
    expect(tidyResume(r.entries, TODAY, ids).changed).toBe(false);
  });
});
