/**
 * Compose the 480×640 output from the source photo and the framing solver's source rectangle.
 *
 * - Resampling is separable with precomputed taps: Lanczos-3 widened by the scale when shrinking (no aliasing),
 *   Catmull-Rom bicubic when enlarging.
 * - The rectangle may extend beyond the source: those output pixels are "padding". Padding is filled with the
 *   background — by default its own colours continued outward (pull-push of the pixels that are background, i.e.
 *   where the person mask is low, so a pad next to hair continues the wall, not the hair), or a flat colour — and
 *   the seam is feathered: within `featherPx` of the pad the background pixels fade into the smooth fill, so no
 *   edge is visible. Person pixels are never feathered away.
 * - Optional background replacement (`replaceBackground`): composite the person over a flat colour with an alpha
 *   matte, estimating the true foreground colour at the edge (colour decontamination) so the old background does
 *   not bleed into hair as a halo or fringe.
 *
 * Pure TypeScript over typed arrays. Coordinate spaces: `src*` = input image, `out*` = output.
 */
import { PHOTO_SPEC } from './photo-spec.ts';
import { estimateForeground, pullPush, resizeMask, type RgbaImage } from './matte.ts';
import { overWhite, sampleBilinear } from '../../lib/image/raster.ts';
import { chamferDistance } from '../../lib/image/regions.ts';

export type Rgb = [number, number, number];

/**
 * Deepest pad (output px) into which shoulders and clothes are continued (see `continuePersonFromY`): the edge row
 * copied outward is invisible over a few px and shows as vertical streaks beyond (seen at 40 px on the contact sheet
 * of issue 14). A deeper pad beside the body is refused by the fixer (`padAcrossPerson`), never filled.
 */
export const CONTINUE_MAX_PX = 4;

/**
 * How deep (output px) a framing's pad runs beside the person on each side, below output row `fromY` (the chin):
 * the largest distance from the photo of a pad pixel whose nearest photo edge pixel is person (mask ≥ 0.5). A pad
 * there could only be a flat band of background colour across the body, or the body's edge copied into streaks.
 */
export function padAcrossPerson(mask: PersonMaskInput, srcW: number, srcH: number, rect: SourceRect, fromY: number, ow = 480, oh = 640): { bottom: number; left: number; right: number } {
  const clamped = maskToOutput(mask, srcW, srcH, rect, ow, oh, true);
  const k = ow / rect.width; // output px per source px
  const out = { bottom: 0, left: 0, right: 0 };
  const y0 = Math.max(0, Math.ceil(fromY));
  for (let y = y0; y < oh; y++) {
    const sy = rect.y + ((y + 0.5) * rect.height) / oh;
    for (let x = 0; x < ow; x++) {
      if (clamped[y * ow + x] < 0.5) continue;
      const sx = rect.x + ((x + 0.5) * rect.width) / ow;
      if (sy > srcH) out.bottom = Math.max(out.bottom, (sy - srcH) * k);
      if (sx < 0) out.left = Math.max(out.left, -sx * k);
      if (sx > srcW) out.right = Math.max(out.right, (sx - srcW) * k);
    }
  }
  return out;
}

/** Light blue of the platform's examples and plain white. */
export const BG_LIGHT_BLUE: Rgb = [...PHOTO_SPEC.bgBlue];
export const BG_WHITE: Rgb = [255, 255, 255];

/** Source rectangle in source pixels (edges, not centres); may extend beyond the image. */
export interface SourceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PersonMaskInput {
  data: ArrayLike<number>;
  width: number;
  height: number;
  /** The part of the source (px) the mask covers; default the whole source. See `segmentationArea`. */
  area?: SourceRect;
}

/**
 * What the fixer gives the person segmenter (source px): the framing's crop, clipped to the photo, in whole pixels.
 * The selfie segmenter works at 256 × 256 whatever it is given; on the crop (head and shoulders, the model's own
 * kind of picture) a cell is smaller and the edges follow the person more closely than on the whole photo
 * (measured on the matting composites, `npm run bench -- matte`).
 */
/** The crop is segmented on its own when it covers less than this share of the photo (else the whole-photo mask is as fine). */
export const CROP_SEGMENT_MAX_SHARE = 0.8;

