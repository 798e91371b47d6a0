import { describe, expect, it } from 'vitest';
import { inspectFile, parseTiffExif, exifDate } from '../../../../src/lib/jpeg/index.ts';
import { exifApp1, jfifApp0, miniJpeg, tiff, type TiffEntry } from './build.ts';

const ORIENT = 0x0112;
const XRES = 0x011a;
const YRES = 0x011b;
const UNIT = 0x0128;
const DTO = 0x9003;
const MAKE = 0x010f;

function camera(little: boolean, o: { orientation?: number; res?: [number, number, number, number]; unit?: number; date?: string; gps?: boolean }) {
  const ifd0: TiffEntry[] = [{ tag: MAKE, type: 2, value: 'TestCam' }];
  if (o.orientation !== undefined) ifd0.push({ tag: ORIENT, type: 3, value: [o.orientation] });
  if (o.res) ifd0.push({ tag: XRES, type: 5, value: o.res.slice(0, 2) }, { tag: YRES, type: 5, value: o.res.slice(2) });
  if (o.unit !== undefined) ifd0.push({ tag: UNIT, type: 3, value: [o.unit] });
  const exif: TiffEntry[] | undefined = o.date !== undefined ? [{ tag: DTO, type: 2, value: o.date }] : undefined;
  const gps: TiffEntry[] | undefined = o.gps ? [{ tag: 0x0000, type: 4, value: [0x02030000] }, { tag: 0x0002, type: 5, value: [31, 1, 52, 1, 0, 1] }] : undefined;
  return tiff(little, ifd0, exif, gps);
}

describe.each([
  ['little-endian (II)', true],
  ['big-endian (MM)', false],
])('EXIF %s', (_label, little) => {
  it('orientation, date, resolution in dpi and GPS presence', () => {
    const t = camera(little, { orientation: 6, res: [300, 1, 600, 2], unit: 2, date: '2024:05:17 08:09:10', gps: true });
    expect(parseTiffExif(t)).toEqual({ orientation: 6, dpi: [300, 300], dateTimeOriginal: '2024-05-17T08:09:10', gps: true, valid: true, imageWidth: null, imageHeight: null });
  });

  it('every orientation 1..8 through a JPEG APP1; out-of-range values read as absent (1)', () => {
    for (let o = 0; o <= 9; o++) {
      const f = inspectFile(miniJpeg({ head: [jfifApp0(0, 1, 1), exifApp1(camera(little, { orientation: o }))] }), 'x.jpg');
      expect(f.orientation, `orientation ${o}`).toBe(o >= 1 && o <= 8 ? o : 1);
      expect(f.metadata).toEqual(['exif']);
    }
  });

  it('ResolutionUnit: cm is converted, none gives no dpi, absent means inch', () => {
    expect(parseTiffExif(camera(little, { res: [118, 1, 118, 1], unit: 3 })).dpi).toEqual([299.72, 299.72]);
    expect(parseTiffExif(camera(little, { res: [72, 1, 72, 1], unit: 1 })).dpi).toBeNull();
    expect(parseTiffExif(camera(little, { res: [96, 1, 96, 1] })).dpi).toEqual([96, 96]);
    expect(parseTiffExif(camera(little, { res: [72, 0, 72, 0], unit: 2 })).dpi).toBeNull();
    expect(parseTiffExif(camera(little, { res: [1, 1000, 1, 1000], unit: 2 })).dpi).toBeNull(); // rounds to 0 dpi (found by the fuzz test)
  });

  it('EXIF resolution is the dpi only when JFIF gives none', () => {
    const ex = exifApp1(camera(little, { res: [350, 1, 350, 1], unit: 2 }));
    const aspectOnly = inspectFile(miniJpeg({ head: [jfifApp0(0, 1, 1), ex] }), 'x.jpg');
    expect([aspectOnly.dpi, aspectOnly.dpiSource]).toEqual([[350, 350], 'exif']);
    const jfif = inspectFile(miniJpeg({ head: [jfifApp0(1, 300, 300), ex] }), 'x.jpg');
    expect([jfif.dpi, jfif.dpiSource]).toEqual([[300, 300], 'jfif']);
    const exifOnly = inspectFile(miniJpeg({ head: [ex] }), 'x.jpg');
    expect([exifOnly.dpi, exifOnly.dpiSource, exifOnly.jfif]).toEqual([[350, 350], 'exif', false]);
  });

  it('date and GPS reach FileFacts; blank dates are null', () => {
    const f = inspectFile(miniJpeg({ head: [exifApp1(camera(little, { date: '2023:12:31 23:59:58', gps: true }))] }), 'x.jpg');
    expect(f.dateTimeOriginal).toBe('2023-12-31T23:59:58');
    expect(f.metadata).toEqual(['exif', 'gps']);
    expect(parseTiffExif(camera(little, { date: '    :  :     :  :  ' })).dateTimeOriginal).toBeNull();
  });

  it('damaged blocks give nulls, never an exception', () => {
    const t = camera(little, { orientation: 3, date: '2020:01:02 03:04:05', gps: true });
    for (let cut = 0; cut < t.length; cut++) {
      const r = parseTiffExif(t.subarray(0, cut));
      expect(r.orientation === null || r.orientation === 3).toBe(true);
    }
    const bad = t.slice();
    bad[little ? 4 : 7] = 0xf0; // IFD0 offset far outside the block
    expect(parseTiffExif(bad).valid).toBe(false);
  });
});

describe('exifDate', () => {
  it.each([
    ['2024:02:29 12:00:00', '2024-02-29T12:00:00'],
    ['2024-02-29 12:00:00', '2024-02-29T12:00:00'],
    ['2024:13:01 00:00:00', null],
    ['0000:00:00 00:00:00', null],
    ['garbage', null],
    ['', null],
  ])('%s → %s', (s, want) => {
    expect(exifDate(s)).toBe(want);
  });
});
