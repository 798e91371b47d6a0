/**
 * One finding shape for every area (photo, uploads, …): a rule ID of RULES.md, a status, a message code with its
 * parameters (numbers in their unit; words are chosen at the edge from the code) and whether the limit is the
 * manual's own (`official`) or the tool's tolerance (shown to the user as advice).
 */
export type Status = 'pass' | 'info' | 'warn' | 'fail';

export interface RuleFinding<Rule extends string = string, Code extends string = string> {
  rule: Rule;
  status: Status;
  code: Code;
  params?: Record<string, string | number>;
  official: boolean;
}

const RANK: Record<Status, number> = { pass: 0, info: 0, warn: 1, fail: 2 };

/** The verdict of a list of findings: the worst status ('info' never counts). */
export function worstStatus(findings: readonly { status: Status }[]): 'pass' | 'warn' | 'fail' {
  const r = Math.max(0, ...findings.map((f) => RANK[f.status]));
  return r === 2 ? 'fail' : r === 1 ? 'warn' : 'pass';
}
