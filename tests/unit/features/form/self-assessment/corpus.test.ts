/**
 * Precision and recall of the self-assessment lint on the two corpora written for it:
 * ≥ 30 correct paragraphs must give ZERO findings; ≥ 30 seeded-error paragraphs must have ≥ 90 % of their
 * annotated errors found (same kind, overlapping the annotated span). Numbers are printed for the report.
 */
import { describe, it, expect } from 'vitest';
import { lintSelfAssessment, applyAll } from '../../../../../src/features/form/self-assessment/index.ts';
import { CORRECT_PARAGRAPHS } from './corpus-correct.ts';
import { SEEDED_PARAGRAPHS, HOLDOUT_PARAGRAPHS, parseSeeded } from './corpus-seeded.ts';
import { CORRECT_SENTENCES } from './corpus-sentences.ts';
import { SEEDED_CHARS } from './corpus-seeded-chars.ts';
import { score } from './score.ts';

const seeded = SEEDED_PARAGRAPHS.map(parseSeeded);
const holdout = HOLDOUT_PARAGRAPHS.map(parseSeeded);

describe('corpora', () => {
  it('are large enough and well formed', () => {
    expect(CORRECT_PARAGRAPHS.length).toBeGreaterThanOrEqual(30);
    expect(seeded.length).toBeGreaterThanOrEqual(30);
    for (const p of seeded) {
      expect(p.errors.length).toBeGreaterThan(0);
      for (const e of p.errors) expect(p.text.slice(e.start, e.end)).toBe(e.wrong || p.text.slice(e.start, e.end));
    }
    // The correct versions of the seeded paragraphs are correct text too.
  });

  it('correct paragraphs: zero findings (also the corrected versions of the seeded ones)', () => {
    const found: string[] = [];
    for (const t of [...CORRECT_PARAGRAPHS, ...seeded.map((p) => p.correct)]) {
      for (const x of lintSelfAssessment(t)) found.push(`${x.kind} «${x.found}» in: ${t}`);
    }
    expect(found).toEqual([]);
    // The corpus joined as one text (paragraphs on lines) must be clean as well.
    expect(lintSelfAssessment(CORRECT_PARAGRAPHS.join('\n'))).toEqual([]);
  });

  it('seeded paragraphs: recall ≥ 90 %, and every finding is a seeded error (precision)', () => {
    let total = 0;
    let hit = 0;
    let findings = 0;
    let matched = 0;
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    for (const p of seeded) {
      const issues = lintSelfAssessment(p.text);
      findings += issues.length;
      for (const e of p.errors) {
        total++;
        const ok = issues.some((x) => x.kind === e.kind && x.start < Math.max(e.end, e.start + 1) && x.end > e.start);
        if (ok) hit++;
        else missed.push(`${e.kind} «${e.wrong}» in: ${p.text}`);
      }
      for (const x of issues) {
        if (p.errors.some((e) => x.start < Math.max(e.end, e.start + 1) && x.end > e.start)) matched++;
        else falseAlarms.push(`${x.kind} «${x.found}» in: ${p.text}`);
      }
    }
    const recall = hit / total;
    const precision = matched / findings;
    console.log(`self-assessment lint: ${seeded.length} seeded paragraphs, ${total} errors, recall ${(recall * 100).toFixed(1)} % (${hit}/${total}), precision ${(precision * 100).toFixed(1)} % (${matched}/${findings}); correct corpus ${CORRECT_PARAGRAPHS.length} paragraphs`);
    if (missed.length) console.log('missed:\n' + missed.join('\n'));
    expect(total).toBeGreaterThanOrEqual(60);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(falseAlarms).toEqual([]);
  });

  it('hold-out paragraphs (written without looking at the rules): recall printed, no false alarms', () => {
    let total = 0;
    let hit = 0;
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    for (const p of holdout) {
      const issues = lintSelfAssessment(p.text);
      for (const e of p.errors) {
        total++;
        if (issues.some((x) => x.kind === e.kind && x.start < Math.max(e.end, e.start + 1) && x.end > e.start)) hit++;
        else missed.push(`${e.kind} «${e.wrong}» in: ${p.text}`);
      }
      for (const x of issues) if (!p.errors.some((e) => x.start < Math.max(e.end, e.start + 1) && x.end > e.start)) falseAlarms.push(`${x.kind} «${x.found}» in: ${p.text}`);
    }
    console.log(`hold-out: recall ${(100 * hit / total).toFixed(1)} % (${hit}/${total})` + (missed.length ? '\nmissed:\n' + missed.join('\n') : ''));
    expect(falseAlarms).toEqual([]);
    for (const p of holdout) expect(lintSelfAssessment(p.correct)).toEqual([]);
  });

  it('“fix all” turns each seeded paragraph whose errors all have a fix into its correct version', () => {
    let fixable = 0;
    let exact = 0;
    const wrong: string[] = [];
    for (const p of seeded) {
      if (p.errors.some((e) => e.kind === 'unbalanced')) continue;
      fixable++;
      const out = applyAll(p.text);
      if (out === p.correct) exact++;
      else wrong.push(`${out}\n  want ${p.correct}`);
      expect(lintSelfAssessment(out).filter((x) => x.fix !== null)).toEqual([]);
    }
    console.log(`fix all: ${exact}/${fixable} paragraphs exactly corrected`);
    if (wrong.length) console.log(wrong.join('\n'));
    expect(exact / fixable).toBeGreaterThanOrEqual(0.9);
  });

  it('correct sentences (several hundred, many voices): zero findings, one by one and joined', () => {
    expect(CORRECT_SENTENCES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORRECT_SENTENCES).size).toBe(CORRECT_SENTENCES.length);
    const found: string[] = [];
    for (const t of CORRECT_SENTENCES) for (const x of lintSelfAssessment(t)) found.push(`${x.kind} «${x.found}» in: ${t}`);
    expect(found).toEqual([]);
    expect(lintSelfAssessment(CORRECT_SENTENCES.join('\n'))).toEqual([]);
    // Run together as one paragraph, too (rules that look across sentence boundaries).
    expect(lintSelfAssessment(CORRECT_SENTENCES.filter((t) => /[。！？]$/u.test(t)).join(''))).toEqual([]);
  });

  it('seeded wrong characters and 的/地/得: recall per type, no false alarm, corrected text clean', () => {
    const chars = SEEDED_CHARS.map(parseSeeded);
    const s = score(chars, lintSelfAssessment);
    console.log(`wrong characters: recall ${(100 * s.found / s.total).toFixed(1)} % (${s.found}/${s.total}); ` +
      s.types.map((t) => `${t.type} ${t.found}/${t.total}`).join(', ') + (s.missed.length ? '\nmissed:\n' + s.missed.join('\n') : ''));
    expect(s.total).toBeGreaterThanOrEqual(180);
    expect(s.falseAlarms).toEqual([]);
    for (const p of chars) expect(lintSelfAssessment(p.correct), p.correct).toEqual([]);
    for (const t of s.types) expect(t.found / t.total, t.type).toBeGreaterThanOrEqual(0.8);
  });
});
