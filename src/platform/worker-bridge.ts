/**
 * A lazily started worker with a serial request queue, abort (terminates the worker so a stuck run can never block
 * the next photo), and an idle timeout that frees its memory (model, wasm heap) when unused.
 * Typed by a protocol: one `{ input, output }` entry per op (e.g. features/photo/worker/protocol.ts), used by both
 * sides — `WorkerBridge<P>.request(op, input)` here, `serveWorker<P>(handlers)` in the worker.
 * Messages: { id, op, input } → { id, progress } * → { id, ok: true, result } | { id, ok: false, error: { code, message } }.
 * Error codes (never sentences: the UI words them): 'worker-crashed', 'internal', and what a handler throws.
 */

/** One entry per op: what the page sends and what the worker answers. */
export type Protocol = Record<string, { input: unknown; output: unknown }>;
export type OpInput<P extends Protocol, K extends keyof P> = P[K]['input'];
export type OpOutput<P extends Protocol, K extends keyof P> = P[K]['output'];
export type Handlers<P extends Protocol> = { [K in keyof P]: (input: P[K]['input'], progress: (p: unknown) => void) => Promise<P[K]['output']> };

export interface RequestMessage { id: number; op: string; input: unknown }
export interface WorkerErrorInfo {
  code: string;
  message: string;
}

export class WorkerRequestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'WorkerRequestError';
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress?: (p: unknown) => void };

export class WorkerBridge<P extends Protocol> {
  #worker: Worker | null = null;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #queue: Promise<unknown> = Promise.resolve();
  #idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly create: () => Worker, private readonly idleMs = 10 * 60_000) {}

  get running(): boolean {
    return this.#worker !== null;
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent) => {
      const msg = e.data as { id: number; ok?: boolean; result?: unknown; error?: WorkerErrorInfo; progress?: unknown };
      const p = this.#pending.get(msg.id);
      if (!p) return;
      if (msg.progress !== undefined) return p.onProgress?.(msg.progress);
      this.#pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new WorkerRequestError(msg.error?.code ?? 'internal', msg.error?.message ?? 'unknown error'));
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.#failAll(new WorkerRequestError('worker-crashed', `worker ended unexpectedly: ${e.message || 'no reason given'}`));
    };
    this.#worker = w;
    return w;
  }

  #failAll(err: Error) {
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
    this.terminate();
  }

  /** Run one request after the previous ones; `signal` aborts it (and restarts the worker for the next). */
  request<K extends keyof P & string>(op: K, input: OpInput<P, K>, opts: { transfer?: Transferable[]; signal?: AbortSignal; onProgress?: (p: unknown) => void } = {}): Promise<OpOutput<P, K>> {
    type T = OpOutput<P, K>;
    const run = () =>
      new Promise<T>((resolve, reject) => {
        if (opts.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
        if (this.#idleTimer) clearTimeout(this.#idleTimer);
        const id = this.#nextId++;
        const onAbort = () => {
          if (!this.#pending.has(id)) return;
          this.#pending.delete(id);
          reject(new DOMException('aborted', 'AbortError'));
          this.#failAll(new DOMException('aborted', 'AbortError'));
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        this.#pending.set(id, {
          resolve: (v) => {
            opts.signal?.removeEventListener('abort', onAbort);
            resolve(v as T);
          },
          reject: (e) => {
            opts.signal?.removeEventListener('abort', onAbort);
            reject(e);
          },
          onProgress: opts.onProgress,
        });
        try {
          this.#ensure().postMessage({ id, op, input } satisfies RequestMessage, opts.transfer ?? []);
        } catch (err) {
          this.#pending.delete(id);
          reject(err);
        }
      }).finally(() => this.#armIdle());
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #armIdle() {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    if (this.#pending.size === 0) this.#idleTimer = setTimeout(() => this.terminate(), this.idleMs);
  }

  /** End the worker now (kiosk wipe): pending requests are rejected as aborted, the next request starts a fresh one. */
  stop() {
    this.#failAll(new DOMException('aborted', 'AbortError'));
  }

  terminate() {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.#worker?.terminate();
    this.#worker = null;
  }
}

/**
 * The worker's side: answer each `{ id, op, input }` with the typed handler of `op`. A thrown error with a string
 * `code` (e.g. DecodeError) keeps its code; anything else is 'internal'.
 */
export function serveWorker<P extends Protocol>(scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage(msg: unknown): void }, handlers: Handlers<P>): void {
  scope.onmessage = async (e: MessageEvent) => {
    const msg = e.data as RequestMessage;
    const progress = (p: unknown) => scope.postMessage({ id: msg.id, progress: p });
    try {
      const h = (handlers as Record<string, Handlers<P>[keyof P]>)[msg.op];
      if (!h) throw new WorkerRequestError('unknown-op', `unknown op ${msg.op}`);
      const result = await h(msg.input as never, progress);
      scope.postMessage({ id: msg.id, ok: true, result });
    } catch (err) {
      const code = err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'internal';
      const message = err instanceof Error ? err.message : String(err);
      scope.postMessage({ id: msg.id, ok: false, error: { code, message } });
    }
  };
}
