import { describe, expect, it } from 'vitest';
import { searchSize, type EncodeFn } from '../../../../src/features/photo/size-search.ts';
import { createSearchEncoder, fitJpeg } from '../../../../src/features/photo/encode.ts';
import { readJpegFacts } from '../../../../src/lib/jpeg/index.ts';
import { decodeBytes, loadPhoto, psnr, readManifest, simpleCrop, type Rgba } from './pixels.ts';

const MIN = 20_480, MAX = 40_000;

/** The checks a reviewer's tools make on the file, via the file layer's independent parser. */
function expectCompliant(bytes: Uint8Array, quality: number) {
  const f = readJpegFacts(bytes);
  expect(f.problem).toBeNull();
  expect((f.sof?.marker ?? 0) & 0xff).toBe(0xc0); // SOF0: baseline
  expect([f.sof?.width, f.sof?.height, f.sof?.components.length]).toEqual([480, 640, 3]);
  expect(f.jfif?.units).toBe(1);
  expect([f.jfif?.xDensity, f.jfif?.yDensity]).toEqual([300, 300]);
  expect(f.quality).toMatchObject({ quality, exact: true });
  expect(f.metadata).toEqual([]);
  expect(f.trailingBytes).toBe(0);
  expect(f.end).toBe(bytes.length);
}

const single = readManifest().filter((r) => r.faces === 1).map((r) => r.file);

describe('size search on every single-face shared photo (simple crop to 480×640)', () => {
  it('has photos to test', () => expect(single.length).toBeGreaterThan(20));
  it.each(single)('%s', (file) => {
    const img = simpleCrop(loadPhoto(file));
    const r = fitJpeg(img);
    expect(r.ok, r.failure).toBe(true);
    const b = r.bytes!;
    expect(b.length).toBeGreaterThanOrEqual(MIN);
    expect(b.length).toBeLessThanOrEqual(MAX);
    expect(r.quality).toBeGreaterThanOrEqual(60);
    expect(r.encodes).toBeLessThanOrEqual(7);
    expect(r.steps.length).toBe(r.encodes);
    expectCompliant(b, r.quality);
    // it is the highest quality that fits: quality + 1 (same variant) was measured above the window
    if (r.quality < 100) {
      const up = r.steps.find((s) => s.quality === r.quality + 1 && s.subsampling === r.subsampling && s.denoise === r.denoise);
      expect(up?.bytes).toBeGreaterThan(MAX);
    }
    // genuine pixels: decodes to the same picture
    expect(psnr(img, decodeBytes(b))).toBeGreaterThan(30);
  });
});

function noise(w: number, h: number, amp: number, seed = 1): Rgba {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.max(0, Math.min(255, 128 + (rnd() - 0.5) * 2 * amp));
    data[i * 4 + 3] = 255;
  }
  return { data, width: w, height: h };
}

