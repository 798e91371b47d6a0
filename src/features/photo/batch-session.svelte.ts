/**
 * Batch review for exam-office staff: hundreds of photos processed one at a time in the photo worker (bounded memory:
 * only the File handles and the small reports are kept), with progress, cancel, sort/filter, CSV and a zip of fixes.
 */
import type { PhotoReport } from './report-types.ts';
import { analyzePhoto, fixPhoto } from './service.ts';
import { toCsv, fixSummaryCsv, type FixSummaryRow } from './batch-csv.ts';
import { safeFileStem } from '../../lib/text/file-stem.ts';
import { ObjectUrls } from '../../platform/object-urls.ts';

export interface BatchItem {
  id: number;
  file: File;
  report: PhotoReport | null;
  error: string | null;
  fixed?: { ok: boolean; bytes?: number; quality?: number; reason?: string };
}

type FixOut = Awaited<ReturnType<typeof fixPhoto>> & { bytes?: number; quality?: number };
type Job = { id: number; phase: 'analyze' | 'fix'; onFixed?: (item: BatchItem, out: FixOut) => Promise<void> };

export type SortKey = 'file' | 'verdict' | 'eye' | 'head' | 'width' | 'bytes';
const VERDICT_RANK: Record<string, number> = { fail: 0, warn: 1, pass: 2 };

export class BatchSession {
  items = $state.raw<BatchItem[]>([]);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  phase = $state<'analyze' | 'fix' | null>(null);
  filterRule = $state<string>('');
  filterVerdict = $state<string>('');
  sortKey = $state<SortKey>('file');
  sortAsc = $state(true);
  selected = $state<number | null>(null);
  zipUrl = $state<string | null>(null);
  /** The last exported CSV (revoked on the next export, 清空列表 and wipe). */
  csvUrl = $state<string | null>(null);
  #urls = new ObjectUrls();
  #abort: AbortController | null = null;
  #nextId = 1;
  /** Photos waiting in the running queue (analysis or fix), in order. */
  #jobs: Job[] = [];
  #loop: Promise<void> | null = null;

