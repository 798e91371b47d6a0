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
