import { describe, it, expect } from 'vitest';
import { assess, worst, type FileFacts } from '../../../../src/features/uploads/decide.ts';
import { findingMessage, formatBytes } from '../../../../src/features/uploads/messages.ts';
import { inspectPdf } from '../../../../src/features/uploads/pdf-inspect.ts';
import { sniff } from '../../../../src/features/uploads/sniff.ts';
import { translator } from '../../../../src/i18n/index.ts';
import { jspdfBytes, randomBytes, jpegHeaderBytes } from './helpers.ts';

const zh = translator('zh-CN');
const en = translator('en');
const sharpOk = { score: 0.5, contrast: 200, blank: false, blurry: false };
const img = (width: number, height: number, sharpness = sharpOk) => ({ width, height, sharpness });
const facts = (name: string, bytes: Uint8Array, extra: Partial<FileFacts> = {}): FileFacts => {
  const kind = sniff(bytes);
  return { name, bytes: bytes.length, kind, pdf: kind === 'pdf' ? inspectPdf(bytes) : undefined, ...extra };
};
const texts = (f: FileFacts) => assess(f).findings.map((x) => findingMessage(zh, x));

describe('assess: the four bad inputs of the issue get a clear zh-CN message', () => {
  it('a renamed .pdf that is really a JPEG: fail U-FORMAT, rename to .jpg', () => {
    const a = assess(facts('证书.pdf', jpegHeaderBytes(3000, 2000), { image: img(3000, 2000) }));
    expect(a.verdict).toBe('fail');
    expect(a.action).toBe('rename');
    expect(a.findings[0]).toMatchObject({ code: 'ext-mismatch', rule: 'U-FORMAT', status: 'fail' });
    expect(findingMessage(zh, a.findings[0])).toBe('文件扩展名是 .pdf，但内容其实是JPG（JPEG）图片。平台按实际内容判断，扩展名不符的文件会被视为不规范。本工具已按实际内容处理，并以正确的扩展名提供下载。');
  });
  it('an encrypted PDF: fail U-FORMAT, reject, says how to fix', () => {
    const a = assess(facts('鉴定.pdf', jspdfBytes(2, { encrypted: true })));
    expect(a).toMatchObject({ verdict: 'fail', action: 'reject' });
    const m = texts(facts('鉴定.pdf', jspdfBytes(2, { encrypted: true })));
    expect(m.join('\n')).toContain('这个 PDF 已加密');
    expect(m.join('\n')).toContain('取消密码后重新导出');
  });
  it('a 0-byte file: fail, reject', () => {
    const a = assess(facts('空.jpg', new Uint8Array(0)));
    expect(a).toMatchObject({ verdict: 'fail', action: 'reject' });
    expect(texts(facts('空.jpg', new Uint8Array(0)))).toEqual(['文件是空的（0 字节），里面没有任何内容。请回到原来的应用重新导出或重新拍照，再选择新的文件。']);
  });
  it('random bytes: fail, reject, "无法识别"', () => {
    const a = assess(facts('scan.jpg', randomBytes(5000)));
    expect(a).toMatchObject({ verdict: 'fail', action: 'reject' });
    expect(a.findings.map((f) => f.code)).toEqual(['unknown']);
    expect(findingMessage(zh, a.findings[0])).toMatch(/^无法识别文件内容/);
  });
});

