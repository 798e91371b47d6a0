/**
 * Issue 9 item 2, memory and long runs, on the built app: a 200-photo batch and 50 kiosk wipe cycles in one page keep
 * the JS heap flat, every object URL is revoked, and a kiosk wipe ends the photo worker (with the last candidate's
 * pixels in its heap). Heaps are read over CDP after forced garbage collection: the page's, and the photo worker's
 * through a (non-flattened) auto-attached worker session. Live blob: URLs are counted by wrapping
 * URL.createObjectURL / revokeObjectURL before the app loads. The figures go to tests/artifacts/memory.json.
 *
 * Bounds are about twice the growth measured on this machine (see the README); nothing here times anything.
 */
import { test, expect, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../helpers/shared.ts';

const ART = 'tests/artifacts';
const MEMORY_JSON = join(ART, 'memory.json');
const MB = 1024 * 1024;

/** Photos of every category and several sizes (286–1200 px), cycled to make up the long runs. */
const CYCLE = [
  'a_cn-man-blue-idphoto.jpg', 'a_woman-blue-bg.jpg', 'a_man-white-glasses.jpg', 'a_man-grey-hivision-demo.jpg',
  'a_cn-man-blue-studio.png', 'b_man-beard-event.jpg', 'b_woman-south-asian-street.jpg', 'b_woman-blonde-office.jpg',
  'c_two-faces-tilted.jpg', 'c_profile-left.jpg', 'd_dog-bicycle.jpg', 'd_anime-girl.jpg',
];
/** A photo the fixer turns into a compliant JPEG (as in photo.spec.ts); kiosk cycles fix one every five. */
const FIXABLE = 'a_cn-man-grey-suit.jpg';

const bytesOf = new Map<string, Buffer>();
function photo(file: string, name: string) {
  if (!bytesOf.has(file)) bytesOf.set(file, readFileSync(join(PHOTOS_DIR, file)));
  return { name, mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: bytesOf.get(file)! };
}
/** Files `from`..`to-1` of the cycled batch, each under its own name. */
function batchFiles(from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const file = CYCLE[i % CYCLE.length];
    return photo(file, `batch-${String(i + 1).padStart(3, '0')}-${file}`);
  });
}

/** Before the app loads: count live blob: URLs; let the test move Date.now forward (the kiosk idle clock). */
function instrument(page: Page) {
  return page.addInitScript(() => {
    const live = new Set<string>();
    const counts = { created: 0, revoked: 0 };
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = create(obj);
      live.add(url);
      counts.created++;
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      if (live.delete(url)) counts.revoked++;
      revoke(url);
    };
    const realNow = Date.now.bind(Date);
    let skewMs = 0;
    Date.now = () => realNow() + skewMs;
    Object.assign(window, {
      __zkBlobs: () => ({ live: live.size, ...counts }),
      __zkSkipTime: (ms: number) => { skewMs += ms; },
    });
  });
}

type Blobs = { live: number; created: number; revoked: number };
const blobs = (page: Page) => page.evaluate(() => (window as unknown as { __zkBlobs: () => Blobs }).__zkBlobs());

interface Heap { usedMB: number; backingMB: number; embedderMB: number }
const toHeap = (r: { usedSize: number; backingStorageSize?: number; embedderHeapUsedSize?: number }): Heap => ({
  usedMB: round(r.usedSize / MB),
  backingMB: round((r.backingStorageSize ?? 0) / MB),
  embedderMB: round((r.embedderHeapUsedSize ?? 0) / MB),
});
const round = (x: number) => Math.round(x * 100) / 100;

/** CDP access to the page's heap and, through auto-attach, to the photo worker's. */
class HeapProbe {
  #workers = new Map<string, string>(); // sessionId → worker name
  #waiting = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
  #nextId = 1;
  private constructor(readonly cdp: CDPSession) {}