export function segmentationArea(rect: SourceRect, srcW: number, srcH: number): SourceRect {
  const x0 = Math.max(0, Math.floor(rect.x)), y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(srcW, Math.ceil(rect.x + rect.width)), y1 = Math.min(srcH, Math.ceil(rect.y + rect.height));
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/**
 * Second views for the segmenter (measured on the matting composites, `npm run bench -- matte`): the same crop seen
 * from a little farther (`WIDE_VIEW`, averaged with the crop's own mask) and, when the crop is most of the photo, a
 * closer view of the head (`HEAD_VIEW`, which must confirm the person's core). The segmenter's mistakes change with
 * the view, the person does not.
 */
export const WIDE_VIEW = 1.25;
export const HEAD_VIEW = 0.65;

/** `area` scaled by `k` about its centre, clipped to the photo, in whole pixels. */
export function scaleArea(area: SourceRect, k: number, srcW: number, srcH: number): SourceRect {
  const cx = area.x + area.width / 2, cy = area.y + area.height / 2;
  return segmentationArea({ x: cx - (area.width * k) / 2, y: cy - (area.height * k) / 2, width: area.width * k, height: area.height * k }, srcW, srcH);
}

/**
 * The mean of two views of the segmenter, on `a`'s grid and area: `b` (any area) is sampled bilinearly at the centre
 * of each of `a`'s pixels; where `b` does not cover it, `a` alone.
 */
export function averageMasks(a: PersonMaskInput, b: PersonMaskInput, srcW: number, srcH: number): PersonMaskInput {
  const A = a.area ?? { x: 0, y: 0, width: srcW, height: srcH };
  const B = b.area ?? { x: 0, y: 0, width: srcW, height: srcH };
  const out = new Float32Array(a.width * a.height);
  const kx = b.width / B.width, ky = b.height / B.height;
  for (let y = 0; y < a.height; y++) {
    const sy = A.y + ((y + 0.5) * A.height) / a.height - B.y;
    for (let x = 0; x < a.width; x++) {
      const i = y * a.width + x;
      const sx = A.x + ((x + 0.5) * A.width) / a.width - B.x;
      out[i] = sx < 0 || sy < 0 || sx >= B.width || sy >= B.height ? a.data[i] : (a.data[i] + sampleBilinear(b.data, b.width, b.height, sx * kx - 0.5, sy * ky - 0.5)) / 2;
    }
  }
  return { data: out, width: a.width, height: a.height, area: a.area };
}

export interface ComposeOptions {
  outWidth?: number; // default 480
  outHeight?: number; // default 640
  /** Person probability over the whole SOURCE image, at its own resolution (e.g. 256×256). */
  personMask?: PersonMaskInput | null;
  /** Pad fill: 'continue' (default) extends the background's own colours; or a flat colour. */
  fill?: 'continue' | Rgb;
  /** Feather width at the pad seam, output px (default 12). */
  featherPx?: number;
  /**
   * Output row from which a person cut by the photo's edge (shoulders, clothes) is continued into the padding
   * instead of being cut off by the background fill — otherwise a pad under the shoulders is a flat band that
   * reviewers (and P-IMG-BORDER) see as an added border. Above this row (hair, head) the person is never
   * continued: nothing is invented there. Only for pads up to CONTINUE_MAX_PX deep. Default: no continuation.
   */
  continuePersonFromY?: number;
}

export interface ComposeResult {
  image: { data: Uint8ClampedArray; width: number; height: number };
  /** Person probability mapped into output space (0 in padding), or null without a mask. */
  personMask: Float32Array | null;
  /** Fraction (0..1) of each output pixel that came from the source. */
  coverage: Float32Array;
  /** Share of output pixels that are (partly) padding. */
  padFraction: number;
}

interface Taps {
  start: Int32Array; // first source index per output index
  count: Int32Array;
  weights: Float32Array; // count[i] weights at i*maxTaps
  maxTaps: number;
  coverage: Float32Array; // per output index: share of the footprint inside the source
}

function lanczos3(t: number): number {
  if (t === 0) return 1;
  if (t <= -3 || t >= 3) return 0;
  const pt = Math.PI * t;
  return (3 * Math.sin(pt) * Math.sin(pt / 3)) / (pt * pt);
}

function catmullRom(t: number): number {
  const a = Math.abs(t);
  if (a < 1) return 1.5 * a * a * a - 2.5 * a * a + 1;
  if (a < 2) return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2;
  return 0;
}

/** Taps for one axis: `outN` output samples over the source span [start, start+len) of a `srcN`-long axis. */
function axisTaps(srcN: number, start: number, len: number, outN: number): Taps {
  const scale = len / outN; // source px per output px
  const down = scale > 1;
  const support = down ? 3 * scale : 2;
  const maxTaps = Math.ceil(support * 2) + 2;
  const startA = new Int32Array(outN), count = new Int32Array(outN), coverage = new Float32Array(outN);
  const weights = new Float32Array(outN * maxTaps);
  for (let i = 0; i < outN; i++) {
    const c = start + (i + 0.5) * scale - 0.5; // centre in source pixel-centre coordinates
    // footprint coverage (box of one output pixel, at least one source px wide)
    const half = Math.max(scale, 1) / 2;
    const f0 = c + 0.5 - half, f1 = c + 0.5 + half;
    coverage[i] = Math.max(0, Math.min(f1, srcN) - Math.max(f0, 0)) / (f1 - f0);
    let j0 = Math.ceil(c - support), j1 = Math.floor(c + support);
    j0 = Math.max(j0, 0);
    j1 = Math.min(j1, srcN - 1);
    if (j1 - j0 + 1 > maxTaps) j1 = j0 + maxTaps - 1;
    let sum = 0;
    let k = 0;
    for (let j = j0; j <= j1; j++, k++) {
      const t = j - c;
      const wgt = down ? lanczos3(t / scale) : catmullRom(t);
      weights[i * maxTaps + k] = wgt;
      sum += wgt;
    }
    if (k === 0 || sum <= 1e-6) {
      // entirely outside the source: take the nearest edge pixel (it is hidden by the fill anyway)
      const j = Math.min(srcN - 1, Math.max(0, Math.round(c)));
      startA[i] = j;
      count[i] = 1;
      weights[i * maxTaps] = 1;
      continue;
    }
    for (let m = 0; m < k; m++) weights[i * maxTaps + m] /= sum;
    startA[i] = j0;
    count[i] = k;
  }
  return { start: startA, count, weights, maxTaps, coverage };
}

/** Resample the source rectangle into an out-sized float RGB image (no padding logic). */
function resample(src: RgbaImage, rect: SourceRect, ow: number, oh: number): Float32Array {
  const tx = axisTaps(src.width, rect.x, rect.width, ow);
  const ty = axisTaps(src.height, rect.y, rect.height, oh);
  const sw = src.width, d = src.data;
  // rows of the source that are needed
  let rMin = src.height, rMax = -1;
  for (let i = 0; i < oh; i++) {
    rMin = Math.min(rMin, ty.start[i]);
    rMax = Math.max(rMax, ty.start[i] + ty.count[i] - 1);
  }
  const rows = rMax - rMin + 1;
  // horizontal pass: rows × ow × 3 (alpha composited over white)
  const hz = new Float32Array(rows * ow * 3);
  for (let r = 0; r < rows; r++) {
    const sy = rMin + r;
    for (let x = 0; x < ow; x++) {
      let a = 0, b = 0, c = 0;
      const j0 = tx.start[x], n = tx.count[x], wo = x * tx.maxTaps;
      for (let k = 0; k < n; k++) {
        const p = (sy * sw + j0 + k) * 4;
        const wgt = tx.weights[wo + k];
        const al = d[p + 3];
        if (al === 255) {
          a += d[p] * wgt;
          b += d[p + 1] * wgt;
          c += d[p + 2] * wgt;
        } else {
          a += overWhite(d[p], al) * wgt;
          b += overWhite(d[p + 1], al) * wgt;
          c += overWhite(d[p + 2], al) * wgt;
        }
      }
      const o = (r * ow + x) * 3;
      hz[o] = a;
      hz[o + 1] = b;
      hz[o + 2] = c;
    }
  }
  const out = new Float32Array(ow * oh * 3);
  for (let y = 0; y < oh; y++) {
    const j0 = ty.start[y] - rMin, n = ty.count[y], wo = y * ty.maxTaps;
    for (let x = 0; x < ow; x++) {
      let a = 0, b = 0, c = 0;
      for (let k = 0; k < n; k++) {
        const p = ((j0 + k) * ow + x) * 3;
        const wgt = ty.weights[wo + k];
        a += hz[p] * wgt;
        b += hz[p + 1] * wgt;
        c += hz[p + 2] * wgt;
      }
      const o = (y * ow + x) * 3;
      out[o] = a;
      out[o + 1] = b;
      out[o + 2] = c;
    }
  }
  return out;
}

/**
 * Large reductions: first box-average the needed region by an integer factor k (so that ≥ 1.5 source px per output
 * px remain), then Lanczos. Same result to the eye, several times faster for phone-camera photos.
 */
function resampleFast(src: RgbaImage, rect: SourceRect, ow: number, oh: number): Float32Array {
  const scale = Math.min(rect.width / ow, rect.height / oh);
  const k = Math.floor(scale / 1.5);
  if (k < 2) return resample(src, rect, ow, oh);
  // region of the source the taps can touch (rect ∩ source, plus the filter support), aligned to k
  const margin = Math.ceil(3 * Math.max(rect.width / ow, rect.height / oh)) + 2 * k;
  const x0 = Math.max(0, Math.floor((Math.max(0, rect.x) - margin) / k) * k);
  const y0 = Math.max(0, Math.floor((Math.max(0, rect.y) - margin) / k) * k);
  const x1 = Math.min(src.width, Math.ceil(Math.min(src.width, rect.x + rect.width) + margin));
  const y1 = Math.min(src.height, Math.ceil(Math.min(src.height, rect.y + rect.height) + margin));
  if (x1 <= x0 || y1 <= y0) return resample(src, rect, ow, oh);
  const rw = Math.ceil((x1 - x0) / k), rh = Math.ceil((y1 - y0) / k);
  const red = new Uint8ClampedArray(rw * rh * 4);
  const acc = new Float64Array(rw * 4), cnt = new Float64Array(rw);
  const d = src.data, sw = src.width;
  for (let ry = 0; ry < rh; ry++) {
    acc.fill(0);
    cnt.fill(0);
    for (let y = y0 + ry * k; y < Math.min(y1, y0 + (ry + 1) * k); y++) {
      let p = (y * sw + x0) * 4;
      for (let x = x0; x < x1; x++, p += 4) {
        const rx = ((x - x0) / k) | 0;
        const al = d[p + 3];
        if (al === 255) {
          acc[rx * 4] += d[p];
          acc[rx * 4 + 1] += d[p + 1];
          acc[rx * 4 + 2] += d[p + 2];
        } else {
          // over white, as the plain path does
          acc[rx * 4] += overWhite(d[p], al);
          acc[rx * 4 + 1] += overWhite(d[p + 1], al);
          acc[rx * 4 + 2] += overWhite(d[p + 2], al);
        }
        cnt[rx]++;
      }
    }
    for (let rx = 0; rx < rw; rx++) {
      const o = (ry * rw + rx) * 4, c = cnt[rx] || 1;
      red[o] = acc[rx * 4] / c;
      red[o + 1] = acc[rx * 4 + 1] / c;
      red[o + 2] = acc[rx * 4 + 2] / c;
      red[o + 3] = 255;
    }
  }
  // the reduced image's pixel i covers source [x0 + i·k, x0 + (i+1)·k): rect maps by (v − origin) / k; where the
  // region was cut at the real source edge the last cell is partial — its centre error is < k/2 source px
  return resample({ data: red, width: rw, height: rh }, { x: (rect.x - x0) / k, y: (rect.y - y0) / k, width: rect.width / k, height: rect.height / k }, ow, oh);
}

/** Output-space coverage map (product of the two axes' footprint coverage). */
function coverageMap(src: RgbaImage, rect: SourceRect, ow: number, oh: number): Float32Array {
  const scaleX = rect.width / ow, scaleY = rect.height / oh;
  const cx = new Float32Array(ow), cy = new Float32Array(oh);
  const cov = (srcN: number, c: number, scale: number) => {
    const half = Math.max(scale, 1) / 2;
    const f0 = c + 0.5 - half, f1 = c + 0.5 + half;
    return Math.max(0, Math.min(f1, srcN) - Math.max(f0, 0)) / (f1 - f0);
  };
  for (let x = 0; x < ow; x++) cx[x] = cov(src.width, rect.x + (x + 0.5) * scaleX - 0.5, scaleX);
  for (let y = 0; y < oh; y++) cy[y] = cov(src.height, rect.y + (y + 0.5) * scaleY - 0.5, scaleY);
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) out[y * ow + x] = cx[x] * cy[y];
  return out;
}

