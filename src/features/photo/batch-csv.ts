/**
 * Batch CSV of CONTRACT.md: UTF-8 with BOM, comma separated, one header row, one row per file. Numbers plain (no
 * units), blank where unknown; `dpi` is the horizontal dpi; rule lists are IDs joined by ';'.
 */
import type { PhotoReport } from './report-types.ts';

export const CSV_COLUMNS = [
  'file', 'verdict', 'faces', 'width', 'height', 'bytes', 'quality', 'dpi', 'head_top_px', 'eye_y_px',
  'face_width_px', 'roll_deg', 'bg_r', 'bg_g', 'bg_b', 'failed_rules', 'warned_rules',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

const num = (v: number | null | undefined, digits = 0): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

export function reportToRow(r: PhotoReport): CsvRow {
  const m = r.measure;
  return {
    file: r.file.name,
    verdict: r.verdict,
    faces: r.faces,
    width: r.file.width || null,
    height: r.file.height || null,
    bytes: r.file.bytes,
    quality: r.file.quality,
    dpi: r.file.dpi ? num(r.file.dpi[0]) : null,
    head_top_px: num(m?.headTopPx),
    eye_y_px: num(m?.eyeYPx, 1),
    face_width_px: num(m?.faceWidthPx, 1),
    roll_deg: num(m?.rollDeg, 2),
    bg_r: m?.bgRgb ? m.bgRgb[0] : null,
    bg_g: m?.bgRgb ? m.bgRgb[1] : null,
    bg_b: m?.bgRgb ? m.bgRgb[2] : null,
    failed_rules: r.findings.filter((f) => f.status === 'fail').map((f) => f.rule).join(';'),
    warned_rules: r.findings.filter((f) => f.status === 'warn').map((f) => f.rule).join(';'),
  };
}

/** RFC 4180 quoting; also neutralises spreadsheet formulas in file names (=, +, -, @ at the start). */
export function csvCell(v: string | number | null): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The one CSV writer of the app (the batch CSV and the zip's summary.csv): UTF-8 BOM, a header row, CRLF rows,
 * every cell through csvCell (quoted when needed, spreadsheet formulas neutralised, OWASP "CSV injection").
 */
export function csvTable<C extends string>(columns: readonly C[], rows: Iterable<Partial<Record<C, string | number | null | undefined>>>): string {
  const lines = [columns.map((c) => csvCell(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function toCsv(reports: readonly PhotoReport[]): string {
  return csvTable(CSV_COLUMNS, reports.map(reportToRow));
}

/** Columns of summary.csv in the 全部自动修正 zip: one row per photo tried. */
export const FIX_SUMMARY_COLUMNS = ['file', 'result', 'bytes', 'quality', 'reason'] as const;
export type FixSummaryRow = Record<(typeof FIX_SUMMARY_COLUMNS)[number], string | number | null>;

export function fixSummaryCsv(rows: readonly FixSummaryRow[]): string {
  return csvTable(FIX_SUMMARY_COLUMNS, rows);
}

/** Parse our own CSV back (tests, re-import): returns header-keyed rows of strings. */
export function parseCsv(text: string): Record<string, string>[] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
