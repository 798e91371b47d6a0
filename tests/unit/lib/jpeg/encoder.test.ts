import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { createJpegEncoder, encodeJpeg, optimalHuffman } from '../../../../src/lib/jpeg/encoder.ts';
import { decodeBytes, loadPhoto, psnr, simpleCrop, type Rgba } from '../../features/photo/pixels.ts';
import { dqtTables, walkJpeg } from '../../features/photo/segments.ts';

const PHOTOS = ['a_cn-man-blue-idphoto.jpg', 'a_man-grey-hivision-demo.jpg', 'b_woman-event-backdrop.jpg', 'c_face-mask-selfie.jpg', 'b_man-curly-dark-bg.png'];
const crops = new Map<string, Rgba>();
const crop = (f: string) => {
  let c = crops.get(f);
  if (!c) crops.set(f, (c = simpleCrop(loadPhoto(f))));
  return c;
};

/** The standard Annex K tables as jpeg-js (an independent encoder) writes them at quality q: DQT and DHT payloads. */
function jpegJsSegments(img: Rgba, q: number) {
  const ref = new Uint8Array(jpeg.encode({ data: Buffer.from(img.data), width: img.width, height: img.height }, q).data);
  const w = walkJpeg(ref);
  return { dqt: w.segments.filter((s) => s.marker === 0xffdb), dht: w.segments.filter((s) => s.marker === 0xffc4) };
}

describe('baseline JPEG encoder: header', () => {
  it.each([
    [90, '4:2:0', 0x22],
    [75, '4:2:2', 0x21],
    [60, '4:4:4', 0x11],
  ] as const)('q %i %s: SOI, JFIF 300 dpi, DQT = IJG tables, SOF0 480×640×3, nothing after EOI', (q, sub, ySampling) => {
    const img = crop('a_man-grey-hivision-demo.jpg');
    const b = encodeJpeg(img, { quality: q, subsampling: sub });
    expect([b[0], b[1]]).toEqual([0xff, 0xd8]);
    const w = walkJpeg(b);
    expect(w.trailing).toBe(0);
    expect(w.eoi).toBe(b.length - 2);
    // only JFIF APP0, DQT, SOF0, DHT, SOS — in this order, no other APPn/COM
    expect(w.segments.map((s) => s.marker)).toEqual([0xffe0, 0xffdb, 0xffc0, 0xffc4, 0xffda]);
    const app0 = w.segments[0].payload;
    expect(Array.from(app0.subarray(0, 5))).toEqual([0x4a, 0x46, 0x49, 0x46, 0]); // "JFIF\0"
    expect(app0[7]).toBe(1); // units: dots per inch
    expect((app0[8] << 8) | app0[9]).toBe(300);
    expect((app0[10] << 8) | app0[11]).toBe(300);
    expect(app0.length).toBe(14); // no thumbnail
    const sof = w.segments[2].payload;
    expect(sof[0]).toBe(8);
    expect((sof[1] << 8) | sof[2]).toBe(640);
    expect((sof[3] << 8) | sof[4]).toBe(480);
    expect(sof[5]).toBe(3);
    expect(Array.from(sof.subarray(6, 15))).toEqual([1, ySampling, 0, 2, 0x11, 1, 3, 0x11, 1]);
    // DQT equals the tables jpeg-js writes for the same quality (same IJG scaling, independent code)
    const ref = jpegJsSegments(img, q);
    const mine = dqtTables(w.segments[1].payload);
    const theirs = new Map<number, number[]>();
    for (const s of ref.dqt) for (const [k, v] of dqtTables(s.payload)) theirs.set(k, v);
    expect(mine.get(0)).toEqual(theirs.get(0));
    expect(mine.get(1)).toEqual(theirs.get(1));
  });

  it('DQT at q 50 is exactly Annex K (zig-zag), at q 100 all ones', () => {
    const img = crop('a_man-grey-hivision-demo.jpg');
    const t50 = dqtTables(walkJpeg(encodeJpeg(img, { quality: 50 })).segments[1].payload);
    expect(t50.get(0)!.slice(0, 10)).toEqual([16, 11, 12, 14, 12, 10, 16, 14, 13, 14]);
    expect(t50.get(1)!.slice(0, 6)).toEqual([17, 18, 18, 24, 21, 24]);
    const t100 = dqtTables(walkJpeg(encodeJpeg(img, { quality: 100 })).segments[1].payload);
    expect(new Set(t100.get(0))).toEqual(new Set([1]));
  });

  it('standard Huffman tables are byte-identical to those jpeg-js writes', () => {
    const img = crop('a_man-grey-hivision-demo.jpg');
    const mine = walkJpeg(encodeJpeg(img, { quality: 80 })).segments.find((s) => s.marker === 0xffc4)!.payload;
    const ref = jpegJsSegments(img, 80).dht;
    const theirs = ref.length === 1 ? ref[0].payload : Uint8Array.from(ref.flatMap((s) => Array.from(s.payload)));
    // same four tables (class/id byte + 16 counts + symbols); compare as a set of tables
    const split = (p: Uint8Array) => {
      const out: string[] = [];
      let i = 0;
      while (i < p.length) {
        const n = p.subarray(i + 1, i + 17).reduce((a, b) => a + b, 0);
        out.push(Array.from(p.subarray(i, i + 17 + n)).join(','));
        i += 17 + n;
      }
      return out.sort();
    };
    expect(split(mine)).toEqual(split(theirs));
  });
});