  static async open(page: Page): Promise<HeapProbe> {
    const probe = new HeapProbe(await page.context().newCDPSession(page));
    const { cdp } = probe;
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') probe.#workers.set(e.sessionId, e.targetInfo.title);
    });
    cdp.on('Target.detachedFromTarget', (e) => { if (e.sessionId) probe.#workers.delete(e.sessionId); });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) probe.#waiting.get(m.id)?.(m);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return probe;
  }

  /** The page's V8 heap after garbage collection (repeated: the first pass may only free weak references). */
  async page(): Promise<Heap> {
    for (let i = 0; i < 3; i++) await this.cdp.send('HeapProfiler.collectGarbage');
    return toHeap(await this.cdp.send('Runtime.getHeapUsage'));
  }

  /** Sessions of live dedicated workers named `name`. */
  workerSessions(name = 'photo'): string[] {
    return [...this.#workers].filter(([, title]) => title === name).map(([sid]) => sid);
  }

  async #send(sessionId: string, method: string): Promise<Record<string, number>> {
    const id = this.#nextId++;
    const reply = new Promise<{ result?: unknown; error?: unknown }>((resolve) => this.#waiting.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    const m = await reply;
    this.#waiting.delete(id);
    if (m.error) throw new Error(`${method}: ${JSON.stringify(m.error)}`);
    return m.result as Record<string, number>;
  }

  /** The photo worker's V8 heap after GC, or null when no photo worker is running. */
  async worker(): Promise<Heap | null> {
    const [sid] = this.workerSessions();
    if (!sid) return null;
    for (let i = 0; i < 3; i++) await this.#send(sid, 'HeapProfiler.collectGarbage');
    return toHeap((await this.#send(sid, 'Runtime.getHeapUsage')) as { usedSize: number });
  }
}

function record(key: string, value: unknown) {
  mkdirSync(ART, { recursive: true });
  const all = existsSync(MEMORY_JSON) ? JSON.parse(readFileSync(MEMORY_JSON, 'utf8')) : {};
  all[key] = { ...value as object, measuredAt: new Date().toISOString() };
  writeFileSync(MEMORY_JSON, JSON.stringify(all, null, 2) + '\n');
  console.log(`memory ${key}: ${JSON.stringify(value)}`);
}

test('200-photo batch: the page heap stays flat, object URLs are revoked, clearing frees it', async ({ page }) => {
  test.setTimeout(900_000);
  await instrument(page);
  const heap = await HeapProbe.open(page);
  await page.goto('./');
  await page.getByText('批量审核（考办工作人员）').click();
  const input = page.locator('.batch input[type=file]');
  const status = page.locator('.batch [role=status]');
  const run = async (from: number, to: number) => {
    await input.setInputFiles(batchFiles(from, to));
    await expect(status).toHaveText(`已处理 ${to - from} / ${to - from} 张`, { timeout: 600_000 });
    await expect(page.locator('.batch tbody tr')).toHaveCount(to);
  };
  // Open a few rows' details (each shows the photo through an object URL, revoked when another row is chosen).
  const browse = async (names: string[]) => {
    for (const n of names) {
      await page.locator(`tr[data-file="${n}"] button`).click();
      await expect(page.locator('.batch .detail img[src^="blob:"]')).toBeVisible();
    }
  };
  const csv = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    await download.path();
  };

  // Warm-up: model loaded, code compiled, the table and its detail view rendered once.
  await run(0, 10);
  await browse(batchFiles(0, 3).map((f) => f.name));
  await csv();
  const warm = { page: await heap.page(), worker: await heap.worker(), blobs: await blobs(page) };

  await run(10, 100);
  await browse(batchFiles(95, 100).map((f) => f.name));
  await csv();
  const at100 = { page: await heap.page(), worker: await heap.worker(), blobs: await blobs(page) };

  await run(100, 200);
  await browse(batchFiles(195, 200).map((f) => f.name));
  await csv();
  const at200 = { page: await heap.page(), worker: await heap.worker(), blobs: await blobs(page) };

  await page.getByRole('button', { name: '清空列表' }).click();
  await expect(page.locator('.batch tbody tr')).toHaveCount(0);
  const cleared = { page: await heap.page(), worker: await heap.worker(), blobs: await blobs(page) };

  // Another 100 after clearing, cleared again: whatever stays after the first clear must not grow per photo.
  await run(0, 100);
  await browse(batchFiles(0, 3).map((f) => f.name));
  await csv();
  await page.getByRole('button', { name: '清空列表' }).click();
  await expect(page.locator('.batch tbody tr')).toHaveCount(0);
  const cleared2 = { page: await heap.page(), worker: await heap.worker(), blobs: await blobs(page) };

  const growth = {
    first90MB: round(at100.page.usedMB - warm.page.usedMB),
    second100MB: round(at200.page.usedMB - at100.page.usedMB),
    warmToEndMB: round(at200.page.usedMB - warm.page.usedMB),
    clearedVsWarmMB: round(cleared.page.usedMB - warm.page.usedMB),
    secondClearVsFirstMB: round(cleared2.page.usedMB - cleared.page.usedMB),
    workerWarmToEndMB: warm.worker && at200.worker ? round(at200.worker.usedMB - warm.worker.usedMB) : null,
  };
  record('batch200', { warm, at100, at200, cleared, cleared2, growth });

  // The table legitimately keeps 200 File handles and reports; the heap must not grow faster than that.
  // Measured here: +1.2 MB for the first 90 photos, +1.1 MB for the next 100 (≈ 12 KB a photo: File handle, report,
  // table row), 2.3 MB in all.
  expect(growth.warmToEndMB).toBeLessThanOrEqual(5);
  expect(growth.second100MB).toBeLessThanOrEqual(Math.min(2 * growth.first90MB, 2.5));
  // Clearing gives the memory back: measured +1.7 MB over warm right after the first clear (released later, see
  // cleared2) and +0.9 MB after 300 photos and two clears; a leak of 7 KB a photo would fail the second bound.
  expect(growth.clearedVsWarmMB).toBeLessThanOrEqual(3.5);
  expect(round(cleared2.page.usedMB - warm.page.usedMB)).toBeLessThanOrEqual(2);
  // At most the open detail photo and the CSV are live at any time; nothing after clearing.
  for (const b of [warm.blobs, at100.blobs, at200.blobs]) expect(b.live).toBeLessThanOrEqual(2);
  expect(cleared.blobs.live).toBe(0);
  expect(cleared2.blobs.live).toBe(0);
  expect(at200.blobs.created).toBeGreaterThanOrEqual(13); // the URLs really were made (and revoked)
  // The worker's own heap (the model lives in wasm memory, outside it) stays flat over 190 photos: measured +0.3 MB.
  expect(at200.worker, 'the photo worker ran').not.toBeNull();
  expect(growth.workerWarmToEndMB!).toBeLessThanOrEqual(0.75);
});

test('50 kiosk wipe cycles in one page: nothing of the previous person remains and the heap stays flat', async ({ page }) => {
  test.setTimeout(900_000);
  await instrument(page);
  const heap = await HeapProbe.open(page);
  // The idle wipe is driven by moving the page's clock past `idle` (the same code path as a real timeout).
  await page.goto('./?kiosk=1&idle=60');
  const picker = page.locator('input[type=file]').first();
  const samples: Record<string, unknown>[] = [];
  const workerHeaps: number[] = [];

  const CYCLES = 50;
  const t0 = Date.now();
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const file = CYCLE[(cycle - 1) % CYCLE.length];
    const fix = cycle % 5 === 0;
    const src = fix ? FIXABLE : file;
    const name = `kiosk-person-${String(cycle).padStart(2, '0')}-${src}`;
    await picker.setInputFiles(photo(src, name));
    await expect(page.locator('[data-verdict]').first()).toBeVisible({ timeout: 120_000 });
    await expect(page.locator('.file-line')).toContainText(name);
    await expect(page.locator('img[src^="blob:"]').first()).toBeVisible();
    if (fix) {
      await page.getByRole('button', { name: '自动修正' }).click();
      // A kiosk prints the fixed photo (issue 16: no downloads for the next person to find).
      const outcome = page.getByRole('button', { name: '打印修正后的照片' }).or(page.locator('.photo-page [role=alert]:not(.camera *)'));
      await expect(outcome.first()).toBeVisible({ timeout: 180_000 });
      expect(await outcome.first().textContent(), `cycle ${cycle}: the fix of ${src}`).toMatch(/打印修正后的照片/);
    }
    if (cycle === 5 || cycle === CYCLES) workerHeaps.push((await heap.worker())?.usedMB ?? NaN);
    const before = await blobs(page);
    expect(before.live).toBe(fix ? 2 : 1); // the photo, and the fixed photo

    // Idle timeout → wipe.
    await page.evaluate(() => (window as unknown as { __zkSkipTime: (ms: number) => void }).__zkSkipTime(61_000));
    await expect(page.locator('[data-verdict]')).toHaveCount(0);
    await expect(page.locator('img[src^="blob:"]')).toHaveCount(0);
    await expect(page.locator('.file-line')).toHaveCount(0);
    expect(await page.content()).not.toContain(name);
    const after = await blobs(page);
    expect(after.live, `cycle ${cycle}: object URLs left after the wipe`).toBe(0);
    // The wipe ends the photo worker, whose heap held this person's pixels.
    await expect.poll(() => heap.workerSessions().length, { message: `cycle ${cycle}: photo worker still running` }).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zk-precheck:')).length + sessionStorage.length)).toBe(0);

    if (cycle === 5 || cycle === 25 || cycle === CYCLES) samples.push({ cycle, page: await heap.page(), blobs: after });
  }

  const [c5, c25, c50] = samples as { cycle: number; page: Heap; blobs: Blobs }[];
  const growth = { pageMB: round(c50.page.usedMB - c5.page.usedMB), workerMB: round(workerHeaps[1] - workerHeaps[0]) };
  const secondsPerCycle = round((Date.now() - t0) / 1000 / CYCLES); // for information only (model reload after each wipe)
  record('kiosk50', { cycle5: c5, cycle25: c25, cycle50: c50, workerUsedMB: { cycle5: workerHeaps[0], cycle50: workerHeaps[1] }, growth, secondsPerCycle });

  // Measured here: +0.5 MB from cycle 5 to 50 (after GC; ≈ 10 KB a cycle, within the noise of a 4 MB heap).
  expect(growth.pageMB).toBeLessThanOrEqual(1.5);
  expect(c50.blobs.live).toBe(0);
  expect(c50.blobs.created).toBeGreaterThanOrEqual(60); // 50 photos + 10 fixes, every one revoked
  expect(c50.blobs.revoked).toBe(c50.blobs.created);
  expect(Number.isFinite(growth.workerMB)).toBe(true);
  expect(growth.workerMB).toBeLessThanOrEqual(0.75); // a fresh worker each person: measured 0
});