/**
 * Map a source-space person mask (any resolution) into output space through the rectangle; `outside` (default 0)
 * where the mask does not reach, or with `clampToEdge` the mask's value at the nearest edge of its area.
 */
export function maskToOutput(mask: PersonMaskInput, srcW: number, srcH: number, rect: SourceRect, ow = 480, oh = 640, clampToEdge = false, outside = 0): Float32Array {
  const out = new Float32Array(ow * oh);
  if (outside !== 0) out.fill(outside);
  const mw = mask.width, mh = mask.height, m = mask.data;
  // the covered area (default the whole source); beyond it: `outside`, or with clampToEdge its nearest edge
  const A = mask.area ?? { x: 0, y: 0, width: srcW, height: srcH };
  const kx = mw / A.width, ky = mh / A.height;
  const inside = (v: number, n: number) => (clampToEdge ? Math.min(Math.max(v, 0), n - 1e-6) : v);
  for (let y = 0; y < oh; y++) {
    const sy = inside(rect.y + ((y + 0.5) * rect.height) / oh - A.y, A.height); // area coordinate (edges)
    if (sy < 0 || sy >= A.height) continue;
    for (let x = 0; x < ow; x++) {
      const sx = inside(rect.x + ((x + 0.5) * rect.width) / ow - A.x, A.width);
      if (sx < 0 || sx >= A.width) continue;
      out[y * ow + x] = sampleBilinear(m, mw, mh, sx * kx - 0.5, sy * ky - 0.5);
    }
  }
  return out;
}


