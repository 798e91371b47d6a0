/// <reference lib="webworker" />
/**
 * The photo worker: decoding, face detection, measurement, report building and fixing all run here, off the main
 * thread. Its ops and their types: ./protocol.ts; messages and errors: platform/worker-bridge.ts.
 */
import { createFaceDetector, createPersonSegmenter } from './mediapipe.ts';
import type { FaceDetector, PersonSegmenter } from './detector.ts';
import { ANALYZE_MAX_SIDE, analyzeBytes, fixBytes, segmentBitmap, type PipelineDeps, type FixBackground } from './pipeline.ts';
import { decodeToBitmap } from '../../../platform/decode.ts';
import { serveWorker, type Handlers } from '../../../platform/worker-bridge.ts';
import { LM } from '../measure.ts';
import type { PhotoProtocol } from './protocol.ts';
import { warmupPicture } from './warmup.ts';

declare const self: DedicatedWorkerGlobalScope;

let detectorPromise: Promise<FaceDetector> | null = null;
function detector(): Promise<FaceDetector> {
  detectorPromise ??= createFaceDetector().catch((err) => {
    detectorPromise = null;
    throw err;
  });
  return detectorPromise;
}

let segmenterPromise: Promise<PersonSegmenter> | null = null;
function segmenter(): Promise<PersonSegmenter> {
  segmenterPromise ??= createPersonSegmenter().catch((err) => {
    segmenterPromise = null;
    throw err;
  });
  return segmenterPromise;
}

let modelReady = false;
function deps(progress: (p: unknown) => void): PipelineDeps {
  return {
    detector: async () => {
      if (!modelReady) progress('model');
      const d = await detector();
      modelReady = true;
      return d;
    },
    segmenter,
    decodeHeic: async (bytes) => {
      const { decodeHeic } = await import('../../../platform/heic.ts');
      const out = await decodeHeic(new Blob([bytes as BlobPart], { type: 'image/heic' }));
      return out instanceof ImageBitmap ? out : createImageBitmap(out);
    },
    progress: (s) => progress(s),
  };
}

const handlers: Handlers<PhotoProtocol> = {
  /**
   * Load the model, then run the whole check once on a small drawn face (./warmup.ts): the first inference of both
   * model stages sets up their CPU delegate and the pipeline's code gets compiled, so the candidate's first check is
   * as fast as later ones (scripts/bench/first-check.mjs). Its report is thrown away.
   */
  async warmup() {
    const t0 = performance.now();
    await detector();
    const a = await analyzeBytes(await warmupPicture(), 'warmup.jpg', deps(() => undefined), ANALYZE_MAX_SIDE);
    a.bitmap?.close();
    return { ms: performance.now() - t0 };
  },
  async analyze(msg, progress) {
    const a = await analyzeBytes(new Uint8Array(msg.bytes), msg.name || 'photo.jpg', deps(progress), ANALYZE_MAX_SIDE);
    a.bitmap?.close();
    return a.report;
  },
  async fix(msg, progress) {
    const bg: FixBackground = msg.background ?? 'auto';
    return fixBytes(new Uint8Array(msg.bytes), msg.name || 'photo.jpg', bg, deps(progress));
  },
  /** Live camera frame → what the framing hints need (../camera-guide.ts). */
  async live(msg) {
    const bitmap = msg.bitmap;
    try {
      const det = await detector();
      const r = await det.detect(bitmap, bitmap.width, bitmap.height);
      const f = r.faces[0]?.landmarks;
      if (!f) return { faces: r.faces.length };
      const xs = [f[LM.cheekLeft][0], f[LM.cheekRight][0]];
      const left = Math.min(...xs), right = Math.max(...xs);
      const top = f[LM.forehead][1], bottom = f[LM.chin][1];
      const c = new OffscreenCanvas(16, 16);
      const ctx = c.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, left, top, Math.max(1, right - left), Math.max(1, bottom - top), 0, 0, 16, 16);
      const px = ctx.getImageData(0, 0, 16, 16).data;
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) sum += 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
      const [a, b] = f[LM.irisL][0] < f[LM.irisR][0] ? [f[LM.irisL], f[LM.irisR]] : [f[LM.irisR], f[LM.irisL]];
      return {
        faces: r.faces.length,
        eyeLeft: [a[0], a[1]], eyeRight: [b[0], b[1]],
        cheekLeftX: left, cheekRightX: right, noseX: f[LM.noseTip][0],
        faceLuma: sum / 256,
      };
    } finally {
      bitmap.close();
    }
  },
  /** Raw person mask of a photo, as the fixer gets it (the matting benchmark records it; ?debug=1 only). */
  async segment(msg) {
    const bitmap = await decodeToBitmap(new Uint8Array(msg.bytes), msg.mime ?? '');
    try {
      return await segmentBitmap(await segmenter(), bitmap);
    } finally {
      bitmap.close();
    }
  },
  /** Raw detection (used by the self-test page and the landmark accuracy test). */
  async detect(msg) {
    const bitmap = await decodeToBitmap(new Uint8Array(msg.bytes), msg.mime ?? '');
    try {
      const det = await detector();
      return await det.detect(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  },
};

serveWorker<PhotoProtocol>(self, handlers);