describe('size search: extremes', () => {
  it('a flat grey image is reported too small (never padded), after trying 4:4:4', () => {
    const data = new Uint8Array(480 * 640 * 4).fill(200);
    const r = fitJpeg({ data, width: 480, height: 640 });
    expect(r.ok).toBe(false);
    expect(r.failure).toBe('too-small');
    expect(r.steps.some((s) => s.subsampling === '4:4:4' && s.quality === 100)).toBe(true);
    expect(r.bytes!.length).toBeLessThan(MIN); // the honest file, not padded
    expectCompliant(r.bytes!, r.quality);
  });

  it('a smooth image with fine colour detail, too small at 4:2:0 q 100, reaches the window with more chroma detail', () => {
    // smooth gradient; the top 40 % carries 1-px stripes that differ in colour but (almost) not in brightness:
    // 4:2:0 / 4:2:2 average them away, 4:4:4 keeps them — honest bytes, not padding
    const w = 480, h = 640, data = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        let r = 90 + x / 8, g = 140 + y / 10, b = 180;
        if (y < h * 0.4 && x > 40 && x < 440) {
          const k = x & 1 ? 1 : -1;
          r += 40 * k;
          g -= 20.4 * k;
          b += 0.4 * k;
        }
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = 255;
      }
    const enc = createSearchEncoder({ data, width: w, height: h });
    expect(enc(100, { subsampling: '4:2:0', denoise: 0 }).length).toBeLessThan(MIN);
    const r = searchSize(enc);
    expect(r.ok).toBe(true);
    expect(r.subsampling).toBe('4:4:4');
    expect(r.steps.some((s) => s.subsampling === '4:2:0' && s.quality === 100)).toBe(true);
    expect(r.bytes!.length).toBeGreaterThanOrEqual(MIN);
    expect(r.bytes!.length).toBeLessThanOrEqual(MAX);
    expectCompliant(r.bytes!, r.quality);
    // and the 4:4:4 file really keeps the colour stripes that 4:2:0 loses
    const d = decodeBytes(r.bytes!);
    const i0 = (100 * w + 200) * 4, i1 = i0 + 4;
    expect(Math.abs(d.data[i0] - d.data[i1])).toBeGreaterThan(40);
  });

  it('a very noisy image takes the denoise path and fits at q ≥ 60, or fails as too-large — never below 60', () => {
    const img = noise(480, 640, 35);
    const r = fitJpeg(img);
    expect(r.steps[0]).toMatchObject({ subsampling: '4:2:0', denoise: 0 });
    expect(r.steps.some((s) => s.denoise > 0)).toBe(true);
    for (const s of r.steps) expect(s.quality).toBeGreaterThanOrEqual(60);
    if (r.ok) {
      expect(r.denoise).toBeGreaterThan(0);
      expect(r.bytes!.length).toBeLessThanOrEqual(MAX);
      expect(r.bytes!.length).toBeGreaterThanOrEqual(MIN);
      expectCompliant(r.bytes!, r.quality);
    } else expect(r.failure).toBe('too-large');
  });

  it('white noise beyond any honest fix fails as too-large with the smallest attempt returned', () => {
    const r = fitJpeg(noise(480, 640, 127, 7));
    expect(r.ok).toBe(false);
    expect(r.failure).toBe('too-large');
    expect(r.quality).toBe(60);
    expect(r.steps.every((s) => s.quality >= 60)).toBe(true);
  });
});

describe('size search policy over a model size curve', () => {
  const model = (f: (q: number, sub: string, d: number) => number): { enc: EncodeFn; calls: number[] } => {
    const calls: number[] = [];
    return { calls, enc: (q, v) => (calls.push(q), new Uint8Array(Math.round(f(q, v.subsampling, v.denoise)))) };
  };

  it.each([20_000, 26_000, 33_000, 39_999, 41_000, 60_000, 90_000])('finds the exact top quality within 7 encodes (size at 88 = %i)', (s88) => {
    const f = (q: number) => s88 * Math.exp(-0.65 * (Math.log(101 - q) - Math.log(13)));
    let want = -1;
    for (let q = 60; q <= 100; q++) if (f(q) <= MAX) want = q;
    const { enc, calls } = model(f);
    const r = searchSize(enc);
    expect(calls.length).toBeLessThanOrEqual(7);
    if (want >= 60 && f(want) >= MIN) {
      expect(r.ok).toBe(true);
      expect(r.quality).toBe(want);
    }
  });

  it('handles a non-monotonic step: the answer is a measured fit, never a guess', () => {
    // monotone except that 91 is bigger than 92
    const base = (q: number) => 30_000 * Math.exp(0.06 * (q - 88));
    const f = (q: number) => (q === 91 ? 40_500 : base(q));
    const { enc } = model(f);
    const r = searchSize(enc);
    expect(r.ok).toBe(true);
    expect(r.bytes!.length).toBeLessThanOrEqual(MAX);
    expect(r.bytes!.length).toBe(Math.round(f(r.quality)));
    expect(r.encodes).toBeLessThanOrEqual(7);
  });

  it('worst case over every possible answer (step curves): ≤ 7 encodes, exact answer', () => {
    for (let top = 59; top <= 100; top++) {
      // a staircase: fits up to `top`, then jumps far above
      const { enc, calls } = model((q) => (q <= top ? 30_000 : 80_000));
      const r = searchSize(enc, { maxDenoise: 0 });
      expect(calls.length, `top ${top}`).toBeLessThanOrEqual(7);
      if (top >= 60) expect(r.quality).toBe(top);
      else expect(r.failure).toBe('too-large');
    }
  });
});
