import { describe, expect, it } from 'vitest';
import {
  inspectFile, walkJpeg, eoiOffset, entropyEnd, imageEnd, scanEntropyData, readJpegFacts, ZIGZAG,
} from '../../../../src/lib/jpeg/index.ts';
import { ZIGZAG as ENCODER_ZIGZAG } from '../../../../src/lib/jpeg/tables.ts';
import { concat, jfifApp0, miniJpeg, seg, text, sof, dqt, sos, STD_LUMA_QUANT, scaledQuantTable } from './build.ts';

describe('marker walking', () => {
  it('walks a baseline file to the real EOI past stuffed 0xFF00, RSTn and fill bytes', () => {
    const b = miniJpeg();
    const w = walkJpeg(b);
    expect(w.problem).toBeNull();
    expect(w.eoiOffset).toBe(b.length - 2);
    expect(w.end).toBe(b.length);
    expect(w.segments.map((s) => s.marker)).toEqual([0xd8, 0xe0, 0xdb, 0xdb, 0xc0, 0xda, 0xd9]);
    // entropy data ends at the first fill byte before EOI
    expect(entropyEnd(b)).toBe(b.length - 4);
    expect(eoiOffset(b)).toBe(b.length - 2);
    expect(imageEnd(b)).toBe(b.length);
  });

  it('headerOnly stops at the first scan header', () => {
    const b = miniJpeg();
    const h = walkJpeg(b, true);
    const sosSeg = walkJpeg(b).segments.find((s) => s.marker === 0xda)!;
    expect([h.problem, h.eoiOffset, h.end, h.segments.at(-1)?.marker]).toEqual([null, null, sosSeg.end, 0xda]);
  });

  it('reads the frame: size, components, precision, baseline vs progressive', () => {
    const base = inspectFile(miniJpeg({ frame: { width: 480, height: 640 } }), 'a.jpg');
    expect([base.storedWidth, base.storedHeight, base.components, base.bitsPerSample, base.progressive]).toEqual([480, 640, 3, 8, false]);
    const prog = inspectFile(miniJpeg({ frame: { marker: 0xc2, width: 33, height: 7 }, scans: 4 }), 'p.jpg');
    expect([prog.storedWidth, prog.storedHeight, prog.progressive, prog.problem]).toEqual([33, 7, true, null]);
    const ext = inspectFile(miniJpeg({ frame: { marker: 0xc1, width: 10, height: 12, precision: 12 } }), 'e.jpg');
    expect([ext.bitsPerSample, ext.progressive]).toEqual([12, false]);
    const gray = inspectFile(miniJpeg({ frame: { width: 8, height: 8, components: [[1, 0x11, 0]] } }), 'g.jpg');
    expect([gray.components, gray.colorSpace]).toEqual([1, 'gray']);
  });

  it('tells colour spaces apart like libjpeg: JFIF, Adobe transform, R/G/B ids, CMYK/YCCK', () => {
    const rgbIds: [number, number, number][] = [[0x52, 0x11, 0], [0x47, 0x11, 0], [0x42, 0x11, 0]];
    const adobe = (t: number) => seg(0xee, [...text('Adobe'), 0, 100, 0, 0, 0, 0, t]);
    const cmykComps: [number, number, number][] = [[1, 0x11, 0], [2, 0x11, 0], [3, 0x11, 0], [4, 0x11, 0]];
    const cs = (o: Parameters<typeof miniJpeg>[0]) => inspectFile(miniJpeg(o), 'x.jpg').colorSpace;
    expect(cs({})).toBe('ycbcr');
    expect(cs({ head: [], frame: { width: 8, height: 8, components: rgbIds } })).toBe('rgb');
    expect(cs({ head: [adobe(0)] })).toBe('rgb');
    expect(cs({ head: [adobe(1)] })).toBe('ycbcr');
    expect(cs({ head: [adobe(0)], frame: { width: 8, height: 8, components: cmykComps } })).toBe('cmyk');
    expect(cs({ head: [adobe(2)], frame: { width: 8, height: 8, components: cmykComps } })).toBe('ycck');
    // Adobe APP14 is colour information, not personal metadata
    expect(inspectFile(miniJpeg({ head: [adobe(1)] }), 'x.jpg').metadata).toEqual([]);
  });

  it('handles fill bytes before markers and stand-alone markers between segments', () => {
    const b = concat(
      [0xff, 0xd8],
      [0xff, 0xff, 0xff], jfifApp0(1, 72, 72), // fill bytes before APP0
      [0xff, 0x01], // TEM (stand-alone)
      dqt(0, scaledQuantTable(STD_LUMA_QUANT, 50)),
      sof({ width: 16, height: 16, components: [[1, 0x11, 0]] }),
      sos([1]), [1, 2, 3, 0xff, 0x00, 4, 0xff, 0xd0, 5],
      [0xff, 0xd9],
    );
    const f = inspectFile(b, 'x.jpg');
    expect(f.problem).toBeNull();
    expect([f.storedWidth, f.dpi, f.quality, f.trailingBytes]).toEqual([16, [72, 72], 50, 0]);
  });

  it('finds the EOI after the entropy data, not a 0xFFD9 hidden inside an APP segment', () => {
    const trap = seg(0xe5, [0xff, 0xd9, 0xff, 0xd9]);
    const b = miniJpeg({ head: [jfifApp0(1, 300, 300), trap] });
    expect(eoiOffset(b)).toBe(b.length - 2);
    expect(inspectFile(b, 'x.jpg').metadata).toEqual(['other-app']);
  });

  it('reports trailing bytes after EOI', () => {
    const f = inspectFile(miniJpeg({ tail: new Uint8Array(5000) }), 'padded.jpg');
    expect(f.trailingBytes).toBe(5000);
    expect(f.problem).toBeNull();
  });

  it('reports truncation: inside entropy data, inside a segment, right after SOI', () => {
    const b = miniJpeg();
    const inScan = inspectFile(b.subarray(0, b.length - 50), 'cut.jpg');
    expect(inScan.problem).toBe('truncated');
    expect([inScan.storedWidth, inScan.storedHeight, inScan.trailingBytes]).toEqual([480, 640, 0]);
    const sofAt = walkJpeg(b).segments.find((s) => s.marker === 0xc0)!.offset;
    expect(inspectFile(b.subarray(0, sofAt + 6), 'cut.jpg').problem).toBe('truncated');
    expect(inspectFile(b.subarray(0, 3), 'cut.jpg').problem).toBe('truncated');
    expect(inspectFile(miniJpeg({ withEoi: false }), 'x.jpg').problem).toBe('truncated');
  });

  it('reports structural problems by code', () => {
    expect(walkJpeg(new Uint8Array([0x89, 0x50])).problem).toBe('not-jpeg');
    expect(walkJpeg(concat([0xff, 0xd8, 0xff, 0xe0, 0, 1])).problem).toBe('bad-length');
    expect(walkJpeg(concat([0xff, 0xd8], sos([1]), [0xff, 0xd9])).problem).toBe('no-frame');
    expect(walkJpeg(concat([0xff, 0xd8], sof({ width: 1, height: 1 }), [0xff, 0xd9])).problem).toBe('no-scan');
    // extraneous bytes between two segments: skipped like libjpeg does, reported as bad-marker, rest still read
    const junk = concat([0xff, 0xd8], jfifApp0(1, 300, 300), [1, 2, 3], miniJpeg().subarray(20));
    const f = inspectFile(junk, 'x.jpg');
    expect(f.problem).toBe('bad-marker');
    expect(f.problemAt).toBe(20);
    expect(f.storedWidth).toBe(480);
    // a stray 0xFF00 between segments is skipped the same way
    const ff00 = concat([0xff, 0xd8], jfifApp0(1, 300, 300), [0xff, 0x00], miniJpeg().subarray(20));
    expect([inspectFile(ff00, 'x.jpg').problem, inspectFile(ff00, 'x.jpg').storedHeight]).toEqual(['bad-marker', 640]);
    // an SOF too short for its component count
    const badSof = concat([0xff, 0xd8], seg(0xc0, [8, 0, 10, 0, 10, 3, 1]), sos([1]), [0, 0xff, 0xd9]);
    expect(inspectFile(badSof, 'x.jpg').problem).toBe('bad-frame');
  });

  it('uses the DNL height when the frame height is 0', () => {
    const b = concat([0xff, 0xd8], sof({ width: 20, height: 0, components: [[1, 0x11, 0]] }), sos([1]), [7, 7], seg(0xdc, [0, 99]), [0xff, 0xd9]);
    expect(readJpegFacts(b).sof?.height).toBe(99);
  });

  it('scanEntropyData skips stuffing and restarts and stops at a real marker', () => {
    const d = new Uint8Array([1, 0xff, 0x00, 2, 0xff, 0xd7, 3, 0xff, 0xff, 0xd9]);
    expect(scanEntropyData(d, 0)).toBe(7);
    expect(scanEntropyData(new Uint8Array([1, 0xff, 0x00, 0xff]), 0)).toBe(-1);
  });

  it('the zig-zag order matches the encoder module', () => {
    expect(Array.from(ZIGZAG)).toEqual(Array.from(ENCODER_ZIGZAG));
  });
});
