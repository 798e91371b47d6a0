/**
 * One candidate's photo workflow: choose → analyze → (fix) → download / use. Holds the File, object URLs and reports;
 * every run takes an AbortSignal so a new photo cancels the old run. Nothing is stored anywhere: `clear()` forgets it all.
 */
import { getContext, setContext } from 'svelte';
import type { PhotoReport } from './report-types.ts';
import type { Background } from './service-types.ts';
import type { Translate } from '../../i18n/core.ts';
import { analyzePhoto, fixPhoto, type FixOutcome, type RunOptions } from './service.ts';
import { measureLiveFrame, warmup as warmupWorker } from './worker/client.ts';
import type { LiveMeasure } from './camera-guide.ts';
import { postToHost } from '../../platform/embed-api.ts';
import { safeFileStem } from '../../lib/text/file-stem.ts';
import { errorCode } from '../../platform/errors.ts';
import { ObjectUrls } from '../../platform/object-urls.ts';
import { stopPhotoWorker } from './worker/client.ts';

export type PhotoStatus = 'idle' | 'working' | 'fixing' | 'done' | 'error';
export type BackgroundChoice = 'auto' | Background;
export interface PhotoSummary {
  state: 'none' | 'working' | 'checked' | 'fixed';
  verdict: PhotoReport['verdict'] | null;
  fileName: string | null;
  /** Rule IDs that still fail on the photo that counts. */
  fails: string[];
}

export class PhotoSession {
  status = $state<PhotoStatus>('idle');
  /** Progress stage reported by the worker ('model' while the model loads). */
  stage = $state<string | null>(null);
  /** What went wrong, as a code the UI words ('photoui.err.<code>'); `errorDetail` is the technical text. */
  error = $state<string | null>(null);
  errorDetail = $state<string>('');
  file = $state.raw<File | null>(null);
  previewUrl = $state<string | null>(null);
  report = $state.raw<PhotoReport | null>(null);
  fixed = $state.raw<(FixOutcome & { url: string | null }) | null>(null);
  showOverlay = $state(true);
  background = $state<BackgroundChoice>('auto');
  #abort: AbortController | null = null;
  #urls = new ObjectUrls();

  verdict = $derived(this.report?.verdict ?? null);
  /** The photo that counts now: the fixed one when a fix produced a photo, else the checked one. */
  current = $derived(this.fixed?.photo && this.fixed.after ? this.fixed.after : this.report);
  /** What the overview shows: nothing yet, checked (with its verdict) or fixed (with the new photo's verdict). */
  summary: PhotoSummary = $derived.by(() => {
    const r = this.current;
    if (!r) return { state: this.status === 'working' || this.status === 'fixing' ? 'working' : 'none', verdict: null, fileName: this.file?.name ?? null, fails: [] };
    return { state: this.fixed?.photo ? 'fixed' : 'checked', verdict: r.verdict, fileName: this.file?.name ?? null, fails: r.findings.filter((f) => f.status === 'fail').map((f) => f.rule) };
  });
  #warm: Promise<unknown> | null = null;

  #revoke() {
    this.#urls.revokeAll();
    this.previewUrl = null;
  }

  /** Run one step: cancels the previous run; an aborted run never writes its result or error. */
  async #run<T>(status: PhotoStatus, step: (opts: RunOptions) => Promise<T>, done: (value: T) => void): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = status;
    this.error = null;
    this.stage = null;
    try {
      const value = await step({ signal: abort.signal, onProgress: (p) => (this.stage = String(p)) });
      if (abort.signal.aborted) return;
      done(value);
      this.status = 'done';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = errorCode(err);
      this.errorDetail = err instanceof Error ? err.message : String(err);
      this.status = 'error';
    } finally {
      if (this.#abort === abort) this.stage = null;
    }
  }

  analyze(file: File): Promise<void> {
    this.#revoke();
    this.file = file;
    this.report = null;
    this.fixed = null;
    this.previewUrl = this.#urls.make(file);
    return this.#run('working', (o) => analyzePhoto(file, o), (report) => (this.report = report));
  }

  fix(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    this.#urls.revoke(this.fixed?.url);
    this.fixed = null;
    return this.#run('fixing', (o) => fixPhoto(file, this.background, o), (out) => (this.fixed = { ...out, url: out.photo ? this.#urls.make(out.photo) : null }));
  }

  /** A sensible download name: the original name's stem + "_480x640.jpg". */
  get downloadName(): string {
    return `${safeFileStem(this.file?.name ?? 'photo', 'photo')}_480x640.jpg`;
  }

  /** Measure one live camera frame for the framing hints (the bitmap is handed to the worker). */
  measureLive(bitmap: ImageBitmap): Promise<LiveMeasure> {
    return measureLiveFrame(bitmap);
  }

  /** 使用此照片 (embedded): hand the fixed photo, or the original when nothing fails, to the official site. */
  sendToHost(): boolean {
    if (this.fixed?.photo && this.fixed.after) postToHost({ type: 'zk-precheck:photo', photo: this.fixed.photo, report: this.fixed.after });
    else if (this.file && this.report?.verdict !== 'fail') postToHost({ type: 'zk-precheck:photo', photo: this.file, report: this.report });
    else return false;
    return true;
  }

  /** The print sheet (PDF): the fixed photo at print size and every rule's result; downloaded at once. */
  async downloadSheet(t: Translate, sheetSuffix: string): Promise<void> {
    const report = this.fixed?.after ?? this.report;
    if (!report) return;
    const bytes = this.fixed?.photo ? new Uint8Array(await this.fixed.photo.arrayBuffer()) : null;
    const { buildPhotoSheet } = await import('./photo-pdf.ts');
    const { blob } = await buildPhotoSheet(report, bytes, t);
    const { downloadBlob } = await import('../../platform/pdf.ts');
    downloadBlob(blob, this.downloadName.replace(/\.jpg$/, `${sheetSuffix}.pdf`));
  }

  clear(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#revoke();
    this.file = null;
    this.report = null;
    this.fixed = null;
    this.error = null;
    this.errorDetail = '';
    this.status = 'idle';
    this.stage = null;
  }

  /**
   * Start the photo worker and its face model ahead of the first check (called when the page is idle), so the first
   * photo answers as fast as later ones. Once per worker; a failure is harmless (the check starts it again).
   */
  warmup(): Promise<unknown> {
    this.#warm ??= warmupWorker().catch(() => (this.#warm = null));
    return this.#warm;
  }

  /** Kiosk wipe / 清除全部数据: forget everything and end the photo worker (its memory held this person's pixels). */
  wipe(): void {
    this.clear();
    stopPhotoWorker();
    this.#warm = null;
  }
}

/** The photo service for the embed API, loaded with the worker client on first use. */
export const loadPhotoService = () => import('./service.ts').then((m) => m.createPhotoService());

const KEY = Symbol('photo');
export const setPhotoSession = (s: PhotoSession): PhotoSession => setContext(KEY, s);
export function getPhotoSession(): PhotoSession {
  const s = getContext<PhotoSession | undefined>(KEY);
  if (!s) throw new Error('PhotoSession context missing');
  return s;
}
