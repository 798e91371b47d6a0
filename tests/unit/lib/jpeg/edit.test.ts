import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../../../helpers/shared.ts';
import { inspectFile, setJfifDensity, stripMetadata, walkJpeg, JpegParseError } from '../../../../src/lib/jpeg/index.ts';
import { concat, exifApp1, jfifApp0, miniJpeg, seg, text, tiff } from './build.ts';

const read = (f: string) => new Uint8Array(readFileSync(join(PHOTOS_DIR, f)));
/** Bytes from the first DQT to EOI: tables, frame, Huffman tables and every scan. */
function imageBody(b: Uint8Array): Uint8Array {
  const w = walkJpeg(b);
  const first = w.segments.find((s) => s.marker === 0xdb)!;
  return b.subarray(first.offset, w.end);
}
/** Byte-exact comparison (vitest's deep equality is slow on megabyte arrays). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const changedOffsets = (a: Uint8Array, b: Uint8Array) => Array.from(a.keys()).filter((i) => a[i] !== b[i]);

describe('setJfifDensity', () => {
  it('patches an existing JFIF APP0 in place: same length, only units and densities change', () => {
    const src = read('a_man-grey-hivision-demo.jpg'); // JFIF units 1, 72×72
    const out = setJfifDensity(src);
    expect(out.length).toBe(src.length);
    expect(out).not.toBe(src);
    const f = inspectFile(out, 'x.jpg');
    expect([f.dpi, f.dpiSource]).toEqual([[300, 300], 'jfif']);
    expect(changedOffsets(src, out)).toEqual([14, 15, 16, 17]); // units were already 1: X and Y density 72 → 300
    expect(inspectFile(src, 'x.jpg').dpi).toEqual([72, 72]); // input untouched
  });

  it('turns an aspect-only JFIF (units 0, as Chromium writes it) into 300 dpi', () => {
    const src = miniJpeg({ head: [jfifApp0(0, 1, 1)] });
    const out = setJfifDensity(src, 300, 300);
    expect(out.length).toBe(src.length);
    expect(inspectFile(out, 'x.jpg').dpi).toEqual([300, 300]);
    expect(Array.from(out.subarray(13, 18))).toEqual([1, 1, 0x2c, 1, 0x2c]);
  });

  it('patches a short JFIF APP0 without the thumbnail-size bytes in place too', () => {
    const short = seg(0xe0, [...text('JFIF\0'), 1, 2, 0, 0, 1, 0, 1]);
    const src = miniJpeg({ head: [short] });
    const out = setJfifDensity(src, 200, 200);
    expect(out.length).toBe(src.length);
    expect(inspectFile(out, 'x.jpg').dpi).toEqual([200, 200]);
  });

  it('inserts a 16-byte JFIF APP0 right after SOI when there is none', () => {
    const src = miniJpeg({ head: [exifApp1(tiff(true, [{ tag: 0x0112, type: 3, value: [1] }]))] });
    const out = setJfifDensity(src, 600, 200);
    expect(out.length).toBe(src.length + 18);
    expect(Array.from(out.subarray(0, 20))).toEqual([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...text('JFIF\0'), 1, 1, 1, 2, 0x58, 0, 0xc8, 0, 0]);
    expect(out.subarray(20)).toEqual(src.subarray(2));
    const f = inspectFile(out, 'x.jpg');
    expect([f.dpi, f.dpiSource, f.jfif, f.colorSpace, f.problem]).toEqual([[600, 200], 'jfif', true, 'ycbcr', null]);
  });

  it('rejects non-JPEG bytes and bad densities with JpegParseError', () => {
    expect(() => setJfifDensity(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow(JpegParseError);
    for (const d of [0, -1, 1.5, 70000, NaN]) expect(() => setJfifDensity(miniJpeg(), d, 300)).toThrow(JpegParseError);
  });

  it('on every shared JPEG the result re-parses as 300 × 300 dpi with the image bytes unchanged', () => {
    for (const file of ['a_cn-man-red-replaced.jpg', 'b_man-black-oval-office.jpg', 'c_sunglasses-cap.jpg', 'a_woman-grey-halfbody.jpg']) {
      const src = read(file);
      const out = setJfifDensity(src);
      const f = inspectFile(out, file);
      expect([f.dpi, f.dpiSource, f.problem], file).toEqual([[300, 300], 'jfif', null]);
      expect(same(imageBody(out), imageBody(src)), file).toBe(true);
    }
  });
});

describe('stripMetadata', () => {
  it('removes EXIF/GPS/XMP/ICC/IPTC/COM and keeps JFIF and the image bytes', () => {
    const src = read('a_man-grey-hivision-demo.jpg');
    expect(inspectFile(src, 'x.jpg').metadata).toEqual(['iptc', 'exif', 'gps', 'icc', 'xmp']);
    const out = stripMetadata(src);
    const f = inspectFile(out, 'x.jpg');
    expect([f.metadata, f.dateTimeOriginal, f.dpi, f.problem, f.trailingBytes]).toEqual([[], null, [72, 72], null, 0]);
    expect([f.storedWidth, f.storedHeight, f.quality]).toEqual([576, 768, 99]);
    expect(same(imageBody(out), imageBody(src))).toBe(true);
    expect(out.length).toBeLessThan(src.length);
  });

  it('drops bytes after EOI and keeps Adobe APP14; the result is exactly SOI + kept segments + scan + EOI', () => {
    const jfif = jfifApp0(1, 300, 300);
    const adobe = seg(0xee, [...text('Adobe'), 0, 100, 0, 0, 0, 0, 1]);
    const src = miniJpeg({
      head: [jfif, seg(0xfe, text('hello')), adobe, seg(0xe2, text('ICC_PROFILE\0\x01\x01')), seg(0xed, text('Photoshop 3.0\0')), seg(0xe1, text('http://ns.adobe.com/xap/1.0/\0<x/>'))],
      tail: new Uint8Array(1000).fill(0),
    });
    const out = stripMetadata(src);
    const plain = miniJpeg({ head: [jfif, adobe] });
    expect(out).toEqual(plain);
    expect(inspectFile(src, 'x.jpg').metadata).toEqual(['comment', 'icc', 'iptc', 'xmp']);
    expect(inspectFile(out, 'x.jpg').trailingBytes).toBe(0);
  });

  it('keeps every scan of a progressive photo byte-identical', () => {
    const src = read('b_man-grey-hair-event.jpg');
    const out = stripMetadata(src);
    const f = inspectFile(out, 'x.jpg');
    expect([f.progressive, f.metadata, f.problem]).toEqual([true, [], null]);
    const scans = (b: Uint8Array) => walkJpeg(b).segments.filter((s) => s.marker === 0xda).length;
    expect(scans(out)).toBe(scans(src));
    expect(same(imageBody(out), imageBody(src))).toBe(true);
  });

  it('strip then density patch gives what the fixer needs: JFIF 300 dpi, no metadata', () => {
    const out = setJfifDensity(stripMetadata(read('c_small-face-fullbody.jpg')));
    const f = inspectFile(out, 'x.jpg');
    expect([f.dpi, f.metadata, f.orientation, f.problem]).toEqual([[300, 300], [], 1, null]);
  });

  it('rejects non-JPEG bytes with JpegParseError', () => {
    expect(() => stripMetadata(concat(text('GIF89a')))).toThrow(JpegParseError);
  });
});
