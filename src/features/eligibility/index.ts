/** Eligibility self-check (issue 6): rules as data, a pure evaluator, and the checklist as text. */
export * from './dates.ts';
export * from './rules.ts';
export * from './evaluate.ts';
export * from './checklist.ts';
