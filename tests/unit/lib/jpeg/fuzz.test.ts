/**
 * Property tests: no byte sequence makes the file layer throw (except `JpegParseError` from the edit helpers),
 * loop forever, or report impossible facts. Run counts keep the whole file to a few seconds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../../../helpers/shared.ts';
import { FILE_PROBLEM_CODES, inspectFile, sniff, setJfifDensity, stripMetadata, walkJpeg, JpegParseError } from '../../../../src/lib/jpeg/index.ts';
import type { FileFacts } from '../../../../src/features/photo/report-types.ts';
import { PNG_SIG, box, concat, exifApp1, jfifApp0, miniJpeg, seg, text, tiff } from './build.ts';

function checkFacts(f: FileFacts, bytes: Uint8Array): void {
  expect(f.bytes).toBe(bytes.length);
  expect(f.format).toBe(sniff(bytes));
  // 'unreadable' only comes from inspectFile's last-resort catch: the parsers themselves must not throw.
  expect(f.problem).not.toBe('unreadable');
  if (f.problem !== null) expect(FILE_PROBLEM_CODES).toContain(f.problem);
  for (const v of [f.storedWidth, f.storedHeight]) if (v !== null) expect(Number.isInteger(v) && v >= 0).toBe(true);
  if (f.quality !== null) expect(f.quality >= 1 && f.quality <= 100).toBe(true);
  expect(f.trailingBytes >= 0 && f.trailingBytes <= bytes.length).toBe(true);
  expect(f.orientation >= 1 && f.orientation <= 8).toBe(true);
  if (f.problemAt != null) expect(f.problemAt >= 0 && f.problemAt <= bytes.length).toBe(true);
  if (f.dpi) expect(f.dpi.every((d) => Number.isFinite(d) && d > 0)).toBe(true);
}

/** Edit helpers may only throw JpegParseError; their output must still be a JPEG the walker can read. */
function checkEdits(bytes: Uint8Array): void {
  for (const edit of [setJfifDensity, stripMetadata]) {
    let out: Uint8Array | null = null;
    try {
      out = edit(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(JpegParseError);
    }
    if (out) {
      expect([out[0], out[1]]).toEqual([0xff, 0xd8]);
      walkJpeg(out);
    }
  }
  const stripped = (() => {
    try {
      return stripMetadata(bytes);
    } catch {
      return null;
    }
  })();
  if (stripped) expect(stripped.length).toBeLessThanOrEqual(bytes.length);
}

const HEADERS: number[][] = [
  [],
  [0xff, 0xd8, 0xff],
  [0xff, 0xd8],
  PNG_SIG,
  [...text('RIFF'), 0xff, 0xff, 0, 0, ...text('WEBP')],
  [...text('GIF89a')],
  [...text('BM'), 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0],
  box('ftyp', [...text('heic'), 0, 0, 0, 0, ...text('mif1')]),
  [...text('II'), 42, 0],
  [...text('%PDF-')],
];

describe('fuzz: arbitrary bytes', () => {
  it('inspectFile never throws on random bytes behind every format header', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: HEADERS.length - 1 }), fc.uint8Array({ maxLength: 1500 }), (h, body) => {
        const bytes = concat(HEADERS[h], body);
        checkFacts(inspectFile(bytes, 'x.jpg'), bytes);
        if (h <= 2) checkEdits(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('marker-shaped noise (lots of 0xFF, markers, short lengths) terminates', () => {
    const token = fc.oneof(
      fc.constantFrom([0xff], [0xff, 0x00], [0xff, 0xd9], [0xff, 0xda, 0, 2], [0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0], [0xff, 0xd0], [0xff, 0xe1, 0, 2]),
      fc.uint8Array({ maxLength: 8 }).map((a) => Array.from(a)),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), (tokens) => {
        const bytes = concat([0xff, 0xd8], ...tokens);
        checkFacts(inspectFile(bytes, 'x.jpg'), bytes);
        checkEdits(bytes);
      }),
      { numRuns: 800 },
    );
  });

  it('large pathological inputs finish (long runs of fill bytes / stuffing)', () => {
    const n = 1_000_000;
    const fills = new Uint8Array(n).fill(0xff);
    fills[1] = 0xd8;
    const head = miniJpeg();
    // the built file without its fill bytes and EOI, then megabytes of stuffed 0xFF00 and no EOI
    const pairs = new Uint8Array(n);
    for (let i = 0; i < n; i += 2) pairs[i] = 0xff;
    const stuffed = concat(head.subarray(0, head.length - 4), pairs);
    for (const b of [fills, stuffed]) checkFacts(inspectFile(b, 'x.jpg'), b);
    expect(inspectFile(stuffed, 'x.jpg').problem).toBe('truncated');
  });
});

type Mutation =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
);

function mutate(src: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = src;
  for (const m of ms) {
    // Aim most mutations at the header, where the structure is.
    const at = b.length ? (m.at % 3 === 0 ? m.at % b.length : m.at % Math.min(b.length, 700)) : 0;
    if (m.kind === 'set' && b.length) {
      b = b.slice();
      b[at] = m.value;
    } else if (m.kind === 'insert') b = concat(b.subarray(0, at), m.bytes, b.subarray(at));
    else if (m.kind === 'delete') b = concat(b.subarray(0, at), b.subarray(at + m.len));
    else if (m.kind === 'truncate') b = b.subarray(0, at);
  }
  return b;
}

describe('fuzz: real and built JPEGs with random damage', () => {
  const exif = tiff(false, [{ tag: 0x0112, type: 3, value: [6] }, { tag: 0x011a, type: 5, value: [300, 1] }], [{ tag: 0x9003, type: 2, value: '2024:01:02 03:04:05' }], [{ tag: 0, type: 4, value: [0x02030000] }]);
  const seeds: [string, Uint8Array][] = [
    ['a_woman-grey-halfbody.jpg', new Uint8Array(readFileSync(join(PHOTOS_DIR, 'a_woman-grey-halfbody.jpg')))],
    ['a_woman-blue-bg.jpg (progressive, ICC)', new Uint8Array(readFileSync(join(PHOTOS_DIR, 'a_woman-blue-bg.jpg')))],
    ['built: JFIF + EXIF + COM, progressive', miniJpeg({ head: [jfifApp0(1, 300, 300), exifApp1(exif), seg(0xfe, text('c'))], frame: { marker: 0xc2, width: 480, height: 640 }, scans: 3 })],
  ];

  it.each(seeds)('%s: flips, insertions, deletions, truncations', (_name, src) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        const bytes = mutate(src, ms);
        checkFacts(inspectFile(bytes, 'x.jpg'), bytes);
        checkEdits(bytes);
      }),
      { numRuns: 200 },
    );
  });
});
