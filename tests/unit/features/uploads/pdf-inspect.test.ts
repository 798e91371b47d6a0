import { describe, it, expect } from 'vitest';
import { inspectPdf, dictAt, inflateCapped, PdfBoundError, INFLATE_CAP_BYTES, MAX_DICT_CHARS } from '../../../../src/features/uploads/pdf-inspect.ts';
import { MAX_BYTES_MIB } from '../../../../src/features/uploads/spec.ts';
import { zlibSync } from 'fflate';
import { sniff } from '../../../../src/features/uploads/sniff.ts';
import { jspdfBytes, objectStreamPdf, enc, hostilePdf } from './helpers.ts';

describe('inspectPdf (jsPDF-written files)', () => {
  for (const n of [1, 3, 7]) {
    it(`counts ${n} page(s), not encrypted, intact`, () => {
      const info = inspectPdf(jspdfBytes(n));
      expect(info).toEqual({ version: '1.3', encrypted: false, pages: n, problems: [] });
    });
  }

  it('finds /Encrypt in the trailer of an encrypted PDF and still counts its pages', () => {
    const info = inspectPdf(jspdfBytes(2, { encrypted: true }));
    expect(info.encrypted).toBe(true);
    expect(info.pages).toBe(2);
  });

  it('a PDF cut off in the middle has no end marker and a dangling xref', () => {
    const full = jspdfBytes(3);
    const info = inspectPdf(full.subarray(0, Math.floor(full.length * 0.6)));
    expect(info.problems).toContain('no-eof');
    expect(info.problems).toContain('bad-xref');
  });

  it('a wrong startxref offset is reported as bad-xref only', () => {
    const s = new TextDecoder('latin1').decode(jspdfBytes(1));
    const broken = enc(s.replace(/startxref\s+(\d+)/, (_m, n) => `startxref\n${Number(n) + 7}`));
    expect(inspectPdf(broken).problems).toEqual(['bad-xref']);
  });

  it('header only: no pages, no end', () => {
    const info = inspectPdf(enc('%PDF-1.4\nthis is not really a pdf'));
    expect(info.version).toBe('1.4');
    expect(info.pages).toBeNull();
    expect(info.problems).toEqual(expect.arrayContaining(['no-eof', 'bad-xref', 'no-pages']));
  });

  it('no header at all', () => {
    expect(inspectPdf(enc('hello')).problems).toEqual(['no-header']);
  });

  it('accepts junk before the header (as readers do) and offsets xref from the header', () => {
    const b = jspdfBytes(2);
    const junk = enc('JUNK-BEFORE-HEADER\n');
    const withJunk = new Uint8Array(junk.length + b.length);
    withJunk.set(junk); withJunk.set(b, junk.length);
    expect(sniff(withJunk)).toBe('pdf');
    expect(inspectPdf(withJunk)).toMatchObject({ pages: 2, problems: [] });
  });
});

describe('inspectPdf (PDF 1.5 object streams)', () => {
  it('reads the page count from a compressed object stream located by an xref stream', () => {
    const b = objectStreamPdf(5);
    expect(new TextDecoder('latin1').decode(b)).not.toMatch(/\/Type \/Page\b/);
    expect(inspectPdf(b)).toEqual({ version: '1.5', encrypted: false, pages: 5, problems: [] });
  });
  it('finds /Encrypt in a cross-reference stream dictionary', () => {
    expect(inspectPdf(objectStreamPdf(2, { encryptKey: true })).encrypted).toBe(true);
  });
});

describe('dictAt', () => {
  it('balances nested dictionaries and ignores brackets inside literal strings', () => {
    const t = 'x << /A << /B 1 >> /T (a >> b \\) <<) /C 2 >> tail';
    expect(dictAt(t, 0)).toBe('<< /A << /B 1 >> /T (a >> b \\) <<) /C 2 >>');
  });
  it('returns null when the dictionary never closes', () => {
    expect(dictAt('<< /A 1', 0)).toBeNull();
  });
});

describe('inspectPdf on hostile files (issue 16): bounded, linear, capped inflation', () => {
  // Before: each of these ran the page's main thread for minutes to an hour (quadratic scans) or allocated
  // 256 MiB (uncapped inflate). Now every scan is charged to one budget of SCAN_BUDGET_FACTOR × the file length.
  it('4 MB of unclosed `N 0 obj <<` → unreadable (scan budget), not a page count', () => {
    const info = inspectPdf(hostilePdf('unclosed'));
    expect(info.problems).toContain('unreadable');
    expect(info.pages).toBeNull();
  });
  it('4 MB of unclosed `trailer <<` → unreadable', () => {
    expect(inspectPdf(hostilePdf('trailers')).problems).toContain('unreadable');
  });
  it('4 MB run of digits before `obj` → answered (no quadratic regular expression)', () => {
    const info = inspectPdf(hostilePdf('digits'));
    expect(info.problems).toContain('no-pages');
  });
  it('an object stream inflating to 256 MiB is stopped at the cap → unreadable', () => {
    const b = hostilePdf('bomb');
    expect(b.length).toBeLessThan(MAX_BYTES_MIB);
    expect(inspectPdf(b).problems).toContain('unreadable');
  });
  it('inflateCapped: stops at the cap, passes data under it unchanged', () => {
    const data = new Uint8Array(100_000).map((_, i) => (i * 7) & 255);
    expect(inflateCapped(zlibSync(data), 200_000)).toEqual(data);
    expect(() => inflateCapped(zlibSync(new Uint8Array(INFLATE_CAP_BYTES + 1)), INFLATE_CAP_BYTES)).toThrow(PdfBoundError);
    expect(inflateCapped(enc('not deflate data at all'), 1000)).toBeNull();
  });
  it('an unclosed dictionary stops at MAX_DICT_CHARS, a scan is charged to the budget', () => {
    const t = '<< /A 1 ' + ' '.repeat(MAX_DICT_CHARS + 10) + '>>';
    const budget = { chars: 10 * MAX_DICT_CHARS, inflated: 0 };
    expect(dictAt(t, 0, 16, budget)).toBeNull();
    expect(budget.chars).toBeLessThanOrEqual(9 * MAX_DICT_CHARS + 1);
    expect(() => dictAt(t, 0, 16, { chars: 100, inflated: 0 })).toThrow(PdfBoundError);
  });
});
