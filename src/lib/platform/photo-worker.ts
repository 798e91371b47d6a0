/// <reference lib="webworker" />
/**
 * The photo worker: decoding, face detection, measurement, report building and fixing all run here, off the main
 * thread. Messages: { id, op, ...payload } → { id, ok, result } | { id, ok: false, error: { code, message } }.
 */
import { createFaceDetector, createPersonSegmenter } from '../vision/mediapipe.ts';
import type { FaceDetector, PersonSegmenter } from '../vision/types.ts';
import { ANALYZE_MAX_SIDE, analyzeBytes, fixBytes, segmentBitmap, type PipelineDeps, type FixBackground } from './photo-pipeline.ts';
import { decodeToBitmap, DecodeError } from './decode.ts';

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
      const { decodeHeic } = await import('./heic.ts');
      const out = await decodeHeic(new Blob([bytes as BlobPart], { type: 'image/heic' }));
      return out instanceof ImageBitmap ? out : createImageBitmap(out);
    },
    progress: (s) => progress(s),
  };
}

type Handler = (msg: Record<string, unknown>, progress: (p: unknown) => void) => Promise<unknown>;

const handlers: Record<string, Handler> = {
  async warmup() {
    const t0 = performance.now();
    await detector();
    return { ms: performance.now() - t0 };
  },
  async analyze(msg, progress) {
    const a = await analyzeBytes(new Uint8Array(msg.bytes as ArrayBuffer), String(msg.name ?? 'photo.jpg'), deps(progress), ANALYZE_MAX_SIDE);
    a.bitmap?.close();
    return a.report;
  },
  async fix(msg, progress) {
    const bg = String(msg.background ?? 'auto') as FixBackground;
    return fixBytes(new Uint8Array(msg.bytes as ArrayBuffer), String(msg.name ?? 'photo.jpg'), bg, deps(progress));
  },
  /** Live camera frame → what the framing hints need (lib/view/camera-guide.ts). */
  async live(msg) {
    const bitmap = msg.bitmap as ImageBitmap;
    try {
      const det = await detector();
      const r = await det.detect(bitmap, bitmap.width, bitmap.height);
      const f = r.faces[0]?.landmarks;
      if (!f) return { faces: r.faces.length };
      const xs = [f[234][0], f[454][0]];
      const left = Math.min(...xs), right = Math.max(...xs);
      const top = f[10][1], bottom = f[152][1];
      const c = new OffscreenCanvas(16, 16);
      const ctx = c.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, left, top, Math.max(1, right - left), Math.max(1, bottom - top), 0, 0, 16, 16);
      const px = ctx.getImageData(0, 0, 16, 16).data;
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) sum += 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
      const [a, b] = f[468][0] < f[473][0] ? [f[468], f[473]] : [f[473], f[468]];
      return {
        faces: r.faces.length,
        eyeLeft: [a[0], a[1]], eyeRight: [b[0], b[1]],
        cheekLeftX: left, cheekRightX: right, noseX: f[1][0],
        faceLuma: sum / 256,
      };
    } finally {
      bitmap.close();
    }
  },
  /** Raw person mask of a photo, as the fixer gets it (the matting benchmark records it; ?debug=1 only). */
  async segment(msg) {
    const bitmap = await decodeToBitmap(new Uint8Array(msg.bytes as ArrayBuffer), String(msg.mime ?? ''));
    try {
      return await segmentBitmap(await segmenter(), bitmap);
    } finally {
      bitmap.close();
    }
  },
  /** Raw detection (used by the self-test page and the landmark accuracy test). */
  async detect(msg) {
    const bytes = new Uint8Array(msg.bytes as ArrayBuffer);
    const bitmap = await decodeToBitmap(bytes, String(msg.mime ?? ''));
    try {
      const det = await detector();
      return await det.detect(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  },
};

export function registerHandler(op: string, h: Handler) {
  handlers[op] = h;
}

self.onmessage = async (e: MessageEvent) => {
  const msg = e.data as { id: number; op: string } & Record<string, unknown>;
  const progress = (p: unknown) => self.postMessage({ id: msg.id, progress: p });
  try {
    const h = handlers[msg.op];
    if (!h) throw new Error(`unknown op ${msg.op}`);
    const result = await h(msg, progress);
    self.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    const code = err instanceof DecodeError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    self.postMessage({ id: msg.id, ok: false, error: { code, message } });
  }
};
