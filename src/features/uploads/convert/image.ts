/**
 * Pictures for the uploads area: decode (HEIC through heic.ts, everything else through the browser), turn upright
 * by EXIF orientation only, flatten transparency onto white, encode JPEG and search for the best encoding under a
 * byte budget (the search itself is pure: ../compress-plan.ts). Works in a window or a worker.
 */
import { decodeHeic } from '../../../platform/heic.ts';
import {
  searchEncoding, scaledSize, sharpness, SHARPNESS_SAMPLE_PX, MIN_LONG_SIDE_PX,
  type FileKind, type Sharpness, type Attempt,
} from '../index.ts';

export class UploadImageError extends Error {
  constructor(readonly code: 'undecodable' | 'canvas' | 'encode', message: string) {
    super(message);
    this.name = 'UploadImageError';
  }
}

/**
 * Decode to an upright bitmap. `imageOrientation: 'from-image'` applies the EXIF orientation (and nothing else);
 * HEIC's own rotation boxes are applied by libheif. `onHeic` is called before the HEIC decoder is loaded.
 */
export async function decodePicture(blob: Blob, kind: FileKind, opts: { signal?: AbortSignal; onHeic?: () => void } = {}): Promise<ImageBitmap> {
  try {
    if (kind === 'heic') {
      opts.onHeic?.();
      return await createImageBitmap(await decodeHeic(blob, opts.signal));
    }
    return await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'default', colorSpaceConversion: 'default' });
  } catch (err) {
    throw new UploadImageError('undecodable', err instanceof Error ? err.message : String(err));
  }
}

function canvas2d(w: number, h: number): { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } {
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: false });
  if (!ctx) throw new UploadImageError('canvas', 'canvas 2d context unavailable');
  return { canvas, ctx };
}

/** Draw `bitmap` scaled to `width`×`height` on white (transparent PNG areas become white, as viewers show them). */
export function drawScaled(bitmap: ImageBitmap, width: number, height: number): OffscreenCanvas {
  const { canvas, ctx } = canvas2d(width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

/** Sharpness of the picture measured on a copy of about SHARPNESS_SAMPLE_PX on the long side. */
export function measureSharpness(bitmap: ImageBitmap): Sharpness {
  const { width, height } = scaledSize(bitmap.width, bitmap.height, SHARPNESS_SAMPLE_PX);
  const c = drawScaled(bitmap, width, height);
  const ctx = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
  return sharpness(ctx.getImageData(0, 0, width, height));
}

export interface JpegOut {
  blob: Blob;
  width: number;
  height: number;
  /** JPEG quality used, 0…1. */
  quality: number;
  /** Every attempt of the search (long side px, quality, bytes). */
  tried: { longSide: number; quality: number; bytes: number }[];
}

/**
 * The largest, best-quality JPEG of `bitmap` that fits `maxBytes`, never below QUALITY_FLOOR nor below
 * `minLongSide` px on the long side (unless the source is smaller). Null when nothing allowed fits.
 */
export async function encodeUnder(bitmap: ImageBitmap, maxBytes: number, opts: { minLongSide?: number; signal?: AbortSignal } = {}): Promise<JpegOut | null> {
  const srcLong = Math.max(bitmap.width, bitmap.height);
  const toJpeg = await jpegWriter();
  let cache: { longSide: number; canvas: OffscreenCanvas } | null = null;
  const encode = async (a: Attempt) => {
    if (!cache || cache.longSide !== a.longSide) {
      const { width, height } = scaledSize(bitmap.width, bitmap.height, a.longSide);
      cache = { longSide: a.longSide, canvas: drawScaled(bitmap, width, height) };
    }
    let blob: Blob;
    try {
      blob = await toJpeg(cache.canvas, a.quality);
    } catch (err) {
      throw new UploadImageError('encode', err instanceof Error ? err.message : String(err));
    }
    if (blob.type !== 'image/jpeg') throw new UploadImageError('encode', `browser wrote ${blob.type || 'nothing'} instead of JPEG`);
    return { bytes: blob.size, result: { blob, width: cache.canvas.width, height: cache.canvas.height } };
  };
  const out = await searchEncoding(srcLong, maxBytes, encode, { minLongSide: opts.minLongSide ?? MIN_LONG_SIDE_PX, signal: opts.signal });
  if (!out.best) return null;
  return { ...out.best.result, quality: out.best.quality, tried: out.tried };
}

/**
 * Canvas → JPEG at one quality through browser-image-compression 2.0.2 (MIT): its `canvasToFile` is the step of that
 * library that fits our rules. Its own `imageCompression()` loop is not used: it lowers quality and size by 5 % per
 * step with no floor (it would go below quality 60 and below 1600 px), and by default loads its worker script from a
 * CDN. The size/quality search (compress-plan.ts), the header size check and EXIF-only orientation are ours.
 * Loaded lazily (a separate chunk of the uploads worker).
 */
async function jpegWriter(): Promise<(canvas: OffscreenCanvas, quality: number) => Promise<Blob>> {
  const { default: imageCompression } = await import('browser-image-compression');
  return (canvas, quality) => imageCompression.canvasToFile(canvas as unknown as HTMLCanvasElement, 'image/jpeg', 'page.jpg', 0, quality);
}

/** A small JPEG thumbnail (long side `px`) as an object-URL-able Blob. */
export async function thumbnail(bitmap: ImageBitmap, px = 240): Promise<Blob> {
  const { width, height } = scaledSize(bitmap.width, bitmap.height, px);
  return drawScaled(bitmap, width, height).convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}
