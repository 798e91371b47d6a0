/**
 * Decoding (worker-safe: createImageBitmap + OffscreenCanvas only). EXIF orientation is applied by the browser
 * (`imageOrientation: 'from-image'`); GIF gives its first frame; CMYK and grayscale JPEGs come out as RGB pixels.
 * Huge images are refused before decoding (decompression bombs) — full resolution is kept only where needed.
 */
export const MAX_DECODE_PIXELS = 100_000_000; // 100 MP: more than any phone camera, far below a bomb

export class DecodeError extends Error {
  constructor(readonly code: 'too-large' | 'undecodable' | 'unsupported', message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export type { RgbaImage } from '../lib/image/raster.ts';
import type { RgbaImage } from '../lib/image/raster.ts';

/**
 * Decode (EXIF orientation applied). With `scaled` (the wanted size; only for images without EXIF rotation) WebCodecs'
 * ImageDecoder decodes straight to that size — for JPEG by DCT scaling, ≈ 3× faster than a full 12 MP decode
 * (measured: 78 ms vs 249 ms; `createImageBitmap` with resize options was slower still, 522 ms). Falls back to a
 * full decode where ImageDecoder is missing or fails.
 */
export async function decodeToBitmap(bytes: Uint8Array, mime: string, scaled?: { width: number; height: number }): Promise<ImageBitmap> {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  if (scaled && typeof ImageDecoder !== 'undefined') {
    let decoder: ImageDecoder | null = null;
    try {
      decoder = new ImageDecoder({ data: bytes, type: mime, desiredWidth: scaled.width, desiredHeight: scaled.height, preferAnimation: false });
      const { image } = await decoder.decode({ frameIndex: 0 });
      try {
        return await createImageBitmap(image);
      } finally {
        image.close();
      }
    } catch {
      /* fall through to the full decode */
    } finally {
      decoder?.close();
    }
  }
  try {
    return await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'default' });
  } catch (err) {
    throw new DecodeError('undecodable', `图像无法解码（文件可能已损坏）：${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Read the pixels of `bitmap`, scaled so the long side is at most `maxSide` (never upscaled).
 * Transparent pixels are flattened onto white, as a viewer shows them. Returns the scale used (out px per source px).
 */
export function bitmapToRgba(bitmap: ImageBitmap, maxSide = Infinity): RgbaImage & { scale: number } {
  const long = Math.max(bitmap.width, bitmap.height);
  const scale = long > maxSide ? maxSide / long : 1;
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!ctx) throw new DecodeError('unsupported', '浏览器无法创建画布。');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  const img = ctx.getImageData(0, 0, width, height);
  return { width, height, data: img.data, scale };
}

/** An ImageBitmap of RGBA pixels (for the detector when the pixels were produced by our own code). */
export function rgbaToBitmap(img: RgbaImage): Promise<ImageBitmap> {
  return createImageBitmap(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height));
}