/**
 * Crop, resample and pad. The rectangle may extend beyond the source; padded pixels get the background (see
 * module comment) and the seam is feathered.
 */
export function composeCrop(src: RgbaImage, rect: SourceRect, opts: ComposeOptions = {}): ComposeResult {
  const ow = opts.outWidth ?? 480, oh = opts.outHeight ?? 640;
  if (!(rect.width > 0 && rect.height > 0) || ![rect.x, rect.y, rect.width, rect.height].every(Number.isFinite)) {
    throw new RangeError('composeCrop: bad rectangle');
  }
  if (src.width < 1 || src.height < 1 || src.data.length < src.width * src.height * 4) throw new RangeError('composeCrop: bad image');
  const rgb = resampleFast(src, rect, ow, oh);
  const coverage = coverageMap(src, rect, ow, oh);
  const person = opts.personMask ? maskToOutput(opts.personMask, src.width, src.height, rect, ow, oh) : null;
  const n = ow * oh;
  let padded = 0;
  const pad = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (coverage[i] < 0.999) {
      pad[i] = 1;
      padded++;
    }
  }
  const out = new Uint8ClampedArray(n * 4);
  let ext: Float32Array | null = null;
  if (padded > 0) {
    const feather = Math.max(0, opts.featherPx ?? 12);
    const dist = chamferDistance(pad, ow, oh);
    // the smooth background field
    let fill: Float32Array;
    if (Array.isArray(opts.fill)) {
      fill = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) fill.set(opts.fill, i * 3);
    } else {
      // samples: the background pixels in a band along the seam only, so the fill continues what is next to
      // the pad (the further from the seam, the wider the average), not the far side of the picture
      const seamBand = Math.max(8, 2 * feather);
      const wgt = new Float32Array(n);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const bgw = person ? 1 - person[i] : 1;
        total += wgt[i] = pad[i] || dist[i] > seamBand ? 0 : bgw * bgw;
      }
      // the person fills the whole seam band: continue what is there rather than nothing; no source pixel in
      // the band at all (rectangle beside the photo): use every covered pixel
      if (total < 1) for (let i = 0; i < n; i++) total += wgt[i] = pad[i] || dist[i] > seamBand ? 0 : 1;
      if (total < 1) for (let i = 0; i < n; i++) total += wgt[i] = coverage[i];
      if (total < 1) wgt.fill(1); // nothing covered: the resampler's nearest-edge colours
      // cells of 8 px: smooth, keeps a gentle wall gradient
      fill = pullPush(rgb, wgt, ow, oh, 3);
    }
    // the person continued into the pad below `continuePersonFromY`: the resampler already gives padded pixels the
    // nearest edge pixel's colour, so there the fill is simply not applied. Only for a shallow pad (≤
    // CONTINUE_MAX_PX deep everywhere below that row): deeper, the copied edge would show as streaks, and the fill is
    // the lesser evil.
    ext = person && opts.continuePersonFromY !== undefined ? new Float32Array(n) : null;
    if (ext && opts.personMask) {
      const covered = new Uint8Array(n);
      for (let i = 0; i < n; i++) covered[i] = pad[i] ? 0 : 1;
      const fromPhoto = chamferDistance(covered, ow, oh);
      const y0 = Math.max(0, Math.ceil(opts.continuePersonFromY!));
      let deepest = 0;
      for (let i = y0 * ow; i < n; i++) if (pad[i] && fromPhoto[i] > deepest) deepest = fromPhoto[i];
      if (deepest <= CONTINUE_MAX_PX) {
        const clamped = maskToOutput(opts.personMask, src.width, src.height, rect, ow, oh, true);
        for (let i = y0 * ow; i < n; i++) if (pad[i]) ext[i] = clamped[i];
      } else ext = null;
    }
    for (let i = 0; i < n; i++) {
      const cov = coverage[i];
      let m: number; // share of the fill
      if (pad[i]) m = (1 - cov) * (ext ? 1 - ext[i] : 1);
      else if (dist[i] < feather) {
        const t = 0.5 * (1 + Math.cos((Math.PI * dist[i]) / feather)); // 1 at the seam → 0 at featherPx
        m = t * (person ? 1 - person[i] : 1);
      } else m = 0;
      if (m > 0) {
        rgb[i * 3] += (fill[i * 3] - rgb[i * 3]) * m;
        rgb[i * 3 + 1] += (fill[i * 3 + 1] - rgb[i * 3 + 1]) * m;
        rgb[i * 3 + 2] += (fill[i * 3 + 2] - rgb[i * 3 + 2]) * m;
      }
    }
  }
  // what was continued is person for whatever comes next (background replacement keeps it)
  if (ext && person) for (let i = 0; i < n; i++) if (ext[i] > person[i]) person[i] = ext[i];
  for (let i = 0; i < n; i++) {
    out[i * 4] = rgb[i * 3];
    out[i * 4 + 1] = rgb[i * 3 + 1];
    out[i * 4 + 2] = rgb[i * 3 + 2];
    out[i * 4 + 3] = 255;
  }
  return { image: { data: out, width: ow, height: oh }, personMask: person, coverage, padFraction: padded / n };
}

