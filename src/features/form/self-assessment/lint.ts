/**
 * Self-assessment (毕业生自我鉴定) lint, RULES.md R-SELF-TEXT: Chinese punctuation and spacing, paired marks, and a
 * curated list of wrong characters. Pure: text in, issues with UTF-16 offsets and a suggested replacement out.
 *
 * Design goal: no false alarms on correct text. Every detector fires only where the fix is unambiguous; where the
 * right fix cannot be known (an unclosed bracket) the issue has `fix: null` and the UI says what to do.
 * A paragraph is a line; rules that need "Chinese context" look at the neighbouring characters.
 * NOTE: no grammar or fluency check (语句通顺) and no judgement of content: the UI reminds the user instead.
 */
import { PATTERN_RULES } from './words.ts';
import { TYPOS, guarded } from './typos.ts';
import { findDe } from './de.ts';

export type LintKind =
  | 'halfwidth-punct'
  | 'quote'
  | 'doubled-punct'
  | 'unbalanced'
  | 'mispaired'
  | 'ellipsis'
  | 'dash'
  | 'space'
  | 'sentence-end'
  | 'fullwidth-alnum'
  | 'wrong-word'
  | 'jiezhi'
  | 'de';

export const LINT_KINDS: readonly LintKind[] = [
  'halfwidth-punct', 'quote', 'doubled-punct', 'unbalanced', 'mispaired', 'ellipsis', 'dash', 'space',
  'sentence-end', 'fullwidth-alnum', 'wrong-word', 'jiezhi', 'de',
];

export interface LintIssue {
  kind: LintKind;
  rule: 'R-SELF-TEXT';
  /** UTF-16 offsets into the text: the characters to underline, [start, end). */
  start: number;
  end: number;
  /** The text at [start, end). */
  found: string;
  /** Replacement for [start, end), or null when only the user can decide. */
  fix: string | null;
}

const HAN = /\p{Script=Han}/u;
/** Full-width (Chinese) punctuation. */
const FW_PUNCT = '，。、；：？！“”‘’（）《》【】「」『』〔〕…—·～';
const isHan = (ch: string | undefined) => !!ch && HAN.test(ch);
const isFwPunct = (ch: string | undefined) => !!ch && FW_PUNCT.includes(ch);
/** A Chinese character or Chinese punctuation. */
const isCjk = (ch: string | undefined) => isHan(ch) || isFwPunct(ch);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
const isDigit = (ch: string | undefined) => !!ch && ch >= '0' && ch <= '9';

function issue(text: string, kind: LintKind, start: number, end: number, fix: string | null): LintIssue {
  return { kind, rule: 'R-SELF-TEXT', start, end, found: text.slice(start, end), fix };
}

interface Line {
  start: number;
  end: number;
}
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start: s, end: i > s && text[i - 1] === '\r' ? i - 1 : i });
      s = i + 1;
    }
  }
  return out;
}

/** Previous / next character that is not a space, within the line. */
function prevNonSpace(text: string, i: number, line: Line): string | undefined {
  for (let k = i - 1; k >= line.start; k--) if (!isSpace(text[k])) return text[k];
  return undefined;
}
function nextNonSpaceAt(text: string, i: number, line: Line): number {
  for (let k = i + 1; k < line.end; k++) if (!isSpace(text[k])) return k;
  return -1;
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };

