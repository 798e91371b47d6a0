// The curated 错别字 list (typos.ts) and the 的/地/得 word-class rules (de.ts): data integrity and boundary tables.
import { describe, it, expect } from 'vitest';
import { lintSelfAssessment, TYPOS, findDe } from '../../../../../src/features/form/self-assessment/index.ts';

const words = (t: string) => lintSelfAssessment(t).filter((x) => x.kind === 'wrong-word').map((x) => `${x.found}→${x.fix}`);
const de = (t: string) => findDe(t).map((d) => `${t[d.at - 2] ?? ''}${t[d.at - 1]}的${t[d.at + 1]}→${d.right}`);

describe('curated wrong characters', () => {
  it('holds a few hundred distinct pairs, idioms and words', () => {
    expect(TYPOS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(TYPOS.map((t) => t.wrong)).size).toBe(TYPOS.length);
    expect(TYPOS.filter((t) => t.group === 'idiom').length).toBeGreaterThanOrEqual(150);
    expect(TYPOS.filter((t) => t.group === 'word').length).toBeGreaterThanOrEqual(100);
  });
  it('every right form is clean, and differs from the wrong one', () => {
    for (const t of TYPOS) {
      expect(t.right, t.wrong).not.toBe(t.wrong);
      expect(words(`我${t.right}。`), t.right).toEqual([]);
    }
  });
  it('every guard contains its wrong string and is not flagged there', () => {
    for (const t of TYPOS) {
      for (const g of t.guards) {
        expect(g.includes(t.wrong), `${t.wrong} in ${g}`).toBe(true);
        expect(words(`我${g}。`).filter((w) => w.startsWith(t.wrong)), g).toEqual([]);
      }
    }
  });
  it.each<[string, string[]]>([
    ['我受益非浅。', ['受益非浅→受益匪浅']],
    ['毕竟争取到了机会。', []],
    ['现在竟争很激烈。', ['竟争→竞争']],
    ['我研究竞争对手。', []],
    ['他的数学厉害。', []],
    ['我的学厉是专科。', ['学厉→学历']],
    ['单位已经厉行节约。', []],
    ['我的工作经厉丰富。', ['经厉→经历']],
    ['这是攻坚难题。', []],
    ['学习很坚难。', ['坚难→艰难']],
    ['我们要防范于未然。', ['防范于未然→防患于未然']],
    ['超过份额一倍。', []],
    ['他说话过份了。', ['过份→过分']],
    ['我会下好象棋。', []],
    ['我好象明白了。', ['好象→好像']],
    ['我负责记帐和对帐。', ['记帐→记账', '对帐→对账']],
  ])('%s', (t, want) => expect(words(t)).toEqual(want));
});

describe('的 → 地 (adverbial) and 的 → 得 (degree complement)', () => {
  it.each<[string, string[]]>([
    // adverbial: aspect marker, preposition, subject, adverb
    ['我认真的完成了任务。', ['认真的完→地']],
    ['我认真的学习专业知识。', ['认真的学→地']],
    ['我一直认真的学习。', ['认真的学→地']],
    ['总是积极的参加培训。', ['积极的参→地']],
    ['他虚心的向师傅请教。', ['虚心的向→地']],
    ['我默默的写完了作业。', ['默默的写→地']],
    ['我们踏踏实实的做好每件事。', ['实实的做→地']],
    // noun phrases stay: noun head, nominal verb before, main verb after, clause-initial subject
    ['认真的学习态度很重要。', []],
    ['我认真的学习态度得到了肯定。', []],
    ['进行了认真的学习。', []],
    ['这是认真的学习。', []],
    ['经过不断的努力，我成功了。', []],
    ['热情的服务赢得了信任。', []],
    ['我细心的护理得到了认可。', []],
    ['我细致的检查发现了问题。', []],
    ['我一直细致的检查每一张单据，发现了不少问题。', ['细致的检→地']],
    ['在老师耐心的指导下，我进步了。', []],
    ['老师耐心的讲解让我明白了。', []],
    ['认真的学习专业知识很重要。', []],
    ['我默默的付出的确有了回报。', []], // a subject noun phrase; 的确 is a word
    ['这的确是好事。', []],
    // complement: degree + result, negated result at clause end, fixed complements
    ['我写的很好。', ['我写的很→得']],
    ['这门课我学的非常扎实。', ['我学的非→得']],
    ['我考的不太理想。', ['我考的不→得']],
    ['我表现的还不够好。', ['表现的还→得']],
    ['每天忙的不可开交。', ['天忙的不→得']],
    ['我学的扎实，考得也好。', ['我学的扎→得']],
    ['日子过的越来越好。', ['子过的越→得']],
    // not complements
    ['我学的很多知识有用。', []],
    ['我做的工作很多。', []],
    ['他做的不好吃。', []],
    ['这是我度过的最充实的一年。', []],
    ['我做的很好的地方不多。', []],
    ['我写的好文章不多。', []],
    ['他说的对象是谁？', []],
    ['我考的很快乐。', []],
  ])('%s', (t, want) => expect(de(t)).toEqual(want));
});
