import { describe, it, expect } from 'vitest';
import { readiness, readinessLines, MANUAL_STEPS, type ReadinessInput } from '../../../src/shell/readiness.ts';
import { evaluate, emptyAnswers, itemParams } from '../../../src/features/eligibility/index.ts';
import { checkResume, ym, newId } from '../../../src/features/form/resume/index.ts';
import { lintSelfAssessment, lengthAdvice } from '../../../src/features/form/self-assessment/index.ts';
import { translator, missingKeys } from '../../../src/i18n/index.ts';

const zh = translator('zh-CN');
const en = translator('en');
const TODAY = '2026-03-15';
const NOW = ym(2026, 3);

function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  const answers = emptyAnswers(TODAY);
  return {
    photo: { state: 'none', verdict: null, fileName: null, fails: [] },
    uploads: [],
    eligibility: { answered: false, result: evaluate(answers, TODAY), params: (i) => itemParams(zh, i) },
    form: { resumeUsed: 0, resume: checkResume([], NOW), selfText: '', selfIssues: [], selfLength: lengthAdvice('') },
    ...over,
  };
}

describe('readiness overview', () => {
  it('a fresh session: every area not started, nothing counted as a problem (the empty résumé is not a failure)', () => {
    const r = readiness(input());
    expect(r.overall).toBe('incomplete');
    expect(r.areas.map((a) => [a.area, a.level])).toEqual([['photo', 'empty'], ['uploads', 'empty'], ['eligibility', 'empty'], ['form', 'empty']]);
    const text = readinessLines(r, zh).flatMap((a) => a.lines.map((l) => l.text)).join('\n');
    expect(text).toContain('还没有检查照片');
    expect(text).toContain('简历还没有填写');
  });

  it('a failing photo, a résumé gap and self-assessment issues are problems, each with its rule ID', () => {
    const entries = [
      { id: newId(), start: '2019.09', end: '2022.06', place: '安徽某某职业技术学院', role: '学生' },
      { id: newId(), start: '2023.01', end: '至今', place: '合肥某某公司', role: '职员' },
    ];
    const text = '自2019年9月参加自学考试以来,我始终坚持业余学习。';
    const r = readiness(input({
      photo: { state: 'checked', verdict: 'fail', fileName: 'me.jpg', fails: ['P-FMT-SIZE', 'P-GEO-EYES'] },
      form: { resumeUsed: 2, resume: checkResume(entries, NOW), selfText: text, selfIssues: lintSelfAssessment(text), selfLength: lengthAdvice(text) },
    }));
    expect(r.overall).toBe('blocked');
    const photo = r.areas.find((a) => a.area === 'photo')!;
    expect(photo.level).toBe('problem');
    const lines = readinessLines(r, zh);
    expect(lines[0].lines.map((l) => l.text).join()).toContain('P-FMT-SIZE, P-GEO-EYES');
    const form = lines.find((a) => a.heading === '毕业生登记表')!;
    expect(form.level).toBe('problem');
    expect(form.lines.map((l) => l.text).join('\n')).toMatch(/断档.*R-RESUME-CONTINUOUS/s);
    expect(form.lines.map((l) => l.text).join('\n')).toContain('R-SELF-TEXT');
  });

  it('a fixed photo that passes, a clean résumé and text, eligibility ok: ready', () => {
    const answers = { ...emptyAnswers(TODAY) };
    const result = evaluate(answers, TODAY);
    const ok = { ...result, status: 'ok' as const, items: result.items.filter((i) => i.kind !== 'block' && i.kind !== 'before') };
    const entries = [{ id: newId(), start: '2019.09', end: '至今', place: '安徽某某职业技术学院', role: '学生' }];
    const text = '本人自参加自学考试以来，始终坚持业余学习，认真完成每一门课程。'.repeat(8);
    expect(lintSelfAssessment(text)).toEqual([]);
    expect(lengthAdvice(text).status).toBe('ok');
    const r = readiness(input({
      photo: { state: 'fixed', verdict: 'pass', fileName: 'me.jpg', fails: [] },
      eligibility: { answered: true, result: ok, params: (i) => itemParams(zh, i) },
      form: { resumeUsed: 1, resume: checkResume(entries, NOW), selfText: text, selfIssues: lintSelfAssessment(text), selfLength: lengthAdvice(text) },
    }));
    // Uploads are optional (certificates, nursing): none checked does not hold the application up.
    expect(r.areas.map((a) => a.level)).toEqual(['done', 'empty', 'done', 'done']);
    expect(r.overall).toBe('ready');
    expect(readinessLines(r, zh)[0].lines.map((l) => l.text).join()).toContain('已自动修正：修正后符合要求');
  });

  it('eligibility to-dos before applying are listed in the manual order with their rule IDs; after-application items are not', () => {
    const answers = { ...emptyAnswers(TODAY), level: 'benke' as const };
    const result = evaluate(answers, TODAY);
    const r = readiness(input({ eligibility: { answered: true, result, params: (i) => itemParams(zh, i) } }));
    const area = r.areas.find((a) => a.area === 'eligibility')!;
    const todoLines = area.lines.slice(1);
    expect(todoLines.length).toBe(result.items.filter((i) => i.kind === 'block' || i.kind === 'before').length);
    expect(todoLines.every((l) => !!l.rule)).toBe(true);
  });

  it('every key it uses exists in both languages; the English overview has no Chinese', () => {
    expect(missingKeys('en')).toEqual([]);
    const r = readiness(input({ photo: { state: 'fixed', verdict: 'warn', fileName: 'photo.jpg', fails: [] } }));
    const text = readinessLines(r, en).flatMap((a) => [a.heading, ...a.lines.map((l) => l.text)]).join('\n') + MANUAL_STEPS.map((s) => en(s.key)).join('\n');
    expect(text).not.toMatch(/[\u3400-\u9fff]/);
    expect(text).not.toMatch(/overview\./);
  });
});