/** Half-width ,.;:?!() next to Chinese → full width; spaces after the mark go too. */
function halfwidthPunct(text: string, line: Line, out: LintIssue[]) {
  let openFlagged = 0;
  let openPlain = 0;
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i];
    const full = HALF_TO_FULL[ch];
    if (!full) continue;
    const prev = text[i - 1];
    const prevNs = prevNonSpace(text, i, line);
    const nextAt = nextNonSpaceAt(text, i, line);
    const next = nextAt >= 0 ? text[nextAt] : undefined;
    let flag: boolean;
    if (ch === '.') {
      if (text[i + 1] === '.' || prev === '.') continue; // ellipsis detector
      // After a Latin letter it may be an abbreviation (e.g., Mr.): left alone.
      flag = isCjk(prev) || (isHan(next) && !isDigit(prev) && !/[A-Za-z]/.test(prev ?? '')) || (isHan(prevNs) && nextAt < 0);
    } else if (ch === '(') {
      flag = isCjk(prevNs) || isHan(next);
      if (flag) openFlagged++;
      else openPlain++;
    } else if (ch === ')') {
      if (openFlagged === 0 && openPlain > 0) {
        // "(1)思想方面", "(Excel)": a half-width pair that opened outside Chinese context stays as it is.
        openPlain--;
        continue;
      }
      if (openFlagged === 0 && isEnumerator(text, line, i)) continue; // "1)学习方面" list numbering
      flag = openFlagged > 0 || isHan(prev) || isCjk(next);
      if (openFlagged > 0) openFlagged--;
    } else if (ch === ':') {
      flag = (isHan(prev) || isHan(next)) && !(isDigit(prev) && isDigit(next));
    } else {
      // Before a Chinese character even after a digit ("12345,如有"); "1,000" has a digit after it.
      flag = isHan(prev) || isFwPunct(prev) || isHan(next);
    }
    if (!flag) continue;
    // Take the spaces after the mark (and before it, for an opening bracket) with it.
    let end = i + 1;
    if (ch !== '(') while (end < line.end && isSpace(text[end]) && nextAt >= 0) end++;
    let start = i;
    if (ch === '(') while (start > line.start && isSpace(text[start - 1]) && isCjk(prevNs)) start--;
    out.push(issue(text, 'halfwidth-punct', start, end, full));
  }
}

/** Straight or wrong-direction double quotes (and curly single quotes) in a Chinese paragraph. */
function quotes(text: string, line: Line, out: LintIssue[]) {
  let hasHan = false;
  for (let i = line.start; i < line.end && !hasHan; i++) hasHan = isHan(text[i]);
  if (!hasHan) return;
  for (const [open, close, straight] of [['“', '”', '"'], ['‘', '’', '']] as const) {
    const at: number[] = [];
    for (let i = line.start; i < line.end; i++) {
      const ch = text[i];
      if (ch === open || ch === close || (straight && ch === straight)) at.push(i);
    }
    if (at.length === 0) continue;
    if (at.length % 2 === 0) {
      at.forEach((i, k) => {
        const want = k % 2 === 0 ? open : close;
        if (text[i] !== want) out.push(issue(text, 'quote', i, i + 1, want));
      });
      continue;
    }
    // Odd count: pair what can be paired, the rest is unbalanced.
    const stack: number[] = [];
    const lone: number[] = [];
    for (const i of at) {
      const ch = text[i];
      if (ch === open) stack.push(i);
      else if (ch === close) {
        if (stack.length) stack.pop();
        else lone.push(i);
      } else if (stack.length) {
        stack.pop();
        out.push(issue(text, 'quote', i, i + 1, close));
      } else {
        stack.push(i);
        out.push(issue(text, 'quote', i, i + 1, open));
      }
    }
    for (const i of [...lone, ...stack]) if (!out.some((o) => o.start === i)) out.push(issue(text, 'unbalanced', i, i + 1, null));
  }
}

const OPENERS: Record<string, string> = { '（': '）', '(': '）', '《': '》', '【': '】', '「': '」', '『': '』', '〔': '〕' };
const CLOSERS: Record<string, string> = { '）': '（', ')': '（', '》': '《', '】': '【', '」': '「', '』': '『', '〕': '〔' };
const canon = (ch: string) => (ch === '(' ? '（' : ch === ')' ? '）' : ch);

/** Brackets and book-title marks: unclosed, unopened, or closed with the wrong mark. */
function brackets(text: string, line: Line, out: LintIssue[]) {
  const stack: number[] = [];
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i];
    if (OPENERS[ch]) {
      stack.push(i);
    } else if (CLOSERS[ch]) {
      if (stack.length === 0 && isEnumerator(text, line, i)) continue; // 1）学习方面 / a) …
      const want = canon(CLOSERS[ch]);
      const top = stack[stack.length - 1];
      if (top !== undefined && canon(text[top]) === want) {
        stack.pop();
      } else if (top !== undefined && !stack.some((k) => canon(text[k]) === want)) {
        // 《平凡的世界） → 》
        stack.pop();
        out.push(issue(text, 'mispaired', i, i + 1, OPENERS[text[top]]));
      } else if (top !== undefined) {
        while (stack.length && canon(text[stack[stack.length - 1]]) !== want) {
          const k = stack.pop()!;
          out.push(issue(text, 'unbalanced', k, k + 1, null));
        }
        stack.pop();
      } else {
        out.push(issue(text, 'unbalanced', i, i + 1, null));
      }
    }
  }
  for (const k of stack) out.push(issue(text, 'unbalanced', k, k + 1, null));
}

