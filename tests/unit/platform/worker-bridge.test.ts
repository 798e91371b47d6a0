import { describe, it, expect, vi, afterEach } from 'vitest';
import { WorkerBridge, serveWorker, type Protocol } from '../../../src/platform/worker-bridge.ts';

/** A stand-in Worker: records messages, answers on demand, counts terminate(). */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: { id: number; op: string }[] = [];
  terminated = 0;
  postMessage(msg: { id: number; op: string }) {
    this.sent.push(msg);
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: { id, ok: true, result } } as MessageEvent);
  }
  terminate() {
    this.terminated++;
  }
}

function bridge(idleMs?: number) {
  const made: FakeWorker[] = [];
  const b = new WorkerBridge(() => {
    const w = new FakeWorker();
    made.push(w);
    return w as unknown as Worker;
  }, idleMs);
  return { b, made };
}

afterEach(() => vi.useRealTimers());

describe('WorkerBridge', () => {
  it('stop() ends the worker, rejects what is pending as aborted, and the next request starts a new worker', async () => {
    const { b, made } = bridge();
    const pending = b.request('analyze');
    await Promise.resolve();
    await Promise.resolve();
    expect(b.running).toBe(true);
    b.stop();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0].terminated).toBe(1);
    expect(b.running).toBe(false);
    const next = b.request<string>('analyze');
    await vi.waitFor(() => expect(made[1]?.sent).toHaveLength(1));
    made[1].reply(made[1].sent[0].id, 'ok');
    await expect(next).resolves.toBe('ok');
  });

  it('stop() when no worker runs does nothing', () => {
    const { b, made } = bridge();
    b.stop();
    expect(made).toHaveLength(0);
    expect(b.running).toBe(false);
  });

  it('terminates the worker after the idle time with nothing pending', async () => {
    vi.useFakeTimers();
    const { b, made } = bridge(1000);
    const r = b.request<number>('warmup');
    await vi.waitFor(() => expect(made[0]?.sent).toHaveLength(1));
    made[0].reply(made[0].sent[0].id, 1);
    await r;
    await vi.advanceTimersByTimeAsync(999);
    expect(b.running).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.running).toBe(false);
    expect(made[0].terminated).toBe(1);
  });
});

describe('serveWorker ↔ WorkerBridge (one typed protocol on both sides)', () => {
  type P = { add: { input: { a: number; b: number }; output: number }; fail: { input: Record<string, never>; output: never } } & Protocol;
  function pair() {
    // A worker scope and a Worker wired to each other through queued microtasks, as structured messages would be.
    const scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void } = { onmessage: null, postMessage: () => undefined };
    const worker = { onmessage: null as ((e: MessageEvent) => void) | null, onerror: null, terminate() {}, postMessage(m: unknown) { queueMicrotask(() => scope.onmessage?.({ data: structuredClone(m) } as MessageEvent)); } };
    scope.postMessage = (m) => queueMicrotask(() => worker.onmessage?.({ data: structuredClone(m) } as MessageEvent));
    serveWorker<P>(scope, {
      add: async ({ a, b }, progress) => { progress('half'); return a + b; },
      fail: async () => { throw Object.assign(new Error('too big'), { code: 'too-large' }); },
    });
    return new WorkerBridge<P>(() => worker as unknown as Worker);
  }
  it('answers with the typed result and reports progress', async () => {
    const b = pair();
    const seen: unknown[] = [];
    await expect(b.request('add', { a: 2, b: 3 }, { onProgress: (p) => seen.push(p) })).resolves.toBe(5);
    expect(seen).toEqual(['half']);
  });
  it('an error keeps its code; an unknown op is unknown-op', async () => {
    const b = pair();
    await expect(b.request('fail', {})).rejects.toMatchObject({ name: 'WorkerRequestError', code: 'too-large' });
    await expect((b as unknown as WorkerBridge<Protocol>).request('nope', {})).rejects.toMatchObject({ code: 'unknown-op' });
  });
});
