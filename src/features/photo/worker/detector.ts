/** What the worker pipeline needs of the in-browser models (implemented by ./mediapipe.ts; browser types). */
import type { FaceDetectionResult, PersonMask } from '../vision-types.ts';

export interface FaceDetector {
  /** Detect up to two faces; `source` is any image the browser can draw (ImageBitmap, OffscreenCanvas …). */
  detect(source: ImageBitmap, width: number, height: number): Promise<FaceDetectionResult>;
  close(): void;
}

export interface PersonSegmenter {
  segment(source: ImageBitmap): Promise<PersonMask>;
  close(): void;
}
