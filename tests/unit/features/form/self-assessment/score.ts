/**
 * Recall of the self-assessment lint on seeded paragraphs, per error type. Shared by corpus.test.ts and the bench
 * section scripts/bench/form-lint.mjs (which writes the table to BENCHMARKS.md). An error counts as found when an
 * issue of the same kind overlaps its span; an issue that overlaps no seeded error is a false alarm.
 */
import type { LintIssue } from '../../../../../src/features/form/self-assessment/index.ts';
import type { SeededError, SeededParagraph } from './corpus-seeded.ts';

/** Finer than LintKind: wrong words split into 成语 and 词语, 的/地/得 by the right character. */
export function errorType(e: SeededError): string {
  if (e.kind === 'wrong-word') return [...e.right].length >= 4 ? 'wrong-word (成语)' : 'wrong-word (词语)';
  if (e.kind === 'de') return `de (的→${e.right})`;
  return e.kind;
}

export interface TypeScore {
  type: string;
  total: number;
  found: number;
}
export interface Score {
  types: TypeScore[];
  total: number;
  found: number;
  falseAlarms: string[];
  missed: string[];
}

const overlaps = (x: LintIssue, e: SeededError) => x.start < Math.max(e.end, e.start + 1) && x.end > e.start;

export function score(paragraphs: readonly SeededParagraph[], lint: (t: string) => LintIssue[]): Score {
  const byType = new Map<string, TypeScore>();
  const falseAlarms: string[] = [];
  const missed: string[] = [];
  let total = 0;
  let found = 0;
  for (const p of paragraphs) {
    const issues = lint(p.text);
    for (const e of p.errors) {
      const t = errorType(e);
      const s = byType.get(t) ?? { type: t, total: 0, found: 0 };
      byType.set(t, s);
      s.total++;
      total++;
      if (issues.some((x) => x.kind === e.kind && overlaps(x, e))) {
        s.found++;
        found++;
      } else missed.push(`${t} «${e.wrong}→${e.right}» in: ${p.text}`);
    }
    for (const x of issues) if (!p.errors.some((e) => overlaps(x, e))) falseAlarms.push(`${x.kind} «${x.found}» in: ${p.text}`);
  }
  const types = [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  return { types, total, found, falseAlarms, missed };
}
