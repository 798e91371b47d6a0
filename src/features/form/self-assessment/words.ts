/**
 * Wrong characters (错别字), R-SELF-TEXT (无错别字): the curated list lives in typos.ts (with its sources and
 * guards); WRONG_WORDS is that list as [wrong, right] pairs. PATTERN_RULES below are the few words whose right form
 * depends on the characters around them (自已/各自已经, 截止/截至). 的/地/得 are in de.ts (word classes).
 */
import { TYPOS } from './typos.ts';

export const WRONG_WORDS: ReadonlyArray<readonly [wrong: string, right: string]> = TYPOS.map((t) => [t.wrong, t.right] as const);

/** A regular-expression rule for words whose right form depends on what follows (截止/截至, 自已). */
export interface PatternRule {
  kind: 'word' | 'jiezhi';
  /** Must use the `d` flag so capture positions are known; capture group 1 is the character(s) to replace. */
  re: RegExp;
  right: string;
}

export const PATTERN_RULES: readonly PatternRule[] = [
  // 自已 → 自己, but not in 各自已经 / 来自已有 (a word ending in 自 followed by 已) nor in 激动得不能自已.
  { kind: 'word', re: /(?<![各独亲来出暗擅私径源发])(?<!不能)(自已)/dgu, right: '自己' },
  // 己经 → 已经, but not in 自己经常 / 知己经过.
  { kind: 'word', re: /(?<![自知异利])(己经)/dgu, right: '已经' },
  // Short words guarded against the characters around them ("自尊守信", "中专研修", "立即然后").
  { kind: 'word', re: /(?<!自)(尊守)/dgu, right: '遵守' },
  { kind: 'word', re: /(专研)(?![究修发制])/dgu, right: '钻研' },
  { kind: 'word', re: /(?<![立随])(即然)/dgu, right: '既然' },
  // 截至 + a time point ("截至目前", "截至2026年3月"); 截止 means "to end" and follows the date.
  { kind: 'jiezhi', re: /(截止)(?=目前|今日|今天|现在|当前|本月|本年|[0-9０-９]{4}年|[0-9０-９]{1,2}月)/dgu, right: '截至' },
];
