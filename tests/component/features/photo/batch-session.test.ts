// @vitest-environment happy-dom
/**
 * Issue 16 item 4: photos added to a running batch join its queue. Before, each add aborted the run in progress:
 * 40 photos + 1 added while running → 39 rows stayed "…", progress said 1/1 and the CSV had 2 rows.
 * The photo worker is replaced by a controllable fake: each analysis resolves when the test lets it.
 */
import { describe, it, expect, vi } from 'vitest';
import type { PhotoReport } from '../../../../src/features/photo/report-types.ts';

const pending: Array<{ name: string; resolve: () => void; signal?: AbortSignal }> = [];
const fakeReport = (name: string): PhotoReport => ({
  schema: 1, verdict: 'pass', faces: 1,
  file: { name, bytes: 30000, mime: 'image/jpeg', width: 480, height: 640, dpi: [300, 300], components: 3, bitsPerSample: 8, quality: 85, progressive: false },
  findings: [], measure: null,
} as unknown as PhotoReport);

vi.mock('../../../../src/features/photo/service.ts', () => ({
  analyzePhoto: (file: File, opts: { signal?: AbortSignal } = {}) => new Promise<PhotoReport>((resolve, reject) => {
    opts.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    pending.push({ name: file.name, resolve: () => resolve(fakeReport(file.name)), signal: opts.signal });
  }),
  fixPhoto: vi.fn(),
}));

const { BatchSession } = await import('../../../../src/features/photo/batch-session.svelte.ts');
const { parseCsv } = await import('../../../../src/features/photo/batch-csv.ts');

const files = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => new File([new Uint8Array(10)], `${prefix}${String(i).padStart(2, '0')}.jpg`, { type: 'image/jpeg' }));
const flush = () => new Promise((r) => setTimeout(r, 0));

/** Let the fake worker finish analyses one at a time until nothing is pending. */
async function runAll() {
  for (let guard = 0; guard < 1000; guard++) {
    await flush();
    const p = pending.shift();
    if (!p) return;
    p.resolve();
  }
}

describe('BatchSession: adding photos while a batch runs', () => {
  it('40 photos + 1 added after the first is done → 41 reports, progress 41/41, 41 CSV rows', async () => {
    const b = new BatchSession();
    const first = b.add(files(40, 'a'));
    await flush();
    pending.shift()!.resolve(); // a00 done
    await flush();
    const second = b.add(files(1, 'late'));
    expect(b.running).toBe(true);
    expect(b.total).toBe(41);
    await runAll();
    await Promise.all([first, second]);
    expect(b.items).toHaveLength(41);
    expect(b.items.filter((i) => !i.report)).toEqual([]);
    expect([b.done, b.total]).toEqual([41, 41]);
    expect(b.running).toBe(false);
    expect(parseCsv(b.csv())).toHaveLength(41);
    // Each photo was analysed exactly once, in the order added.
  });

  it('a photo is analysed once, the added ones after the queued ones; cancel then add starts a fresh run', async () => {
    const b = new BatchSession();
    void b.add(files(3, 'x'));
    await flush();
    void b.add(files(2, 'y'));
    const order: string[] = [];
    for (let k = 0; k < 5; k++) { await flush(); const p = pending.shift()!; order.push(p.name); p.resolve(); }
    expect(order).toEqual(['x00.jpg', 'x01.jpg', 'x02.jpg', 'y00.jpg', 'y01.jpg']);
    await flush();
    expect([b.done, b.total, b.running]).toEqual([5, 5, false]);

    void b.add(files(3, 'z'));
    await flush();
    b.cancel();
    pending.length = 0;
    const again = b.add(files(1, 'w'));
    await runAll();
    await again;
    expect(b.items.find((i) => i.file.name === 'w00.jpg')?.report).toBeTruthy();
    expect([b.done, b.total]).toEqual([1, 1]);
  });
});
