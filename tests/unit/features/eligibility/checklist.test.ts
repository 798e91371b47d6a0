import { describe, it, expect } from 'vitest';
import { evaluate, emptyAnswers, buildChecklist, checklistText, type Answers } from '../../../../src/features/eligibility/index.ts';
import { translator } from '../../../../src/i18n/index.ts';

const TODAY = '2026-03-15';
const hefeiNurse: Answers = {
  ...emptyAnswers(TODAY),
  level: 'benke', city: '合肥市', prior: 'have', priorDate: '2024-06-30', verify: 'done', identityOk: 'yes',
  tickets: 'one', transfer: 'no', duplicate: 'no', english: 'cet', math: 'na', courses: 'yes', moral: 'pass', employed: 'no',
  photo: 'approved', nursing: true, nursingAppraisal: 'no',
};

describe('checklist', () => {
  it('numbers every item across sections, with reason, rule, source and deadline; keeps the name', () => {
    const r = evaluate(hefeiNurse, TODAY);
    const t = translator('zh-CN');
    const c = buildChecklist(r, hefeiNurse, t, { name: '欧阳玥堃', today: TODAY });
    expect(c.status).toBe('需先完成事项');
    expect(c.meta[0]).toBe('姓名：欧阳玥堃');
    const all = c.sections.flatMap((s) => s.items);
    expect(all.map((i) => i.marker)).toEqual(all.map((_, k) => `${k + 1}.`));
    expect(all.map((i) => i.code)).toEqual(r.items.map((i) => i.code));
    expect(all[0].code).toBe('hefei');
    for (const i of all) {
      expect(i.rule).toMatch(/^E-[A-Z-]+（手册 .+）$/);
      expect(i.text).not.toMatch(/\{\w+\}/);
      expect(i.why).not.toMatch(/\{\w+\}/);
    }
    const text = checklistText(c, t);
    expect(text).toContain('欧阳玥堃');
    expect(text).toContain('结论：需先完成事项');
    for (const i of all) expect(text).toContain(`${i.marker} ${i.text}`);
    expect(text).toContain('E-NURSING（手册 二.1(2)）');
    expect(text).toContain('E-EXEMPT');
  });

  it('translates half codes inside messages (English too)', () => {
    const a: Answers = { ...hefeiNurse, city: '芜湖市', prior: 'graduating', priorDate: '2026-07-05', schoolProof: 'yes' };
    const r = evaluate(a, TODAY);
    expect(r.status).toBe('blocked');
    const zh = buildChecklist(r, a, translator('zh-CN'), { today: TODAY });
    expect(zh.sections[0].items[0].text).toContain('2026年下半年');
    expect(zh.sections[0].items[0].text).toContain('2026-07-05');
    const en = buildChecklist(r, a, translator('en'), { today: TODAY });
    expect(en.sections[0].items[0].text).toContain('second half of 2026');
    expect(en.status).toBe('You cannot apply this session');
  });

  it('an open decision prints who decides and the contact page; several rules are all cited', () => {
    const a: Answers = { ...hefeiNurse, city: '芜湖市', nursing: false, half: 'H2', prior: 'graduating', priorDate: '2026-12-30', verify: null };
    const t = translator('zh-CN');
    const c = buildChecklist(evaluate(a, TODAY), a, t, { today: TODAY });
    const i = c.sections.flatMap((s) => s.items).find((x) => x.code === 'graduating-h2-ask')!;
    expect(i.open).toContain('由所在市教育考试机构决定');
    expect(i.contact).toBe('www.ahzsks.cn/gdjyzxks/contactus.htm');
    expect(i.rule).toBe('E-PRE-DIPLOMA（手册 一.1；附件2）；E-PRE-VERIFY（手册 一.1；附件2 一、二）；E-PRE-GRADUATING（手册 附件2 三(1)）');
    const text = checklistText(c, t);
    expect(text).toContain('手册未定：手册对这种情况没有写明，由所在市教育考试机构决定；请在申请截止前联系确认。 www.ahzsks.cn/gdjyzxks/contactus.htm');
    const en = buildChecklist(evaluate(a, TODAY), a, translator('en'), { today: TODAY });
    const ie = en.sections.flatMap((s) => s.items).find((x) => x.code === 'graduating-h2-ask')!;
    expect(ie.open).toBe('The manual does not cover this case; your city exam agency decides. Ask them before the application deadline.');
    expect(ie.open).not.toMatch(/\p{Script=Han}/u);
  });
});
