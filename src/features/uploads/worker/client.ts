/**
 * Main-thread side of the uploads worker: one module worker, started lazily, one request at a time (the session
 * queues them). Every stage the worker reports has a time limit; when it is exceeded — or the caller aborts — the
 * worker is terminated (a synchronous loop in it cannot be interrupted any other way) and the request rejects with
 * an UploadsWorkerError; the next request starts a fresh worker. `dispose()` (清除, kiosk wipe) terminates it too,
 * which also ends the HEIC decoder worker it may have started.
 */
import type { UploadsRequest } from './worker.ts';
import type { Stage } from '../convert/process.ts';
import { PDF_INSPECT_TIME_LIMIT_MS } from '../index.ts';

export class UploadsWorkerError extends Error {
  constructor(readonly code: 'timeout' | 'aborted' | 'crashed' | 'failed', readonly stage: Stage | null, message: string) {
    super(message);
    this.name = 'UploadsWorkerError';
  }
}

/** Time limit per stage; 'inspect' (PDF structure) is short because a valid PDF ≤ 4 MiB takes well under a second. */
export const STAGE_LIMITS_MS: Record<Stage, number> = {
  read: 60_000,
  inspect: PDF_INSPECT_TIME_LIMIT_MS,
  heic: 120_000,
  decode: 120_000,
  encode: 180_000,
};

let worker: Worker | null = null;
let seq = 0;

function ensure(): Worker {
  worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'uploads' });
  return worker;
}

/** Terminate the worker (and anything it started); pending requests reject with 'aborted'. */
export function disposeUploadsWorker(): void {
  worker?.terminate();
  worker = null;
  for (const fail of cancels) fail();
  cancels.clear();
}
const cancels = new Set<() => void>();

export function isUploadsWorkerRunning(): boolean {
  return worker !== null;
}

export function runInWorker<T>(req: UploadsRequest, opts: { signal?: AbortSignal; onStage?: (s: Stage) => void; limits?: Partial<Record<Stage, number>> } = {}): Promise<T> {
  if (opts.signal?.aborted) return Promise.reject(new UploadsWorkerError('aborted', null, 'aborted'));
  const w = ensure();
  const id = ++seq;
  const limits = { ...STAGE_LIMITS_MS, ...opts.limits };
  return new Promise<T>((resolve, reject) => {
    let stage: Stage = 'read';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = () => {
      if (timer) clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      opts.signal?.removeEventListener('abort', onAbort);
      cancels.delete(cancel);
    };
    const kill = (err: UploadsWorkerError) => {
      finish();
      if (worker === w) { w.terminate(); worker = null; }
      reject(err);
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => kill(new UploadsWorkerError('timeout', stage, `stage ${stage} took longer than ${limits[stage]} ms`)), limits[stage]);
    };
    const onMessage = (e: MessageEvent) => {
      const m = e.data as { id: number; stage?: Stage; ok?: boolean; result?: T; error?: { code: string; message: string } };
      if (m.id !== id) return;
      if (m.stage) { stage = m.stage; opts.onStage?.(m.stage); arm(); return; }
      finish();
      if (m.ok) resolve(m.result as T);
      else reject(new UploadsWorkerError('failed', stage, m.error?.message ?? 'failed'));
    };
    const onError = (e: ErrorEvent) => { e.preventDefault(); kill(new UploadsWorkerError('crashed', stage, e.message || 'uploads worker crashed')); };
    const onAbort = () => kill(new UploadsWorkerError('aborted', stage, 'aborted'));
    const cancel = () => { finish(); reject(new UploadsWorkerError('aborted', stage, 'aborted')); };
    cancels.add(cancel);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    arm();
    w.postMessage({ id, ...req });
  });
}
