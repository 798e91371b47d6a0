/** Turn finding codes into sentences through the app's translator (zh-CN source, en second). Pure. */
import type { UploadFinding } from './decide.ts';

import type { Translate } from '../../i18n/core.ts';
export type { Translate };

/** 12,345,678 → '12.35 MB（12,345,678 字节）' / '12.35 MB (12,345,678 bytes)'. MB = 1,000,000 bytes, as U-BYTES. */
export function formatBytes(t: Translate, bytes: number): string {
  const grouped = String(Math.round(bytes)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (bytes < 1000) return t('uploads.bytes.small', { bytes: grouped });
  const kb = bytes < 1_000_000;
  const v = kb ? bytes / 1000 : bytes / 1_000_000;
  return t(kb ? 'uploads.bytes.kb' : 'uploads.bytes.mb', { value: v >= 100 ? v.toFixed(0) : v.toFixed(2), bytes: grouped });
}

export function kindName(t: Translate, kind: string): string {
  return t(`uploads.kind.${kind}`);
}

/** Full sentence for a finding: what is wrong, the rule, how to fix it (the message keys include the fix). */
export function findingMessage(t: Translate, f: UploadFinding): string {
  const p: Record<string, string | number> = { ...(f.params ?? {}) };
  if (typeof p.kind === 'string') p.kind = kindName(t, p.kind);
  if (typeof p.bytes === 'number') p.bytes = formatBytes(t, p.bytes);
  if (typeof p.max === 'number' && /bytes|big|ambiguous|inspected/.test(f.code)) p.max = formatBytes(t, p.max);
  if (p.ext === '-') p.ext = t('uploads.ext.none');
  else if (typeof p.ext === 'string') p.ext = `.${p.ext}`;
  const text = t(`uploads.finding.${f.code}`, p);
  return f.official ? text : `${text}${t('uploads.ours')}`;
}