  rules = $derived([...new Set(this.items.flatMap((i) => i.report?.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.rule) ?? []))].sort());

  view = $derived.by(() => {
    const key = (i: BatchItem): string | number => {
      const m = i.report?.measure;
      switch (this.sortKey) {
        case 'verdict': return i.report ? VERDICT_RANK[i.report.verdict] : -1;
        case 'eye': return m?.eyeYPx ?? -1;
        case 'head': return m?.headTopPx ?? -1;
        case 'width': return m?.faceWidthPx ?? -1;
        case 'bytes': return i.file.size;
        default: return i.file.name;
      }
    };
    const list = this.items.filter((i) => {
      if (this.filterVerdict && (i.report?.verdict ?? 'error') !== this.filterVerdict) return false;
      if (this.filterRule && !i.report?.findings.some((f) => f.rule === this.filterRule && (f.status === 'fail' || f.status === 'warn'))) return false;
      return true;
    });
    const dir = this.sortAsc ? 1 : -1;
    return [...list].sort((a, b) => {
      const ka = key(a), kb = key(b);
      return (typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb), 'zh-CN')) * dir;
    });
  });

  summary = $derived({
    pass: this.items.filter((i) => i.report?.verdict === 'pass').length,
    warn: this.items.filter((i) => i.report?.verdict === 'warn').length,
    fail: this.items.filter((i) => i.report?.verdict === 'fail').length,
    error: this.items.filter((i) => i.error).length,
  });

  sortBy(key: SortKey) {
    if (this.sortKey === key) this.sortAsc = !this.sortAsc;
    else { this.sortKey = key; this.sortAsc = true; }
  }

  #update(id: number, patch: Partial<BatchItem>) {
    this.items = this.items.map((i) => (i.id === id ? { ...i, ...patch } : i));
  }

  /**
   * Add photos: they join the queue of the run in progress (never restart it — every row gets its report) or start
   * a run. Progress counts every photo of the run, those added while it runs included.
   */
  add(files: File[]): Promise<void> {
    const added = files.map((file) => ({ id: this.#nextId++, file, report: null, error: null }));
    this.items = [...this.items, ...added];
    return this.#enqueue(added.map((a) => ({ id: a.id, phase: 'analyze' as const })));
  }

  async fixAll(): Promise<void> {
    const ids = this.items.filter((i) => i.report && i.report.faces === 1).map((i) => i.id);
    this.#urls.revoke(this.zipUrl);
    this.zipUrl = null;
    const { Zip, ZipPassThrough, strToU8 } = await import('fflate');
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, data) => { if (!err) chunks.push(data); });
    const used = new Set<string>();
    const rows: FixSummaryRow[] = [];
    const onFixed = async (item: BatchItem, out: FixOut) => {
      if (out.photo) {
        let name = safeFileStem(item.file.name, 'photo') + '_480x640.jpg';
        for (let n = 2; used.has(name); n++) name = name.replace(/(_\d+)?_480x640\.jpg$/, `_${n}_480x640.jpg`);
        used.add(name);
        const f = new ZipPassThrough(name);
        zip.add(f);
        f.push(new Uint8Array(await out.photo.arrayBuffer()), true);
      }
      rows.push({ file: item.file.name, result: out.photo ? 'ok' : 'failed', bytes: out.bytes ?? null, quality: out.quality ?? null, reason: out.reason ?? null });
    };
    await this.#enqueue(ids.map((id) => ({ id, phase: 'fix' as const, onFixed })));
    const summary = new ZipPassThrough('summary.csv');
    zip.add(summary);
    summary.push(strToU8(fixSummaryCsv(rows)), true);
    zip.end();
    this.zipUrl = this.#urls.make(new Blob(chunks as BlobPart[], { type: 'application/zip' }));
  }

  #enqueue(jobs: Job[]): Promise<void> {
    if (!this.#loop) { this.done = 0; this.total = 0; }
    this.#jobs.push(...jobs);
    this.total += jobs.length;
    this.#loop ??= this.#drain();
    return this.#loop;
  }

  /** Work through the queue one photo at a time until it is empty (or cancelled). */
  async #drain(): Promise<void> {
    const abort = (this.#abort = new AbortController());
    this.running = true;
    try {
      while (this.#jobs.length > 0 && !abort.signal.aborted) {
        const job = this.#jobs.shift()!;
        this.phase = job.phase;
        const item = this.items.find((i) => i.id === job.id);
        if (item) {
          try {
            if (job.phase === 'analyze') {
              const report = await analyzePhoto(item.file, { signal: abort.signal });
              this.#update(job.id, { report, error: null });
            } else {
              const out = await fixPhoto(item.file, 'auto', { signal: abort.signal });
              this.#update(job.id, { fixed: { ok: !!out.photo, bytes: out.after?.file.bytes, quality: out.after?.file.quality ?? undefined, reason: out.reason } });
              await job.onFixed?.(item, { ...out, bytes: out.after?.file.bytes, quality: out.after?.file.quality ?? undefined });
            }
          } catch (err) {
            if (abort.signal.aborted) break;
            this.#update(job.id, { error: err instanceof Error ? err.message : String(err) });
          }
        }
        this.done++;
      }
    } finally {
      if (this.#abort === abort) {
        this.running = false;
        this.phase = null;
        this.#loop = null;
      }
    }
  }

  cancel() {
    this.#abort?.abort();
    this.#abort = null;
    this.#jobs = [];
    this.#loop = null;
    this.running = false;
    this.phase = null;
  }

  csv(): string {
    return toCsv(this.items.filter((i) => i.report).map((i) => i.report!));
  }

  /** The CSV of the checked photos as a download URL (the previous one is revoked). */
  exportCsv(): string {
    this.#urls.revoke(this.csvUrl);
    this.csvUrl = this.#urls.make(new Blob([this.csv()], { type: 'text/csv;charset=utf-8' }));
    return this.csvUrl;
  }

  /** A photo of the batch as a URL for the detail view; give it back with `releaseUrl`. */
  fileUrl(file: File): string {
    return this.#urls.make(file);
  }
  releaseUrl(url: string | null): void {
    this.#urls.revoke(url);
  }

  /** 清空列表 / kiosk wipe: forget every photo and revoke every URL made for them. */
  wipe() {
    this.clear();
  }

  clear() {
    this.cancel();
    this.#urls.revokeAll();
    this.zipUrl = null;
    this.csvUrl = null;
    this.items = [];
    this.selected = null;
    this.done = 0;
    this.total = 0;
  }
}
