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

/**
 * Size given to the model. Measured on the shared photos: reducing to 1024 px shifts landmarks by 1.7–2.8 px (of the
 * full image) against the full-resolution reference, because the landmark model then samples its face crop from
 * other pixels. So every ordinary photo (long side ≤ 2600 px) is detected at full resolution; larger camera files
 * (12–50 MP), where a pixel or two is nothing and the image conversion dominates the cost, are reduced to 1280 px.
 */
export const DETECT_FULL_RES_MAX_SIDE = 2600;
export const DETECT_LARGE_SIDE = 1280;

/** Size to give the model for an image of w × h (never upscales). */
export function detectionSize(w: number, h: number): { width: number; height: number; scale: number } {
  const long = Math.max(w, h);
  if (long <= DETECT_FULL_RES_MAX_SIDE) return { width: w, height: h, scale: 1 };
  const scale = DETECT_LARGE_SIDE / long;
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)), scale };
}

/** Map MediaPipe's normalised landmarks to pixels of the full image (z uses the x scale, as MediaPipe does). */
export function toPixelLandmarks(norm: ReadonlyArray<{ x: number; y: number; z: number }>, width: number, height: number): Landmarks {
  return norm.map((p) => [p.x * width, p.y * height, p.z * width]);
}