describe('assess: pictures', () => {
  it('a JPEG ≤ 4,000,000 bytes with the right name is kept, with a pass line naming size in MB and bytes', () => {
    const a = assess({ name: 'a.jpg', bytes: 1_234_567, kind: 'jpeg', image: img(3000, 2000) });
    expect(a).toMatchObject({ verdict: 'pass', action: 'keep' });
    expect(findingMessage(zh, a.findings[0])).toBe('符合格式和大小要求：JPG（JPEG）图片，1.23 MB（1,234,567 字节），不超过 4 MB。');
  });
  it('a 12 MB PNG must be converted (U-FORMAT) and is too big (U-BYTES)', () => {
    const a = assess({ name: 'scan.png', bytes: 12_000_000, kind: 'png', image: img(4000, 3000) });
    expect(a.action).toBe('convert');
    expect(a.findings.map((f) => [f.code, f.rule])).toEqual([['needs-conversion', 'U-FORMAT'], ['too-big', 'U-BYTES']]);
  });
  it('HEIC converts', () => {
    expect(assess({ name: 'IMG_0001.HEIC', bytes: 2_000_000, kind: 'heic', image: img(4032, 3024) }).action).toBe('convert');
  });
  it('a JPEG over 4 MiB is compressed; between 4,000,000 and 4 MiB it is a warn and still compressed', () => {
    expect(assess({ name: 'a.jpg', bytes: 5_000_000, kind: 'jpeg', image: img(4000, 3000) })).toMatchObject({ verdict: 'fail', action: 'compress' });
    const amb = assess({ name: 'a.jpg', bytes: 4_100_000, kind: 'jpeg', image: img(4000, 3000) });
    expect(amb).toMatchObject({ verdict: 'warn', action: 'compress' });
    expect(amb.findings[0].code).toBe('bytes-ambiguous');
    expect(assess({ name: 'a.jpg', bytes: 4_000_000, kind: 'jpeg', image: img(4000, 3000) }).action).toBe('keep');
  });
  it('size boundaries of legibility: < 1000 px warn, < 1600 px info, 1600 px nothing', () => {
    const codes = (w: number, h: number) => assess({ name: 'a.jpg', bytes: 100_000, kind: 'jpeg', image: img(w, h) }).findings.map((f) => `${f.code}:${f.status}`);
    expect(codes(999, 700)).toEqual(['image-too-small:warn']);
    expect(codes(1000, 700)).toEqual(['image-small:info', 'ok:pass']);
    expect(codes(1599, 1000)).toEqual(['image-small:info', 'ok:pass']);
    expect(codes(1000, 1600)).toEqual(['ok:pass']);
  });
  it('blurry and blank pictures are warned about, marked as our tolerance', () => {
    const blurry = assess({ name: 'a.jpg', bytes: 100_000, kind: 'jpeg', image: img(3000, 2000, { score: 0.05, contrast: 180, blank: false, blurry: true }) });
    expect(blurry.verdict).toBe('warn');
    const msg = findingMessage(zh, blurry.findings[0]);
    expect(msg).toContain('清晰度评分 0.05');
    expect(msg).toContain('手册未作规定');
    const blank = assess({ name: 'a.jpg', bytes: 100_000, kind: 'jpeg', image: img(3000, 2000, { score: 0, contrast: 3, blank: true, blurry: false }) });
    expect(blank.findings[0].code).toBe('image-blank');
  });
  it('a picture that does not decode is rejected', () => {
    expect(assess({ name: 'a.png', bytes: 100, kind: 'png', image: null })).toMatchObject({ action: 'reject', verdict: 'fail' });
  });
  it('TIFF and ZIP are refused with a how-to', () => {
    const a = assess({ name: 'a.tif', bytes: 100, kind: 'tiff' });
    expect(a.action).toBe('reject');
    expect(findingMessage(zh, a.findings[0])).toContain('另存为 JPG 或 PDF');
    const html = assess({ name: '证书.pdf', bytes: 300, kind: 'html' });
    expect(html).toMatchObject({ action: 'reject', verdict: 'fail' });
    expect(findingMessage(zh, html.findings[0])).toBe('这是网页文件（HTML）（扩展名 .pdf），平台不接受，本工具也无法在浏览器中转换。请用扫描或办公软件另存为 JPG 或 PDF 后再检查。');
  });
});

describe('assess: PDFs', () => {
  it('an intact 3-page PDF is kept with a page-count note', () => {
    const a = assess(facts('鉴定.pdf', jspdfBytes(3)));
    expect(a).toMatchObject({ verdict: 'pass', action: 'keep' });
    expect(texts(facts('鉴定.pdf', jspdfBytes(3)))[0]).toBe('PDF 共 3 页，结构完整、未加密。请确认页数和顺序正确。');
  });
  it('a truncated PDF is rejected as incomplete', () => {
    const b = jspdfBytes(2);
    const a = assess(facts('x.pdf', b.subarray(0, b.length - 200)));
    expect(a.action).toBe('reject');
    expect(a.findings.map((f) => f.code)).toContain('pdf-truncated');
  });
  it('a PDF named .jpg is renamed', () => {
    expect(assess(facts('x.jpg', jspdfBytes(1))).action).toBe('rename');
  });
  it('a PDF over 4 MiB cannot be fixed here and says how', () => {
    const a = assess({ name: 'big.pdf', bytes: 9_000_000, kind: 'pdf', pdf: { version: '1.4', encrypted: false, pages: 4, problems: [] } });
    expect(a.action).toBe('reject');
    expect(findingMessage(zh, a.findings.find((f) => f.code === 'pdf-too-big')!)).toContain('多页材料合并为一个 PDF');
  });
});

describe('messages', () => {
  it('bytes are shown with unit and exact count', () => {
    expect(formatBytes(zh, 0)).toBe('0 字节');
    expect(formatBytes(zh, 40_960)).toBe('40.96 KB（40,960 字节）');
    expect(formatBytes(en, 4_000_000)).toBe('4.00 MB (4,000,000 bytes)');
  });
  it('every finding code has a zh-CN and an English sentence (no raw keys)', () => {
    const all = ['empty', 'unknown', 'unsupported', 'ext-mismatch', 'needs-conversion', 'too-big', 'pdf-too-big', 'bytes-ambiguous', 'pdf-encrypted', 'pdf-truncated', 'pdf-no-pages', 'pdf-bad-xref', 'pdf-pages', 'image-undecodable', 'image-too-small', 'image-small', 'image-blurry', 'image-blank', 'ok'] as const;
    for (const code of all) {
      for (const t of [zh, en]) {
        const s = findingMessage(t, { code, rule: 'U-FORMAT', status: 'fail', params: { kind: 'png', ext: 'pdf', bytes: 5, max: 4_000_000, pages: 2, width: 1, height: 1, longSide: 1, min: 1, score: 0.1, contrast: 1 } });
        expect(s, code).not.toMatch(/uploads\.|\{\w+\}/);
      }
    }
  });
  it('worst(): info does not lower a pass', () => {
    expect(worst([{ code: 'pdf-pages', rule: 'U-FORMAT', status: 'info' }])).toBe('pass');
  });
});
