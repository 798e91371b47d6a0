/**
 * State of the uploads area: the files being checked, the page photos of a merged PDF and its result.
 * Bytes and blobs live in $state.raw and are replaced immutably; object URLs are revoked when replaced or wiped.
 * All decisions come from src/features/uploads (pure) through ./convert/*.ts; nothing leaves the device.
 */
import { pdfTimedOut, type ProcessedFile, type Stage, type PageCheck, type EncodedPage } from './convert/process.ts';
import { buildPdf } from './convert/pdf.ts';
import { runInWorker, disposeUploadsWorker, UploadsWorkerError } from './worker/client.ts';
import { moveItem, removeAt, mergedPdfName, MAX_PDF_PAGES, type FileKind } from './index.ts';

export type Material = 'cet' | 'nursing' | 'other';
export const MATERIALS: readonly Material[] = ['cet', 'nursing', 'other'];

export interface FileEntry {
  id: number;
  name: string;
  bytes: number;
  stage: Stage | 'queued' | 'done' | 'error';
  result: ProcessedFile | null;
  error: string | null;
  /** Object URL of the output file (download). */
  outputUrl: string | null;
  /** Object URL of a JPEG to preview. */
  previewUrl: string | null;
}

export interface PageEntry {
  id: number;
  file: File;
  name: string;
  kind: FileKind;
  bytes: number;
  width: number;
  height: number;
  thumbUrl: string | null;
  /** zh-CN/en key + params when this page cannot be used. */
  error: { key: string; params?: Record<string, string | number> } | null;
  loading: boolean;
}

export interface PdfResult {
  url: string;
  name: string;
  bytes: number;
  pages: number;
}

export type PdfStatus =
  | { state: 'idle' }
  | { state: 'building'; page: number }
  | { state: 'done' }
  | { state: 'nofit' }
  | { state: 'error'; message: string };

export class UploadsState {
  material = $state<Material>('cet');
  files = $state.raw<FileEntry[]>([]);
  pages = $state.raw<PageEntry[]>([]);
  pdf = $state.raw<PdfResult | null>(null);
  pdfStatus = $state.raw<PdfStatus>({ state: 'idle' });
  /** Polite live-region text (page moves, results). */
  announce = $state('');
  busy = $derived(this.files.some((f) => f.stage !== 'done' && f.stage !== 'error') || this.pdfStatus.state === 'building' || this.pages.some((p) => p.loading));
  hasInput = $derived(this.files.length > 0 || this.pages.length > 0);

  #seq = 0;
  #queue: Promise<void> = Promise.resolve();
  #abort = new AbortController();
  readonly #fileName: (m: Material) => string;

  constructor(fileName: (m: Material) => string) {
    this.#fileName = fileName;
  }

