/**
 * The small interface the rest of the app sees of face detection. The core is tested with recorded landmark JSON
 * (../shared/testdata/landmarks) through the same shape, never needing a browser or MediaPipe.
 */

/** 478 landmarks as [x, y, z] in PIXELS of the full-resolution (EXIF-oriented) image; z in the x scale. */
export type Landmarks = [number, number, number][];

export interface DetectedFace {
  landmarks: Landmarks;
}

export interface FaceDetectionResult {
  faces: DetectedFace[];
  /** Size of the image the landmarks refer to. */
  width: number;
  height: number;
  /** Size actually given to the model (after downscaling). */
  detectWidth: number;
  detectHeight: number;
  ms: number;
}

/** A person-probability mask (0..1), row-major, `width × height` (the model's own resolution). */
export interface PersonMask {
  data: Float32Array;
  width: number;
  height: number;
}

export interface FaceDetector {
  /** Detect up to two faces; `source` is any image the browser can draw (ImageBitmap, OffscreenCanvas …). */
  detect(source: ImageBitmap, width: number, height: number): Promise<FaceDetectionResult>;
  close(): void;
}

export interface PersonSegmenter {
  segment(source: ImageBitmap): Promise<PersonMask>;
  close(): void;
}

/**
 * Long side (px) images are reduced to before detection; landmarks are mapped back to full resolution.
 * Measured on the shared photos: reducing to 1024 px shifts landmarks by 1.7–2.8 px (of the full image) against the
 * full-resolution reference, because the landmark model then samples its face crop from different pixels. 2600 px
 * keeps every ordinary photo at full resolution and bounds the cost of 12–50 MP camera files.
 */
export const DETECT_MAX_SIDE = 2600;

/** Size to give the model for an image of w × h (never upscales). */
export function detectionSize(w: number, h: number, maxSide = DETECT_MAX_SIDE): { width: number; height: number; scale: number } {
  const long = Math.max(w, h);
  if (long <= maxSide) return { width: w, height: h, scale: 1 };
  const scale = maxSide / long;
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)), scale };
}

/** Map MediaPipe's normalised landmarks to pixels of the full image (z uses the x scale, as MediaPipe does). */
export function toPixelLandmarks(norm: ReadonlyArray<{ x: number; y: number; z: number }>, width: number, height: number): Landmarks {
  return norm.map((p) => [p.x * width, p.y * height, p.z * width]);
}