/** A closing bracket right after a list number at the start of a line: "1）", "(2)" is paired, "a)". */
function isEnumerator(text: string, line: Line, i: number): boolean {
  return /^\s*(?:[0-9０-９]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$/u.test(text.slice(line.start, i));
}

/** ... 。。。 … ……… → ……; -- －－ ——— and a lone — between Chinese → ——. */
function ellipsisAndDash(text: string, line: Line, out: LintIssue[]) {
  const slice = text.slice(line.start, line.end);
  for (const m of slice.matchAll(/\.{2,}|。{3,}|…+|·{3,}/g)) {
    const s = line.start + m.index;
    const e = s + m[0].length;
    if (m[0] === '……') continue;
    if (m[0].startsWith('.') && !(isCjk(text[s - 1]) || isCjk(text[e]))) continue;
    out.push(issue(text, 'ellipsis', s, e, '……'));
  }
  for (const m of slice.matchAll(/—+|-+|－+|―+/g)) {
    const s = line.start + m.index;
    const e = s + m[0].length;
    if (m[0] === '——') continue;
    const before = text[s - 1];
    const after = text[e];
    if (m[0] === '—' || m[0] === '-' || m[0] === '－' || m[0] === '―') {
      if (!(isHan(before) && isHan(after))) continue; // 2019—2022 is a range
    } else if (!(isCjk(before) || isCjk(after))) continue;
    out.push(issue(text, 'dash', s, e, '——'));
  }
}

const STOPS = '，。、；：！？';
const STRENGTH = '。；：，、';

/** ，， 。。 ！！ ，。 → one mark (？！ and ！？ are allowed). */
function doubled(text: string, line: Line, out: LintIssue[]) {
  let i = line.start;
  while (i < line.end) {
    if (!STOPS.includes(text[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < line.end && STOPS.includes(text[j])) j++;
    const run = text.slice(i, j);
    if (run.length >= 2 && run !== '？！' && run !== '！？' && run !== '。。。') {
      const strong = [...run].find((c) => c === '？' || c === '！') ?? [...STRENGTH].find((c) => run.includes(c))!;
      out.push(issue(text, 'doubled-punct', i, j, strong));
    }
    i = j;
  }
}

/** Spaces between Chinese characters or around Chinese punctuation (not a leading indent). */
function spaces(text: string, line: Line, out: LintIssue[]) {
  let i = line.start;
  while (i < line.end && isSpace(text[i])) i++; // paragraph indent
  for (; i < line.end; i++) {
    if (!isSpace(text[i])) continue;
    let j = i;
    while (j < line.end && isSpace(text[j])) j++;
    if (j < line.end && isCjk(text[i - 1]) && isCjk(text[j]) && (isHan(text[i - 1]) || isHan(text[j]) || isFwPunct(text[i - 1]))) {
      out.push(issue(text, 'space', i, j, ''));
    }
    i = j - 1;
  }
}

const FINAL = '。！？…”’）》」』】：；';

/** A paragraph of sentences ends with 。！？ (a short line without punctuation is a heading and is left alone). */
function sentenceEnd(text: string, line: Line, out: LintIssue[]) {
  let e = line.end;
  while (e > line.start && isSpace(text[e - 1])) e--;
  let s = line.start;
  while (s < e && isSpace(text[s])) s++;
  if (e <= s) return;
  const body = text.slice(s, e);
  if (!HAN.test(body)) return;
  const last = text[e - 1];
  if (FINAL.includes(last)) return;
  if (last === '，' || last === '、') {
    out.push(issue(text, 'sentence-end', e - 1, e, '。'));
    return;
  }
  if (/[,.;:?!)"']/.test(last)) return; // the half-width detector handles these
  const isHeading = !/[，。；！？,;!?]/.test(body) && [...body].length <= 20;
  if (isHeading) return;
  out.push(issue(text, 'sentence-end', e - 1, e, `${last}。`));
}

/** Full-width digits and Latin letters → half-width. */
function fullwidthAlnum(text: string, out: LintIssue[]) {
  for (const m of text.matchAll(/[０-９Ａ-Ｚａ-ｚ]+/g)) {
    const fix = m[0].replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    out.push(issue(text, 'fullwidth-alnum', m.index, m.index + m[0].length, fix));
  }
}

function words(text: string, out: LintIssue[]) {
  for (const t of TYPOS) {
    for (let at = text.indexOf(t.wrong); at >= 0; at = text.indexOf(t.wrong, at + 1)) {
      if (!guarded(text, at, t)) out.push(issue(text, 'wrong-word', at, at + t.wrong.length, t.right));
    }
  }
  for (const rule of PATTERN_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const [s, e] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
      out.push(issue(text, rule.kind === 'word' ? 'wrong-word' : rule.kind, s, e, rule.right));
    }
  }
  for (const d of findDe(text)) out.push(issue(text, 'de', d.at, d.at + 1, d.right));
}

/**
 * All issues of `text`, sorted by position. Overlapping issues are reduced to the first (then the longest), so
 * that each underline has one fix; applying all fixes and linting again finds what was hidden.
 */
export function lintSelfAssessment(text: string): LintIssue[] {
  const all: LintIssue[] = [];
  for (const line of linesOf(text)) {
    halfwidthPunct(text, line, all);
    quotes(text, line, all);
    brackets(text, line, all);
    ellipsisAndDash(text, line, all);
    doubled(text, line, all);
    spaces(text, line, all);
    sentenceEnd(text, line, all);
  }
  fullwidthAlnum(text, all);
  words(text, all);
  all.sort((a, b) => a.start - b.start || b.end - a.end || LINT_KINDS.indexOf(a.kind) - LINT_KINDS.indexOf(b.kind));
  const out: LintIssue[] = [];
  let reach = -1;
  for (const x of all) {
    if (x.start < reach) continue;
    out.push(x);
    reach = Math.max(x.end, x.start + (x.end === x.start ? 1 : 0));
  }
  return out;
}

/** Apply one issue's fix (unchanged when it has none or the text moved on). */
export function applyIssue(text: string, x: LintIssue): string {
  if (x.fix === null || text.slice(x.start, x.end) !== x.found) return text;
  return text.slice(0, x.start) + x.fix + text.slice(x.end);
}

/** Apply every fix, re-linting until nothing more can be fixed (at most `rounds` passes). */
export function applyAll(text: string, rounds = 5): string {
  let cur = text;
  for (let r = 0; r < rounds; r++) {
    const fixable = lintSelfAssessment(cur).filter((x) => x.fix !== null);
    if (fixable.length === 0) break;
    for (const x of [...fixable].sort((a, b) => b.start - a.start)) cur = applyIssue(cur, x);
  }
  return cur;
}

/** Length guidance (ours; the manual gives no number): count of non-space characters. */
export const LENGTH_GUIDE = { minChars: 200, maxChars: 800 } as const;

export interface LengthAdvice {
  chars: number;
  status: 'empty' | 'short' | 'ok' | 'long';
}

export function lengthAdvice(text: string): LengthAdvice {
  const chars = [...text.replace(/\s+/gu, '')].length;
  const status = chars === 0 ? 'empty' : chars < LENGTH_GUIDE.minChars ? 'short' : chars > LENGTH_GUIDE.maxChars ? 'long' : 'ok';
  return { chars, status };
}

/** A piece of the text for the marked view: plain, or the text of issue number `issue` (index into `issues`). */
export interface Segment {
  text: string;
  issue: number | null;
}

/** Cut `text` into plain and marked pieces (issues must not overlap, as `lintSelfAssessment` returns them). */
export function segments(text: string, issues: readonly LintIssue[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  issues.forEach((x, k) => {
    if (x.start < at) return;
    if (x.start > at) out.push({ text: text.slice(at, x.start), issue: null });
    out.push({ text: text.slice(x.start, x.end), issue: k });
    at = x.end;
  });
  if (at < text.length) out.push({ text: text.slice(at), issue: null });
  return out;
}
