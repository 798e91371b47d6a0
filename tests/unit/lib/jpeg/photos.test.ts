/**
 * Every photo of the shared test set through `inspectFile`: sizes against MANIFEST.tsv, and quality, density,
 * EXIF date and GPS against values recorded with ImageMagick 6.9.11-60 (`identify -format '%Q %x %U'`,
 * `%[EXIF:DateTimeOriginal]`, `%[EXIF:GPSVersionID]`) on 2026-11-29. CI has no ImageMagick, so the values are
 * recorded here; when `identify` is installed, the last test also compares live.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PHOTOS_DIR, readManifest } from '../../../helpers/shared.ts';
import { inspectFile } from '../../../../src/lib/jpeg/index.ts';

/** [file, identify %Q, dpi when identify reports PixelsPerInch (null for 'Undefined')]. */
const IDENTIFY: [string, number, number | null][] = [
  ['a_cn-man-blue-idphoto.jpg', 95, 96],
  ['a_cn-man-grey-suit.jpg', 96, 144],
  ['a_cn-man-red-replaced.jpg', 95, null],
  ['a_cn-man-white-replaced.jpg', 95, null],
  ['a_man-grey-grimace.jpg', 70, 300],
  ['a_man-grey-hivision-demo.jpg', 99, 72],
  ['a_man-lightgrey-suit.jpg', 90, 150],
  ['a_man-white-closeup.jpg', 63, null],
  ['a_man-white-glasses.jpg', 85, null],
  ['a_woman-blue-bg.jpg', 70, 72],
  ['a_woman-grey-halfbody.jpg', 72, null],
  ['b_man-beard-event.jpg', 78, 72],
  ['b_man-black-oval-office.jpg', 93, 240],
  ['b_man-glasses-window.jpg', 94, 300],
  ['b_man-grey-hair-event.jpg', 91, 72],
  ['b_teen-hand-on-head.jpg', 80, null],
  ['b_woman-black-outdoor.jpg', 75, null],
  ['b_woman-blonde-office.jpg', 70, null],
  ['b_woman-event-backdrop.jpg', 99, 72],
  ['b_woman-older-indoor.jpg', 75, null],
  ['b_woman-south-asian-street.jpg', 90, 72],
  ['c_back-of-head.jpg', 82, null],
  ['c_blurry-dark.jpg', 95, 72],
  ['c_dark-skin-backlit-cut-top.jpg', 75, null],
  ['c_face-cut-left.jpg', 99, null],
  ['c_face-mask-selfie.jpg', 75, 96],
  ['c_group-table.jpg', 70, null],
  ['c_id-sheet-4faces.jpg', 100, 72],
  ['c_looking-up-small.jpg', 90, 350],
  ['c_profile-left.jpg', 75, null],
  ['c_rotated-90.jpg', 96, 72],
  ['c_selfie-many-people.jpg', 80, 72],
  ['c_small-face-fullbody.jpg', 92, 300],
  ['c_sunglasses-cap.jpg', 68, null],
  ['c_two-faces-tilted.jpg', 96, 72],
  ['d_anime-girl.jpg', 63, null],
  ['d_cartoon-man.jpg', 96, 72],
  ['d_dog-bicycle.jpg', 93, 72],
  ['d_dog-collage.jpg', 70, 180],
  ['d_landscape.jpg', 95, 72],
  ['d_passport-diagram.jpg', 95, 150],
];

/** identify %[EXIF:DateTimeOriginal] and whether %[EXIF:GPSVersionID] is set (files not listed have neither). */
const EXIF_DATES: Record<string, [string | null, boolean]> = {
  'a_man-grey-hivision-demo.jpg': ['2018-07-13T14:10:12', true],
  'b_man-black-oval-office.jpg': ['2012-12-06T15:46:01', false],
  'b_man-glasses-window.jpg': ['2018-04-16T17:13:46', true],
  'b_man-grey-hair-event.jpg': [null, true],
  'b_woman-event-backdrop.jpg': ['2019-07-20T17:45:22', true],
  'c_looking-up-small.jpg': ['2011-12-01T12:03:41', true],
  'c_small-face-fullbody.jpg': ['2010-05-10T10:04:01', false],
  'd_dog-bicycle.jpg': ['2014-09-19T16:08:30', false],
};

const read = (f: string) => new Uint8Array(readFileSync(join(PHOTOS_DIR, f)));
const manifest = readManifest();

describe('shared photos', () => {
  it('the recorded table covers every JPEG of the manifest', () => {
    const jpegs = manifest.filter((r) => /\.jpe?g$/i.test(r.file)).map((r) => r.file).sort();
    expect(IDENTIFY.map((r) => r[0]).sort()).toEqual(jpegs);
  });

  it.each(manifest.map((r) => [r.file, r] as const))('%s: format, size and byte count match the manifest', (file, row) => {
    const bytes = read(file);
    const f = inspectFile(bytes, file);
    expect(f.format).toBe(/\.png$/i.test(file) ? 'png' : 'jpeg');
    expect([f.storedWidth, f.storedHeight]).toEqual([row.width, row.height]);
    expect(f.bytes).toBe(row.bytes);
    expect(f.problem).toBeNull();
    expect(f.trailingBytes).toBe(0);
    expect(f.extension).toBe(file.split('.').pop());
  });

  it.each(IDENTIFY)('%s: quality %i and density like ImageMagick', (file, q, ppi) => {
    const f = inspectFile(read(file), file);
    expect(f.quality).toBe(q);
    expect(f.dpi).toEqual(ppi === null ? null : [ppi, ppi]);
    expect(f.components).toBe(3);
    expect(f.colorSpace).toBe('ycbcr');
    const [date, gps] = EXIF_DATES[file] ?? [null, false];
    expect(f.dateTimeOriginal).toBe(date);
    expect(f.metadata.includes('gps')).toBe(gps);
    expect(f.orientation).toBe(1);
  });

  const hasIdentify = (() => {
    try {
      execFileSync('identify', ['-version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasIdentify)('live: identify %Q agrees within ±2 on every shared JPEG', () => {
    for (const [file] of IDENTIFY) {
      const im = Number(execFileSync('identify', ['-format', '%Q', join(PHOTOS_DIR, file)], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      expect(Math.abs(inspectFile(read(file), file).quality! - im), file).toBeLessThanOrEqual(2);
    }
  }, 120_000); // 41 identify processes on a shared 2-core machine
});
