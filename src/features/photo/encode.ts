/**
 * The fixer's encode step: the pure JPEG encoder wired to the size search.
 *
 *   const r = fitJpeg(image480x640, { backgroundWeight });   // → SizeSearchResult
 *   if (r.ok) save(r.bytes)                                   // 480×640, q ≥ 60, 20,480..40,000 bytes, 300 dpi
 */
import { searchSize, type EncodeFn, type SizeSearchOptions, type SizeSearchResult } from './size-search.ts';
import { denoise } from './denoise.ts';
import { createJpegEncoder, type JpegEncoder, type RgbaImage } from '../../lib/jpeg/encoder.ts';

export { createJpegEncoder, encodeJpeg, optimalHuffman } from '../../lib/jpeg/encoder.ts';
export type { JpegEncodeOptions, JpegEncoder, RgbaImage, Subsampling } from '../../lib/jpeg/encoder.ts';
export { denoise, denoiseParams } from './denoise.ts';

export interface SearchEncoderOptions {
  /** Per pixel 0..1, 1 = background (e.g. 1 − matte). Lets denoise work fully on the background only. */
  backgroundWeight?: Float32Array | null;
  /** Default true: optimised Huffman tables (≈ 3–10 % smaller at the same quality → a higher quality fits). */
  optimizeHuffman?: boolean;
  /** Default 300. */
  dpi?: number;
}

/** An `encode(q, variant)` for `searchSize`, caching the DCT per (denoise level, subsampling). */
export function createSearchEncoder(img: RgbaImage, opts: SearchEncoderOptions = {}): EncodeFn {
  const encoders = new Map<number, JpegEncoder>();
  const optimizeHuffman = opts.optimizeHuffman ?? true;
  return (quality, variant) => {
    let enc = encoders.get(variant.denoise);
    if (!enc) {
      enc = createJpegEncoder(variant.denoise > 0 ? denoise(img, variant.denoise, opts.backgroundWeight) : img);
      encoders.set(variant.denoise, enc);
    }
    return enc.encode({ quality, subsampling: variant.subsampling, optimizeHuffman, dpi: opts.dpi ?? 300 });
  };
}

/** Encode `img` (480×640 RGBA) into the platform's window: see `searchSize` for the policy. */
export function fitJpeg(img: RgbaImage, opts: SearchEncoderOptions & SizeSearchOptions = {}): SizeSearchResult {
  return searchSize(createSearchEncoder(img, opts), opts);
}
