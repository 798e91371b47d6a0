/**
 * One candidate's photo workflow: choose → analyze → (fix) → download / use. Holds the File, object URLs and reports;
 * every run takes an AbortSignal so a new photo cancels the old run. Nothing is stored anywhere: `clear()` forgets it all.
 */
import { getContext, setContext } from 'svelte';
import type { PhotoReport } from './report-types.ts';
import type { Background } from '../../platform/embed-api.ts';
import { analyzePhoto, fixPhoto, type FixOutcome, type RunOptions } from './service.ts';

export type PhotoStatus = 'idle' | 'working' | 'fixing' | 'done' | 'error';
export type BackgroundChoice = 'auto' | Background;

export class PhotoSession {
  status = $state<PhotoStatus>('idle');
  /** Progress stage reported by the worker ('model' while the model loads). */
  stage = $state<string | null>(null);
  error = $state<string | null>(null);
  file = $state.raw<File | null>(null);
  previewUrl = $state<string | null>(null);
  report = $state.raw<PhotoReport | null>(null);
  fixed = $state.raw<(FixOutcome & { url: string | null }) | null>(null);
  showOverlay = $state(true);
  background = $state<BackgroundChoice>('auto');
  #abort: AbortController | null = null;

  verdict = $derived(this.report?.verdict ?? null);

  #revoke() {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    if (this.fixed?.url) URL.revokeObjectURL(this.fixed.url);
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
      this.error = err instanceof Error ? err.message : String(err);
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
    this.previewUrl = URL.createObjectURL(file);
    return this.#run('working', (o) => analyzePhoto(file, o), (report) => (this.report = report));
  }

  fix(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    if (this.fixed?.url) URL.revokeObjectURL(this.fixed.url);
    this.fixed = null;
    return this.#run('fixing', (o) => fixPhoto(file, this.background, o), (out) => (this.fixed = { ...out, url: out.photo ? URL.createObjectURL(out.photo) : null }));
  }

  /** A sensible download name: the original name's stem + "_480x640.jpg". */
  get downloadName(): string {
    const stem = (this.file?.name ?? 'photo').replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, '_').slice(0, 80) || 'photo';
    return `${stem}_480x640.jpg`;
  }

  clear(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#revoke();
    this.file = null;
    this.report = null;
    this.fixed = null;
    this.error = null;
    this.status = 'idle';
    this.stage = null;
  }
}

const KEY = Symbol('photo');
export const setPhotoSession = (s: PhotoSession) => setContext(KEY, s);
export const getPhotoSession = () => getContext<PhotoSession>(KEY);
