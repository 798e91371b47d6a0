/** Self-assessment (毕业生自我鉴定) checker: punctuation, spacing, paired marks, wrong characters (R-SELF-TEXT). */
export * from './lint.ts';
export { WRONG_WORDS, PATTERN_RULES } from './words.ts';
export * from './reminder.ts';
export { TYPOS, type Typo } from './typos.ts';
export { findDe, MANNER, VERBS, COMPLEMENT_VERBS, type DeFinding } from './de.ts';
