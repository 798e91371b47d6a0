/// <reference lib="webworker" />
/**
 * The photo worker: decoding, face detection, measurement, report building and fixing all run here, off the main
 * thread. Messages: { id, op, ...payload } → { id, ok, result } | { id, ok: false, error: { code, message } }.
 */
import { createFaceDetector } from '../vision/mediapipe.ts';
import type { FaceDetector } from '../vision/types.ts';
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

type Handler = (msg: Record<string, unknown>, progress: (p: unknown) => void) => Promise<unknown>;

const handlers: Record<string, Handler> = {
  async warmup() {
    const t0 = performance.now();
    await detector();
    return { ms: performance.now() - t0 };
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
