/**
 * JPEG quality estimate from the quantisation tables: the inverse of libjpeg's `jpeg_quality_scaling` applied to
 * the ITU-T T.81 Annex K tables (what libjpeg, libjpeg-turbo, Chromium's canvas encoder, ImageMagick, GIMP … write).
 *
 * - IJG tables (8- or 16-bit, with or without the baseline clamp to 255) give the exact quality 1..100.
 * - Other tables (Photoshop, cameras, mozjpeg's alternative tables) get the lowest IJG quality whose tables are
 *   no coarser than the file's by total or by a four-entry probe — the same idea as ImageMagick's
 *   `identify -format %Q`, so the two agree within a couple of points.
 *
 * NOTE what is not handled: tables other than the luma/chroma pair (a third table for a 4th component is ignored);
 * arithmetic-coded or lossless files have no DQT and get no estimate.
 */

/** Annex K, Tables K.1 / K.2 (natural order): one copy in the project, shared with the encoder. */
import { STD_LUMA_QUANT as IJG_LUMA, STD_CHROMA_QUANT as IJG_CHROMA } from './tables.ts';
export { IJG_LUMA, IJG_CHROMA };

/** libjpeg `jpeg_quality_scaling`: quality 1..100 → percentage scale (5000/q below 50, else 200 − 2q). */
export function ijgScale(quality: number): number {
  const q = Math.min(100, Math.max(1, Math.trunc(quality)));
  return q < 50 ? Math.trunc(5000 / q) : 200 - 2 * q;
}

/**
 * libjpeg `jpeg_add_quant_table`: (base × scale + 50) / 100 in integer arithmetic, clamped to 1..32767, and to
 * 1..255 when `forceBaseline` (what every common encoder passes). Natural order.
 */
export function ijgTable(base: readonly number[], quality: number, forceBaseline = true): Uint16Array {
  const scale = ijgScale(quality);
  const max = forceBaseline ? 255 : 32767;
  const out = new Uint16Array(64);
  for (let i = 0; i < 64; i++) out[i] = Math.min(max, Math.max(1, Math.trunc((base[i] * scale + 50) / 100)));
  return out;
}

export interface QualityEstimate {
  /** IJG quality 1..100. */
  quality: number;
  /** True when the tables are exactly libjpeg's tables for `quality`. */
  exact: boolean;
}

function equal(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < 64; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < 64; i++) s += a[i];
  return s;
}

/** Natural-order positions of the probe entries: luma (0,2) and (6,5); chroma DC and the highest AC. */
const PROBE_LUMA = [2, 53] as const;
const PROBE_CHROMA = [0, 63] as const;

function probe(l: ArrayLike<number>, c: ArrayLike<number> | null): number {
  return l[PROBE_LUMA[0]] + l[PROBE_LUMA[1]] + (c ? c[PROBE_CHROMA[0]] + c[PROBE_CHROMA[1]] : 0);
}

/** Tables for every quality 1..100 (index q), computed once. */
let cache: { luma: Uint16Array[]; chroma: Uint16Array[]; lumaWide: Uint16Array[]; chromaWide: Uint16Array[] } | null = null;
function tables() {
  if (!cache) {
    cache = { luma: [], chroma: [], lumaWide: [], chromaWide: [] };
    for (let q = 0; q <= 100; q++) {
      cache.luma.push(ijgTable(IJG_LUMA, q, true));
      cache.chroma.push(ijgTable(IJG_CHROMA, q, true));
      cache.lumaWide.push(ijgTable(IJG_LUMA, q, false));
      cache.chromaWide.push(ijgTable(IJG_CHROMA, q, false));
    }
  }
  return cache;
}

/**
 * Estimate the IJG quality of a luma table and (optionally) a chroma table, both 64 entries in NATURAL order.
 * Throws nothing; a table with fewer than 64 entries counts missing entries as 0.
 */
export function estimateQuality(luma: ArrayLike<number>, chroma: ArrayLike<number> | null = null): QualityEstimate {
  const t = tables();
  const l = Array.from({ length: 64 }, (_, i) => Number(luma[i]) || 0);
  const c = chroma ? Array.from({ length: 64 }, (_, i) => Number(chroma[i]) || 0) : null;
  // Exact libjpeg tables: try the baseline-clamped and the 16-bit variants.
  for (let q = 1; q <= 100; q++) {
    for (const wide of [false, true]) {
      const lt = wide ? t.lumaWide[q] : t.luma[q];
      if (!equal(l, lt)) continue;
      const ct = wide ? t.chromaWide[q] : t.chroma[q];
      if (c === null || equal(c, ct)) return { quality: q, exact: true };
    }
  }
  // Not libjpeg's tables: the lowest quality whose IJG tables are no coarser than the file's, judged by two
  // numbers — the total of all entries and a "probe" of four entries (two low- and two high-frequency). Taking
  // the lower of the two readings follows ImageMagick's %Q, so both report the same value within ±2.
  const fileSum = sum(l) + (c ? sum(c) : 0);
  const fileProbe = probe(l, c);
  let best = 100;
  for (let q = 1; q <= 100; q++) {
    const lq = t.luma[q];
    const cq = c ? t.chroma[q] : null;
    if (fileProbe >= probe(lq, cq) || fileSum >= sum(lq) + (cq ? sum(cq) : 0)) {
      best = q;
      break;
    }
  }
  return { quality: best, exact: false };
}