  #patch(id: number, patch: Partial<FileEntry>) {
    this.files = this.files.map((f) => (f.id === id ? { ...f, ...patch } : f));
  }

  /** Queue files for checking; they are processed one at a time (2-core machines, 12 MP pictures). */
  addFiles(list: readonly File[]) {
    const entries: FileEntry[] = list.map((f) => ({ id: ++this.#seq, name: f.name, bytes: f.size, stage: 'queued', result: null, error: null, outputUrl: null, previewUrl: null }));
    this.files = [...this.files, ...entries];
    const signal = this.#abort.signal;
    entries.forEach((e, i) => {
      const file = list[i];
      this.#queue = this.#queue.then(() => this.#run(e.id, file, signal));
    });
  }

  async #run(id: number, file: File, signal: AbortSignal) {
    if (signal.aborted || !this.files.some((f) => f.id === id)) return;
    try {
      // In the uploads worker, each stage under a time limit (a PDF inspection that overruns is stopped there).
      let result: ProcessedFile;
      try {
        result = await runInWorker<ProcessedFile>({ op: 'process', file, fallbackName: this.#fileName(this.material) }, { signal, onStage: (stage) => this.#patch(id, { stage }) });
      } catch (err) {
        if (err instanceof UploadsWorkerError && err.code === 'timeout' && err.stage === 'inspect') result = pdfTimedOut(file);
        else throw err;
      }
      if (signal.aborted || !this.files.some((f) => f.id === id)) return;
      const outputUrl = result.output && result.outcome !== 'keep' ? URL.createObjectURL(result.output.blob) : null;
      const previewUrl = result.preview ? URL.createObjectURL(result.preview) : null;
      this.#patch(id, { stage: 'done', result, outputUrl, previewUrl });
    } catch (err) {
      if (signal.aborted) return;
      console.error('[uploads] processing failed', err);
      const error = err instanceof UploadsWorkerError && (err.code === 'timeout' || err.code === 'crashed') ? `uploads.worker.${err.code}` : err instanceof Error ? err.message : String(err);
      this.#patch(id, { stage: 'error', error });
    }
  }

  removeFile(id: number) {
    const f = this.files.find((x) => x.id === id);
    if (f?.outputUrl) URL.revokeObjectURL(f.outputUrl);
    if (f?.previewUrl) URL.revokeObjectURL(f.previewUrl);
    this.files = this.files.filter((x) => x.id !== id);
  }

  // ---- merged PDF ----

  #pagesChanged() {
    if (this.pdf) URL.revokeObjectURL(this.pdf.url);
    this.pdf = null;
    if (this.pdfStatus.state !== 'building') this.pdfStatus = { state: 'idle' };
  }

  #patchPage(id: number, patch: Partial<PageEntry>) {
    this.pages = this.pages.map((p) => (p.id === id ? { ...p, ...patch } : p));
  }

  /** Add page photos (in the order given); each gets a thumbnail and its size, or an error if unusable. */
  addPages(list: readonly File[]) {
    const room = Math.max(0, MAX_PDF_PAGES - this.pages.length);
    const take = list.slice(0, room);
    const entries: PageEntry[] = take.map((file) => ({ id: ++this.#seq, file, name: file.name, kind: 'unknown', bytes: file.size, width: 0, height: 0, thumbUrl: null, error: null, loading: true }));
    this.pages = [...this.pages, ...entries];
    this.#pagesChanged();
    if (list.length > take.length) this.announce = `tooMany:${MAX_PDF_PAGES}`;
    const signal = this.#abort.signal;
    entries.forEach((e) => {
      this.#queue = this.#queue.then(() => this.#loadPage(e, signal));
    });
  }

  async #loadPage(e: PageEntry, signal: AbortSignal) {
    if (signal.aborted || !this.pages.some((p) => p.id === e.id)) return;
    try {
      const r = await runInWorker<PageCheck>({ op: 'page', file: e.file }, { signal });
      if (signal.aborted || !this.pages.some((p) => p.id === e.id)) return;
      if (r.error) this.#patchPage(e.id, { kind: r.kind, loading: false, error: r.error });
      else this.#patchPage(e.id, { kind: r.kind, width: r.width, height: r.height, thumbUrl: URL.createObjectURL(r.thumb), loading: false });
    } catch {
      if (!signal.aborted) this.#patchPage(e.id, { loading: false, error: { key: 'uploads.finding.image-undecodable', params: { kind: e.kind } } });
    }
  }

  movePage(from: number, to: number) {
    if (from === to) return;
    this.pages = moveItem(this.pages, from, to);
    this.#pagesChanged();
  }

  removePage(i: number) {
    const p = this.pages[i];
    if (p?.thumbUrl) URL.revokeObjectURL(p.thumbUrl);
    this.pages = removeAt(this.pages, i);
    this.#pagesChanged();
  }

  get usablePages(): PageEntry[] {
    return this.pages.filter((p) => !p.error && !p.loading);
  }

  async buildPdf(label: string, pagesWord: string) {
    const pages = this.usablePages;
    if (pages.length === 0 || this.pdfStatus.state === 'building') return;
    this.#pagesChanged();
    const signal = this.#abort.signal;
    this.pdfStatus = { state: 'building', page: 0 };
    try {
      const r = await buildPdf(pages.map((p) => ({ blob: p.file, kind: p.kind, name: p.name })), {
        signal,
        onPage: (page) => (this.pdfStatus = { state: 'building', page }),
        encode: (p, budget) => runInWorker<EncodedPage | null>({ op: 'encode-page', blob: p.blob, kind: p.kind, budget }, { signal }),
      });
      if (signal.aborted) return;
      if (!r.ok) {
        this.pdfStatus = { state: 'nofit' };
        return;
      }
      const blob = new Blob([r.bytes as BlobPart], { type: 'application/pdf' });
      this.pdf = { url: URL.createObjectURL(blob), name: mergedPdfName(label, r.pages.length, pagesWord), bytes: blob.size, pages: r.pages.length };
      this.pdfStatus = { state: 'done' };
    } catch (err) {
      if (signal.aborted) return;
      console.error('[uploads] PDF failed', err);
      this.pdfStatus = { state: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Forget everything (清除 / kiosk wipe): stop work, free memory, revoke every object URL. */
  wipe() {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#queue = Promise.resolve();
    for (const f of this.files) {
      if (f.outputUrl) URL.revokeObjectURL(f.outputUrl);
      if (f.previewUrl) URL.revokeObjectURL(f.previewUrl);
    }
    for (const p of this.pages) if (p.thumbUrl) URL.revokeObjectURL(p.thumbUrl);
    if (this.pdf) URL.revokeObjectURL(this.pdf.url);
    this.files = [];
    this.pages = [];
    this.pdf = null;
    this.pdfStatus = { state: 'idle' };
    this.announce = '';
    disposeUploadsWorker();
  }
}
