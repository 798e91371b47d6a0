import { describe, it, expect } from 'vitest';
import { lintSelfAssessment, applyIssue, applyAll, lengthAdvice, WRONG_WORDS } from '../../../../../src/features/form/self-assessment/index.ts';

const kinds = (t: string) => lintSelfAssessment(t).map((x) => `${x.kind}:${x.found}→${x.fix}`);

describe('punctuation rules (R-SELF-TEXT)', () => {
  it.each<[string, string[]]>([
    ['我热爱学习,也热爱工作。', ['halfwidth-punct:,→，']],
    ['我热爱学习, 也热爱工作。', ['halfwidth-punct:, →，']],
    ['我热爱学习.', ['halfwidth-punct:.→。']],
    ['我会用办公软件(Word)。', ['halfwidth-punct:(→（', 'halfwidth-punct:)→）']],
    ['成绩是3.5分，时间是12:30。', []],
    ['我会用Excel, Word等软件。', []],
    ['e.g. 这样的缩写不在中文里。', []],
    ['学习，，工作。', ['doubled-punct:，，→，']],
    ['真的吗？！太好了！', []],
    ['学习，。', ['doubled-punct:，。→。']],
    ['我在想......', ['ellipsis:......→……']],
    ['我在想……', []],
    ['我在想…', ['ellipsis:…→……']],
    ['坚持--这很重要。', ['dash:--→——']],
    ['坚持—这很重要。', ['dash:—→——']],
    ['2019—2022年我在学校学习。', []],
    ['我 热爱 学习。', ['space: →', 'space: →']],
    ['　　我热爱学习。', []],
    ['我学习 Excel 软件。', []],
    ['我热爱学习，', ['sentence-end:，→。']],
    ['我热爱学习，也热爱工作', ['sentence-end:作→作。']],
    ['一、思想方面', []],
    ['我在２０２２年ａ班。', ['fullwidth-alnum:２０２２→2022', 'fullwidth-alnum:ａ→a']],
    ['他说"好"。', ['quote:"→“', 'quote:"→”']],
    ['他说”好“。', ['quote:”→“', 'quote:“→”']],
    ['他说“好。', ['unbalanced:“→null']],
    ['我读了《红岩）。', ['mispaired:）→》']],
    ['我读了《红岩。', ['unbalanced:《→null']],
    ['我读了红岩》。', ['unbalanced:》→null']],
    ['I said "ok".', []],
    ['(1)思想方面', []],
    ['1)学习方面', []],
    ['我会用(Excel)软件。', ['halfwidth-punct:(→（', 'halfwidth-punct:)→）']],
    ['我读了红岩)。', ['halfwidth-punct:)→）']],
  ])('%s', (text, want) => expect(kinds(text)).toEqual(want));
});

describe('wrong characters and words', () => {
  it.each<[string, string[]]>([
    ['我要再接再励。', ['wrong-word:再接再励→再接再厉']],
    ['我按步就班地工作。', ['wrong-word:按步就班→按部就班']],
    ['提高自已。', ['wrong-word:自已→自己']],
    ['大家各自已经完成了任务。', []],
    ['拿到证书时我激动得不能自已。', []],
    ['我尊守纪律，刻苦专研。', ['wrong-word:尊守→遵守', 'wrong-word:专研→钻研']],
    ['我做人自尊守信。', []],
    ['我在中专研修过会计。', []],
    ['我能独挡一面。', ['wrong-word:独挡一面→独当一面']],
    ['我己经完成了。', ['wrong-word:己经→已经']],
    ['我自己经常加班。', []],
    ['截止目前已通过。', ['jiezhi:截止→截至']],
    ['截止2026年3月已通过。', ['jiezhi:截止→截至']],
    ['报名截止日期是6月。', []],
    ['报名于3月10日截止。', []],
    ['我做的非常好。', ['de:的→得']],
    ['我做的工作很多。', []],
    ['我学的很多知识都有用。', []],
    ['我认真的完成了任务。', ['de:的→地']],
    ['认真的学习态度很重要。', []],
    ['通过不断的努力，我成功了。', []],
    ['我高兴的跳了起来。', ['de:的→地']],
    ['我最高兴的事情多了起来。', []],
    ['这次我考的不太理想。', ['de:的→得']],
    ['电话12345,如有需要请联系。', ['halfwidth-punct:,→，']],
  ])('%s', (text, want) => expect(kinds(text)).toEqual(want));

  it('every curated wrong word differs from its fix and the fix is not itself flagged', () => {
    for (const [w, r] of WRONG_WORDS) {
      expect(w).not.toBe(r);
      expect(kinds(`我${r}。`).filter((k) => k.startsWith('wrong-word'))).toEqual([]);
    }
  });
});

describe('fixing', () => {
  it('applies one issue and all issues', () => {
    const t = '我再接再励,提高自已.';
    const [first] = lintSelfAssessment(t);
    expect(applyIssue(t, first)).toBe('我再接再厉,提高自已.');
    expect(applyAll(t)).toBe('我再接再厉，提高自己。');
  });
  it('a stale issue leaves the text unchanged', () => {
    const [x] = lintSelfAssessment('我再接再励。');
    expect(applyIssue('完全不同的文字。', x)).toBe('完全不同的文字。');
  });
  it('unfixable issues stay (unbalanced)', () => {
    expect(applyAll('我读了《红岩。')).toBe('我读了《红岩。');
  });
  it('positions are UTF-16 offsets (astral characters before an error)', () => {
    const t = '𠀀我热爱学习,工作。';
    const [x] = lintSelfAssessment(t);
    expect(t.slice(x.start, x.end)).toBe(',');
  });
});

describe('length guidance', () => {
  it.each<[string, string]>([['', 'empty'], ['短。', 'short'], ['好'.repeat(300), 'ok'], ['好'.repeat(801), 'long']])('%#', (t, s) =>
    expect(lengthAdvice(t).status).toBe(s));
  it('counts characters, not spaces or UTF-16 units', () => expect(lengthAdvice(' 𠀀 好\n').chars).toBe(2));
});
