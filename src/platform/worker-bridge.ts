/**
 * A lazily started worker with a serial request queue, abort (terminates the worker so a stuck run can never block
 * the next photo), and an idle timeout that frees its memory (model, wasm heap) when unused.
 */
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

export class WorkerBridge<Op extends string = string> {
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
      else p.reject(new WorkerRequestError(msg.error?.code ?? 'internal', msg.error?.message ?? '未知错误'));
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.#failAll(new WorkerRequestError('worker-crashed', `后台处理意外终止：${e.message || '未知原因'}`));
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
  request<T>(op: Op, payload: Record<string, unknown> = {}, opts: { transfer?: Transferable[]; signal?: AbortSignal; onProgress?: (p: unknown) => void } = {}): Promise<T> {
    const run = () =>
      new Promise<T>((resolve, reject) => {
        if (opts.signal?.aborted) return reject(new DOMException('已取消', 'AbortError'));
        if (this.#idleTimer) clearTimeout(this.#idleTimer);
        const id = this.#nextId++;
        const onAbort = () => {
          if (!this.#pending.has(id)) return;
          this.#pending.delete(id);
          reject(new DOMException('已取消', 'AbortError'));
          this.#failAll(new DOMException('已取消', 'AbortError'));
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
          this.#ensure().postMessage({ id, op, ...payload }, opts.transfer ?? []);
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
    this.#failAll(new DOMException('已取消', 'AbortError'));
  }

  terminate() {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.#worker?.terminate();
    this.#worker = null;
  }
}
