import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR, REPO_ROOT } from '../../../helpers/shared.ts';
import { inspectFile, extensionOf } from '../../../../src/lib/jpeg/index.ts';
import { be32, box, concat, le16, le32, png, pngChunk, riff, riffChunk, text, tiff } from './build.ts';

const read = (f: string) => new Uint8Array(readFileSync(join(PHOTOS_DIR, f)));

describe('real JPEG damage', () => {
  it('zeros appended after EOI are reported as trailing bytes (the padding trick)', () => {
    const src = read('a_cn-man-blue-idphoto.jpg');
    for (const pad of [1, 777, 14000]) {
      const f = inspectFile(concat(src, new Uint8Array(pad)), 'padded.jpg');
      expect([f.trailingBytes, f.problem, f.bytes], `pad ${pad}`).toEqual([pad, null, src.length + pad]);
    }
  });

  it('a second JPEG appended after EOI counts as trailing bytes', () => {
    const a = read('a_woman-grey-halfbody.jpg');
    expect(inspectFile(concat(a, a), 'twice.jpg').trailingBytes).toBe(a.length);
  });

  it('a truncated download reports "truncated" but still knows the size', () => {
    const src = read('b_woman-black-outdoor.jpg');
    for (const keep of [0.3, 0.9, 0.999]) {
      const f = inspectFile(src.subarray(0, Math.floor(src.length * keep)), 'cut.jpg');
      expect([f.problem, f.storedWidth, f.storedHeight, f.trailingBytes], `keep ${keep}`).toEqual(['truncated', 448, 448, 0]);
    }
    expect(inspectFile(src.subarray(0, src.length - 2), 'cut.jpg').problem).toBe('truncated'); // EOI cut off
  });
});

