/** Non-IJG quantisation tables built by fixed formulas (natural order), shared by the quality test and its recorder. */
import { STD_CHROMA_QUANT, STD_LUMA_QUANT } from './build.ts';

const clamp = (v: number) => Math.max(1, Math.min(255, Math.round(v)));
const shape = (base: readonly number[], f: number, tilt = 0, cap = 255) =>
  base.map((v, i) => Math.min(cap, clamp(v * f * (1 + (tilt * ((i >> 3) + (i & 7))) / 14))));

export interface SyntheticCase {
  label: string;
  luma: number[];
  chroma: number[] | null;
}

export const SYNTHETIC: SyntheticCase[] = [
  { label: 'flat 3 / flat 5', luma: new Array(64).fill(3), chroma: new Array(64).fill(5) },
  { label: 'IJG × 0.6, tilted +0.5', luma: shape(STD_LUMA_QUANT, 0.6, 0.5), chroma: shape(STD_CHROMA_QUANT, 0.6, 0.5) },
  { label: 'IJG × 0.3 with high frequencies capped at 20', luma: shape(STD_LUMA_QUANT, 0.3, 0, 20), chroma: shape(STD_CHROMA_QUANT, 0.3, 0, 20) },
  { label: 'luma table reused for chroma', luma: shape(STD_LUMA_QUANT, 0.4), chroma: shape(STD_LUMA_QUANT, 0.4) },
  { label: 'IJG × 0.15, tilted −0.4', luma: shape(STD_LUMA_QUANT, 0.15, -0.4), chroma: shape(STD_CHROMA_QUANT, 0.2, -0.4) },
  { label: 'IJG × 0.8 luma, flat 30 chroma', luma: shape(STD_LUMA_QUANT, 0.8), chroma: new Array(64).fill(30) },
  { label: 'coarse: IJG × 2 luma, flat 90 chroma', luma: shape(STD_LUMA_QUANT, 2), chroma: new Array(64).fill(90) },
  { label: 'coarse: IJG × 1.4, tilted +0.3', luma: shape(STD_LUMA_QUANT, 1.4, 0.3), chroma: shape(STD_CHROMA_QUANT, 1.4, 0.3) },
];
