/** Findings grouped for display: fail → warn → info → pass (RULES.md severities), with counts. */
import type { Finding, PhotoReport, Status } from './report-types.ts';

export const STATUS_ORDER: readonly Status[] = ['fail', 'warn', 'info', 'pass'];

export interface FindingGroup { status: Status; findings: Finding[] }

export function groupFindings(report: PhotoReport): FindingGroup[] {
  return STATUS_ORDER.map((status) => ({ status, findings: report.findings.filter((f) => f.status === status) })).filter((g) => g.findings.length > 0);
}

export function countByStatus(report: PhotoReport): Record<Status, number> {
  const c: Record<Status, number> = { pass: 0, warn: 0, fail: 0, info: 0 };
  for (const f of report.findings) c[f.status]++;
  return c;
}

/** Bytes as KB with one decimal (1 KB = 1024 bytes, as Windows shows it). */
export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

/**
 * What the candidate should do next with this photo: fix it (one face measured: the fixer crops, scales, pads,
 * replaces the background and sizes the file), or take another one — with the reason as a photo-dictionary code.
 */
export type NextStep =
  | { kind: 'fix' }
  | { kind: 'retake'; code: string; params: Record<string, string | number> };

export function nextStep(report: PhotoReport): NextStep {
  if (report.faces === 0) return { kind: 'retake', code: 'photo.refuse.no-face', params: {} };
  if (report.faces > 1) return { kind: 'retake', code: 'photo.refuse.faces', params: { faces: report.faces } };
  if (!report.measure) return { kind: 'retake', code: 'photo.refuse.unmeasurable', params: {} };
  return { kind: 'fix' };
}

/** Findings split for display: what fails and what needs attention shown open, notes and passes folded. */
export function foldFindings(report: PhotoReport): { open: FindingGroup[]; folded: FindingGroup[] } {
  const groups = groupFindings(report);
  return { open: groups.filter((g) => g.status === 'fail' || g.status === 'warn'), folded: groups.filter((g) => g.status === 'info' || g.status === 'pass') };
}