describe('other formats', () => {
  it('PNG: IHDR size, depth, colour type, pHYs → dpi, eXIf orientation, metadata', () => {
    const phys = pngChunk('pHYs', [...be32(11811), ...be32(11811), 1]);
    const exif = pngChunk('eXIf', Array.from(tiff(false, [{ tag: 0x0112, type: 3, value: [8] }])));
    const f = inspectFile(png(480, 640, [phys, exif, pngChunk('iCCP', text('sRGB\0\0x')), pngChunk('tEXt', text('Comment\0hi'))]), 'photo.png');
    expect(f).toMatchObject({
      format: 'png', mime: 'image/png', extension: 'png', storedWidth: 480, storedHeight: 640, bitsPerSample: 8,
      components: 3, colorSpace: 'rgb', dpi: [300, 300], orientation: 8, quality: null, progressive: null, problem: null,
    });
    expect(f.metadata).toEqual(['exif', 'icc', 'comment']);
    const gray = inspectFile(png(10, 20, [pngChunk('pHYs', [...be32(3780), ...be32(3780), 0])], 0, 16), 'g.png');
    expect([gray.components, gray.colorSpace, gray.bitsPerSample, gray.dpi]).toEqual([1, 'gray', 16, null]); // unit 0 = aspect only
    const rgba = inspectFile(png(3, 3, [], 6), 'a.png');
    expect(rgba.components).toBe(4);
  });

  it('PNG cut short is "truncated"', () => {
    const b = png(480, 640);
    expect(inspectFile(b.subarray(0, b.length - 20), 'x.png').problem).toBe('truncated');
    expect(inspectFile(b.subarray(0, 20), 'x.png').problem).toBe('truncated');
  });

  it('WebP: lossy VP8, lossless VP8L, extended VP8X with EXIF', () => {
    const vp8 = riff('WEBP', [riffChunk('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(480), ...le16(640), 0, 0])]);
    expect(inspectFile(vp8, 'a.webp')).toMatchObject({ format: 'webp', storedWidth: 480, storedHeight: 640, problem: null });
    const bits = (479 & 0x3fff) | ((639 & 0x3fff) << 14);
    const vp8l = riff('WEBP', [riffChunk('VP8L', [0x2f, ...le32(bits), 0, 0])]);
    expect(inspectFile(vp8l, 'b.webp')).toMatchObject({ storedWidth: 480, storedHeight: 640, components: 4 });
    const exif = Array.from(tiff(true, [{ tag: 0x0112, type: 3, value: [6] }]));
    const vp8x = riff('WEBP', [riffChunk('VP8X', [0x08, 0, 0, 0, 0xdf, 0x01, 0, 0x7f, 0x02, 0]), riffChunk('EXIF', exif)]);
    expect(inspectFile(vp8x, 'c.webp')).toMatchObject({ storedWidth: 480, storedHeight: 640, orientation: 6, metadata: ['exif'] });
  });

  it('GIF and BMP header sizes', () => {
    expect(inspectFile(concat(text('GIF89a'), le16(480), le16(640), [0, 0, 0]), 'a.gif')).toMatchObject({ format: 'gif', storedWidth: 480, storedHeight: 640 });
    const bmp = concat(text('BM'), le32(54), le32(0), le32(54), le32(40), le32(480), le32(-640 >>> 0), le16(1), le16(24), le32(0), le32(0), le32(11811), le32(11811), le32(0), le32(0));
    expect(inspectFile(bmp, 'a.bmp')).toMatchObject({ format: 'bmp', storedWidth: 480, storedHeight: 640, bitsPerSample: 24, dpi: [300, 300] });
    const core = concat(text('BM'), le32(26), le32(0), le32(26), le32(12), le16(33), le16(44), le16(1), le16(8));
    expect(inspectFile(core, 'c.bmp')).toMatchObject({ storedWidth: 33, storedHeight: 44, bitsPerSample: 8 });
  });

  it('HEIC: size from the largest ispe box (thumbnail and tiles are smaller)', () => {
    const ispe = (w: number, h: number) => box('ispe', [0, 0, 0, 0, ...be32(w), ...be32(h)]);
    const ipco = box('ipco', [...box('hvcC', [1, 2, 3]), ...ispe(512, 512), ...ispe(4032, 3024), ...ispe(320, 240)]);
    const meta = box('meta', [0, 0, 0, 0, ...box('hdlr', new Array(25).fill(0)), ...box('iprp', ipco)]);
    const heic = concat(box('ftyp', [...text('heic'), 0, 0, 0, 0, ...text('mif1heic')]), meta, box('mdat', [1, 2, 3]));
    expect(inspectFile(heic, 'IMG_0001.HEIC')).toMatchObject({ format: 'heic', mime: 'image/heic', extension: 'heic', storedWidth: 4032, storedHeight: 3024 });
    const avif = concat(box('ftyp', [...text('avif'), 0, 0, 0, 0, ...text('mif1')]), meta);
    expect(inspectFile(avif, 'a.avif')).toMatchObject({ format: 'heic', mime: 'image/avif' });
    expect(inspectFile(concat(box('ftyp', [...text('heic'), 0, 0, 0, 0])), 'x.heic').storedWidth).toBeNull();
  });

  it('HEIC written by libheif (the uploads fixture, 640 × 480 per ImageMagick identify)', () => {
    const b = new Uint8Array(readFileSync(join(REPO_ROOT, 'tests/fixtures/uploads/sample.heic')));
    expect(inspectFile(b, 'sample.heic')).toMatchObject({ format: 'heic', storedWidth: 640, storedHeight: 480, problem: null });
  });

  it.each([
    ['II', true],
    ['MM', false],
  ])('TIFF (%s): IFD0 size, resolution, orientation', (_bo, little) => {
    const t = tiff(little, [
      { tag: 0x0100, type: 4, value: [480] },
      { tag: 0x0101, type: 3, value: [640] },
      { tag: 0x0112, type: 3, value: [3] },
      { tag: 0x011a, type: 5, value: [300, 1] },
      { tag: 0x011b, type: 5, value: [300, 1] },
      { tag: 0x0128, type: 3, value: [2] },
    ]);
    expect(inspectFile(t, 'scan.tif')).toMatchObject({ format: 'tiff', mime: 'image/tiff', storedWidth: 480, storedHeight: 640, dpi: [300, 300], orientation: 3, problem: null });
    expect(inspectFile(t.subarray(0, 9), 'cut.tif')).toMatchObject({ format: 'tiff', storedWidth: null, problem: 'truncated' });
  });

  it('non-images: format and MIME only, nothing invented', () => {
    const pdf = inspectFile(new TextEncoder().encode('%PDF-1.7\n1 0 obj'), '成绩单.pdf');
    expect(pdf).toMatchObject({ format: 'pdf', mime: 'application/pdf', extension: 'pdf', storedWidth: null, quality: null, metadata: [], problem: null, trailingBytes: 0 });
    expect(inspectFile(new Uint8Array(0), 'empty.jpg')).toMatchObject({ format: 'empty', bytes: 0, extension: 'jpg', problem: null });
    expect(inspectFile(new TextEncoder().encode('<svg/>'), 'x.jpg')).toMatchObject({ format: 'svg', mime: 'image/svg+xml' });
  });
});

describe('extensionOf', () => {
  it.each([
    ['photo.JPG', 'jpg'],
    ['a.b.jpeg', 'jpeg'],
    ['C:\\Users\\me\\照片.Jpg', 'jpg'],
    ['/tmp/dir.d/noext', ''],
    ['.hidden', ''],
    ['trailingdot.', ''],
    ['', ''],
  ])('%s → "%s"', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});