/**
 * Composite the person over a flat colour: out = α·F + (1 − α)·colour, with F the person's own colour estimated
 * from the image and the matte (multi-level foreground estimation, `estimateForeground`): at a soft edge F is what
 * the hair or shoulder really looks like, without the old background mixed in; where α = 1 it is the photo itself.
 */
export function replaceBackground(img: RgbaImage, alpha: Float32Array, colour: Rgb): { data: Uint8ClampedArray; width: number; height: number } {
  const { width: w, height: h, data } = img;
  const n = w * h;
  if (alpha.length < n) throw new RangeError('replaceBackground: alpha size');
  let anyEdge = false;
  for (let i = 0; i < n && !anyEdge; i++) if (alpha[i] > 0 && alpha[i] < 0.999) anyEdge = true;
  const F = anyEdge ? estimateForeground(img, alpha) : null;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const a = alpha[i] < 0 ? 0 : alpha[i] > 1 ? 1 : alpha[i];
    for (let c = 0; c < 3; c++) {
      const f = F ? F[i * 3 + c] : data[i * 4 + c];
      out[i * 4 + c] = a * f + (1 - a) * colour[c]; // Uint8ClampedArray rounds
    }
    out[i * 4 + 3] = 255;
  }
  return { data: out, width: w, height: h };
}

/** Mean colour of the pixels whose weight is high (e.g. 1 − person), for reports and the 'keep' background. */
export function meanColour(img: RgbaImage, weight: Float32Array | null): Rgb {
  let r = 0, g = 0, b = 0, s = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const k = weight ? weight[i] : 1;
    if (k <= 0) continue;
    r += img.data[i * 4] * k;
    g += img.data[i * 4 + 1] * k;
    b += img.data[i * 4 + 2] * k;
    s += k;
  }
  return s > 0 ? [r / s, g / s, b / s] : [255, 255, 255];
}

export { resizeMask };
