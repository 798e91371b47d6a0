/**
 * Main-thread side of the uploads worker, on the shared WorkerBridge (one module worker, started lazily, one
 * request at a time). Every stage the worker reports has a time limit; when it is exceeded — or the caller aborts —
 * the request is aborted, which terminates the worker (a synchronous loop in it cannot be interrupted any other
 * way), and it rejects with an UploadsWorkerError; the next request starts a fresh worker. `disposeUploadsWorker()`
 * (清除, kiosk wipe) ends it too, and with it the HEIC decoder worker it may have started.
 */
import { WorkerBridge, WorkerRequestError, type OpInput, type OpOutput } from '../../../platform/worker-bridge.ts';
import type { Stage } from '../convert/process.ts';
import { PDF_INSPECT_TIME_LIMIT_MS } from '../index.ts';
import type { UploadsProtocol } from './protocol.ts';

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

let bridge: WorkerBridge<UploadsProtocol> | null = null;
function uploadsWorker(): WorkerBridge<UploadsProtocol> {
  bridge ??= new WorkerBridge<UploadsProtocol>(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'uploads' }), 5 * 60_000);
  return bridge;
}

/** Terminate the worker (and anything it started); pending requests reject as aborted. */
export function disposeUploadsWorker(): void {
  bridge?.stop();
}

export function isUploadsWorkerRunning(): boolean {
  return bridge?.running ?? false;
}

export async function runInWorker<K extends keyof UploadsProtocol & string>(
  op: K,
  input: OpInput<UploadsProtocol, K>,
  opts: { signal?: AbortSignal; onStage?: (s: Stage) => void; limits?: Partial<Record<Stage, number>> } = {},
): Promise<OpOutput<UploadsProtocol, K>> {
  const limits = { ...STAGE_LIMITS_MS, ...opts.limits };
  const ctl = new AbortController();
  let stage: Stage = 'read';
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timedOut = true; ctl.abort(); }, limits[stage]);
  };
  const onAbort = () => ctl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) ctl.abort();
  arm();
  try {
    return await uploadsWorker().request(op, input, {
      signal: ctl.signal,
      onProgress: (p) => { stage = p as Stage; opts.onStage?.(stage); arm(); },
    });
  } catch (err) {
    if (timedOut) throw new UploadsWorkerError('timeout', stage, `stage ${stage} took longer than ${limits[stage]} ms`);
    if (err instanceof DOMException && err.name === 'AbortError') throw new UploadsWorkerError('aborted', stage, 'aborted');
    if (err instanceof WorkerRequestError && err.code === 'worker-crashed') throw new UploadsWorkerError('crashed', stage, err.message);
    throw new UploadsWorkerError('failed', stage, err instanceof Error ? err.message : String(err));
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
