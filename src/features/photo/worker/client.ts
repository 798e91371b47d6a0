/** Main-thread handle on the photo worker (one per page, created lazily), typed by ./protocol.ts. */
import { WorkerBridge } from '../../../platform/worker-bridge.ts';
import type { FaceDetectionResult } from '../vision-types.ts';
import type { LiveMeasure } from '../camera-guide.ts';
import type { PhotoProtocol } from './protocol.ts';

let bridge: WorkerBridge<PhotoProtocol> | null = null;
export function photoWorker(): WorkerBridge<PhotoProtocol> {
  bridge ??= new WorkerBridge<PhotoProtocol>(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'photo' }));
  return bridge;
}

/**
 * End the photo worker if it runs (kiosk wipe): its heap and wasm memory held the last candidate's pixels, and the
 * next request reloads the model. Elsewhere the worker stops itself after 10 min idle.
 */
export function stopPhotoWorker(): void {
  bridge?.stop();
}

export function warmup(): Promise<{ ms: number }> {
  return photoWorker().request('warmup', {});
}

export async function detectFaces(file: Blob, signal?: AbortSignal): Promise<FaceDetectionResult> {
  const bytes = await file.arrayBuffer();
  return photoWorker().request('detect', { bytes, mime: file.type }, { transfer: [bytes], signal });
}

/** Measure one live camera frame (the bitmap is transferred and closed by the worker). */
/** The person segmenter's raw mask for a photo (diagnostics and the matting benchmark). */
export async function segmentPerson(file: Blob, signal?: AbortSignal): Promise<{ data: Float32Array; width: number; height: number }> {
  const bytes = await file.arrayBuffer();
  return photoWorker().request('segment', { bytes, mime: file.type }, { transfer: [bytes], signal });
}

export function measureLiveFrame(bitmap: ImageBitmap, signal?: AbortSignal): Promise<LiveMeasure> {
  return photoWorker().request('live', { bitmap }, { transfer: [bitmap], signal });
}
