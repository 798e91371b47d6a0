/** Findings grouped for display: fail → warn → info → pass (RULES.md severities), with counts. */
import type { Finding, PhotoReport, Status } from './report-types.ts';
import type { Params, Translate } from '../../i18n/core.ts';
import { PHOTO_SPEC as S } from './photo-spec.ts';

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

/**
 * Rules whose contract `expected` (CONTRACT.md, zh-CN) holds words: the UI words the requirement from the spec's
 * numbers (`photoui.expected.<rule>`), so an English user never sees the zh-CN contract text.
 */
const EXPECTED_PARAMS: Readonly<Record<string, () => Params>> = {
  'P-FMT-COLOR': () => ({ components: S.components.value, bits: S.bitsPerSample.value }),
  'P-FMT-BYTES': () => ({ min: S.bytesPass.min.toLocaleString('en-US'), max: S.bytesPass.max.toLocaleString('en-US') }),
  'P-BG-COLOR': () => ({ max: S.maxBgDeltaE.value }),
  'P-IMG-RECENT': () => ({ months: S.maxAgeMonths.value }),
};

/** The requirement as shown: worded in the UI language where the contract's text has words, else as reported. */
export function expectedText(f: Finding, t: Translate): string | undefined {
  if (f.expected === undefined || f.expected === '') return undefined;
  const params = EXPECTED_PARAMS[f.rule];
  return params ? t(`photoui.expected.${f.rule}`, params()) : f.expected;
}

/**
 * The measured value with its unit. The contract's `value` is a plain number "in the rule's unit"; the unit is the
 * one its requirement is written in (px, dpi, °, B, ΔE00), and a face count is worded as a count.
 */
export function valueText(f: Finding, t: Translate): string | undefined {
  if (f.value === undefined) return undefined;
  if (typeof f.value !== 'number') return String(f.value);
  if (f.rule === 'P-FACE-ONE') return t('photoui.unit.faces', { n: f.value });
  const e = f.expected ?? '';
  if (/^ΔE00\b/u.test(e)) return `ΔE00 ${f.value}`;
  const unit = /(?:\d\s*(px|dpi|B)\b|(°))/u.exec(e);
  if (!unit) return String(f.value);
  return unit[2] ? `${f.value}${unit[2]}` : `${f.value.toLocaleString('en-US')} ${unit[1]}`;
}
