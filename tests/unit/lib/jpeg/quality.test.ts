import { describe, expect, it } from 'vitest';
import { estimateQuality, estimateJpegQuality, ijgScale, inspectFile, readJpegFacts } from '../../../../src/lib/jpeg/index.ts';
import { encodeJpeg } from '../../../../src/lib/jpeg/encoder.ts';
import { STD_CHROMA_QUANT, STD_LUMA_QUANT, scaledQuantTable, miniJpeg, jfifApp0 } from './build.ts';
import { SYNTHETIC } from './synthetic-tables.ts';

const Q = Array.from({ length: 100 }, (_, i) => i + 1);

/** libjpeg's table without the baseline clamp (16-bit DQT), written out here from jcparam.c's formula. */
function wideTable(base: readonly number[], q: number): number[] {
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return base.map((v) => Math.min(32767, Math.max(1, Math.floor((v * scale + 50) / 100))));
}

describe('IJG quality: exact for every quality 1..100', () => {
  it('spot values of the scaling', () => {
    expect([ijgScale(1), ijgScale(25), ijgScale(49), ijgScale(50), ijgScale(75), ijgScale(100)]).toEqual([5000, 200, 102, 100, 50, 0]);
  });

  it.each(Q)('q=%i luma+chroma (baseline tables, as Chromium/libjpeg-turbo write them)', (q) => {
    expect(estimateQuality(scaledQuantTable(STD_LUMA_QUANT, q), scaledQuantTable(STD_CHROMA_QUANT, q))).toEqual({ quality: q, exact: true });
    // grayscale files carry only the luma table
    expect(estimateQuality(scaledQuantTable(STD_LUMA_QUANT, q))).toEqual({ quality: q, exact: true });
  });

  it('16-bit tables without the baseline clamp, through a real DQT segment', () => {
    for (const q of [1, 2, 5, 10, 20, 24, 30]) {
      const f = inspectFile(miniJpeg({ luma: wideTable(STD_LUMA_QUANT, q), chroma: wideTable(STD_CHROMA_QUANT, q), precision: 16 }), 'x.jpg');
      expect([f.quality, f.qualityExact], `q=${q}`).toEqual([q, true]);
    }
  });

  it('uses the tables the frame assigns (luma in slot 1, chroma in slot 0)', () => {
    const b = miniJpeg({
      luma: scaledQuantTable(STD_CHROMA_QUANT, 62), // slot 0 holds the chroma table
      chroma: scaledQuantTable(STD_LUMA_QUANT, 62), // slot 1 holds the luma table
      frame: { width: 8, height: 8, components: [[1, 0x11, 1], [2, 0x11, 0], [3, 0x11, 0]] },
    });
    expect(readJpegFacts(b).quality).toEqual({ quality: 62, exact: true });
  });

  it('every quality 1..100 through the project encoder (src/lib/encode) reads back exactly', () => {
    const w = 16;
    const data = new Uint8Array(w * w * 4).map((_, i) => (i * 37) & 255);
    for (const q of Q) {
      const f = inspectFile(encodeJpeg({ data, width: w, height: w }, { quality: q, dpi: 300 }), 'enc.jpg');
      expect([f.quality, f.qualityExact, f.dpi, f.metadata.length], `q=${q}`).toEqual([q, true, [300, 300], 0]);
    }
  });
});

describe('non-IJG tables: best fit', () => {
  /**
   * ImageMagick 6.9.11-60 `identify -format %Q`, recorded 2026-11-29 on an encoder JPEG whose DQT was replaced by
   * each synthetic table. For the two coarse cases IM's own estimate fails and it prints its default quality 92;
   * ours reports the low quality those tables really correspond to.
   */
  const IM: Record<string, number | 'default-92'> = {
    'flat 3 / flat 5': 97,
    'IJG × 0.6, tilted +0.5': 59,
    'IJG × 0.3 with high frequencies capped at 20': 89,
    'luma table reused for chroma': 81,
    'IJG × 0.15, tilted −0.4': 94,
    'IJG × 0.8 luma, flat 30 chroma': 67,
    'coarse: IJG × 2 luma, flat 90 chroma': 'default-92',
    'coarse: IJG × 1.4, tilted +0.3': 'default-92',
  };

  it.each(SYNTHETIC.map((c) => [c.label, c] as const))('%s', (label, c) => {
    const est = estimateQuality(c.luma, c.chroma);
    expect(est.exact).toBe(false);
    const im = IM[label];
    if (im === 'default-92') expect(est.quality).toBeLessThan(40);
    else expect(Math.abs(est.quality - im)).toBeLessThanOrEqual(2);
  });

  it('coarser tables never estimate higher (monotone in a uniform scale factor)', () => {
    let prev = 101;
    for (let f = 0.05; f <= 3; f += 0.05) {
      const t = (base: readonly number[]) => base.map((v) => Math.max(1, Math.min(255, Math.round(v * f * 1.07))));
      const q = estimateQuality(t(STD_LUMA_QUANT), t(STD_CHROMA_QUANT)).quality;
      expect(q).toBeLessThanOrEqual(prev);
      prev = q;
    }
  });

  it('odd input never throws and stays in 1..100', () => {
    expect(estimateQuality(new Array(64).fill(0)).quality).toBe(100);
    expect(estimateQuality(new Array(64).fill(65535), new Array(64).fill(65535)).quality).toBe(1);
    expect(estimateQuality([1, 2, 3]).quality).toBeGreaterThanOrEqual(1);
  });

  it('estimateJpegQuality reads the tables straight from the bytes', () => {
    const b = miniJpeg({ luma: scaledQuantTable(STD_LUMA_QUANT, 83), chroma: scaledQuantTable(STD_CHROMA_QUANT, 83) });
    expect(estimateJpegQuality(b)).toEqual({ quality: 83, exact: true });
    expect(estimateJpegQuality(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('no DQT (lossless SOF3) → no estimate', () => {
    const f = inspectFile(miniJpeg({ head: [jfifApp0(1, 300, 300)], frame: { marker: 0xc3, width: 8, height: 8 } }), 'x.jpg');
    expect(f.quality).toBeNull();
  });
});