describe('baseline JPEG encoder: pixels', () => {
  it.each(PHOTOS)('%s: round trip through jpeg-js at q 90 keeps PSNR ≥ 36 dB, q 100 4:4:4 ≥ 45 dB', (f) => {
    const img = crop(f);
    const enc = createJpegEncoder(img);
    const d90 = decodeBytes(enc.encode({ quality: 90 }));
    expect(d90.width).toBe(480);
    expect(d90.height).toBe(640);
    const p90 = psnr(img, d90);
    expect(p90).toBeGreaterThan(36);
    const p100 = psnr(img, decodeBytes(enc.encode({ quality: 100, subsampling: '4:4:4' })));
    expect(p100).toBeGreaterThan(45);
    // lower quality → fewer bytes and lower PSNR (sanity of the quantiser)
    const b60 = enc.encode({ quality: 60 });
    expect(b60.length).toBeLessThan(enc.encode({ quality: 90 }).length);
    expect(psnr(img, decodeBytes(b60))).toBeLessThan(p90);
  });

  it('optimised Huffman tables: identical pixels, fewer bytes, still baseline SOF0', () => {
    const img = crop('b_woman-event-backdrop.jpg');
    const enc = createJpegEncoder(img);
    for (const sub of ['4:2:0', '4:4:4'] as const) {
      const std = enc.encode({ quality: 85, subsampling: sub });
      const opt = enc.encode({ quality: 85, subsampling: sub, optimizeHuffman: true });
      expect(opt.length).toBeLessThan(std.length);
      expect(walkJpeg(opt).segments.map((s) => s.marker)).toContain(0xffc0);
      expect(Buffer.from(decodeBytes(opt).data).equals(Buffer.from(decodeBytes(std).data))).toBe(true);
    }
  });

  it('optimalHuffman: lengths ≤ 16, prefix-free counts (Kraft < 1), every used symbol present', () => {
    const freq = new Array(256).fill(0);
    for (let s = 0; s < 256; s++) freq[s] = s % 7 === 0 ? 0 : Math.floor(1e6 / (s + 1) ** 2) + 1; // very skewed
    const spec = optimalHuffman(freq);
    expect(spec.bits.length).toBe(16);
    let kraft = 0;
    spec.bits.forEach((n, i) => (kraft += n / 2 ** (i + 1)));
    expect(kraft).toBeLessThan(1);
    expect(new Set(spec.values)).toEqual(new Set(freq.map((f, s) => (f > 0 ? s : -1)).filter((s) => s >= 0)));
    expect(spec.bits.reduce((a, b) => a + b, 0)).toBe(spec.values.length);
  });

  it('odd sizes (edge replication) and transparency (over white) decode correctly', () => {
    const w = 37, h = 23;
    const data = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        data[i] = x * 6;
        data[i + 1] = y * 10;
        data[i + 2] = 128;
        data[i + 3] = x < 5 ? 0 : 255; // a transparent stripe on the left
      }
    const d = decodeBytes(encodeJpeg({ data, width: w, height: h }, { quality: 95, subsampling: '4:4:4' }));
    expect([d.width, d.height]).toEqual([w, h]);
    const at = (x: number, y: number) => Array.from(d.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 3));
    for (const v of at(1, 10)) expect(v).toBeGreaterThan(240); // white where transparent
    const [r, g, b] = at(30, 12);
    expect(Math.abs(r - 180)).toBeLessThan(8);
    expect(Math.abs(g - 120)).toBeLessThan(8);
    expect(Math.abs(b - 128)).toBeLessThan(8);
  });

  it('rejects bad input instead of writing a broken file', () => {
    const img = { data: new Uint8Array(16), width: 2, height: 2 };
    expect(() => encodeJpeg(img, { quality: 0 })).toThrow(RangeError);
    expect(() => encodeJpeg(img, { quality: 101 })).toThrow(RangeError);
    expect(() => encodeJpeg({ data: new Uint8Array(8), width: 2, height: 2 }, { quality: 80 })).toThrow(RangeError);
  });
});

// ImageMagick, when this machine has it: geometry, density, estimated quality and sampling as a user's tools see them.
const hasIdentify = (() => {
  try {
    execFileSync('identify', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasIdentify)('ImageMagick reads our files', () => {
  it.each([
    [87, '4:2:0', '2x2,1x1,1x1'],
    [64, '4:2:2', '2x1,1x1,1x1'],
    [100, '4:4:4', '1x1,1x1,1x1'],
  ] as const)('q %i %s', (q, sub, sampling) => {
    const dir = mkdtempSync(join(tmpdir(), 'fixer-im-'));
    const file = join(dir, 'photo.jpg');
    writeFileSync(file, encodeJpeg(crop('a_cn-man-blue-idphoto.jpg'), { quality: q, subsampling: sub, optimizeHuffman: true }));
    const out = execFileSync('identify', ['-format', '%m %w %h %x %y %U %Q %[jpeg:sampling-factor]', file], { encoding: 'utf8' });
    expect(out.trim().replace(/\s+/g, ' ')).toBe(`JPEG 480 640 300 300 PixelsPerInch ${q} ${sampling}`);
    // a full decode produces no warning on stderr
    const res = execFileSync('sh', ['-c', `convert "${file}" "${join(dir, 'x.png')}" 2>&1`], { encoding: 'utf8' });
    expect(res.trim()).toBe('');
    expect(existsSync(join(dir, 'x.png'))).toBe(true);
  });
});
