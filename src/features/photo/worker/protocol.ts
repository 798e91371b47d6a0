/**
 * The photo worker's protocol: every op's input and output, shared by the page (client.ts, ../service.ts) and the
 * worker (worker.ts). Bytes travel as transferred ArrayBuffers; reports are the contract's PhotoReport (zh-CN).
 */
import type { PhotoReport } from '../report-types.ts';
import type { FaceDetectionResult } from '../vision-types.ts';
import type { LiveMeasure } from '../camera-guide.ts';
import type { FixBackground, FixResult } from './pipeline.ts';

export type PhotoProtocol = {
  /** Load the face model (first check after page load answers as fast as later ones). */
  warmup: { input: Record<string, never>; output: { ms: number } };
  /** Check one photo: bytes → PhotoReport. */
  analyze: { input: { bytes: ArrayBuffer; name: string }; output: PhotoReport };
  /** Fix one photo (scale/crop/pad, optional background) and re-check the result. */
  fix: { input: { bytes: ArrayBuffer; name: string; background: FixBackground }; output: FixResult };
  /** Measure one live camera frame for the framing hints (the bitmap is transferred and closed by the worker). */
  live: { input: { bitmap: ImageBitmap }; output: LiveMeasure };
  /** Raw person mask, as the fixer gets it (matting benchmark, ?debug=1). */
  segment: { input: { bytes: ArrayBuffer; mime: string }; output: { data: Float32Array; width: number; height: number } };
  /** Raw detection (self-test page, landmark accuracy e2e). */
  detect: { input: { bytes: ArrayBuffer; mime: string }; output: FaceDetectionResult };
};
