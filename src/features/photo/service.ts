/**
 * Main-thread face of the photo pipeline (decode → detect → measure → report; fix → re-check), all of which runs in
 * the photo worker. Used by the photo sessions (session.svelte.ts, batch-session.svelte.ts) and the embed API.
 */
import type { PhotoReport } from './report-types.ts';
import type { Background, PhotoService, Refusal } from './service-types.ts';
import { photoWorker } from './worker/client.ts';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (stage: unknown) => void;
}

export interface FixOutcome {
  photo: Blob | null;
  before: PhotoReport;
  after: PhotoReport | null;
  /** Why no photo could be made (code + params, worded by the UI in its language). */
  refusal?: Refusal;
  /** The same in zh-CN (CONTRACT.md). */
  reason?: string;
  /** The refusal as an i18n key with params (shown in the user's language). */
  reasonKey?: { key: string; params?: Record<string, string | number> };
  /** What was changed, as i18n keys with params (shown to the user). */
  changes?: { key: string; params?: Record<string, string | number> }[];
  quality?: number;
  bytes?: number;
  /** The crop of the made photo in px of the decoded photo. */
  framing?: { rect: { x: number; y: number; width: number; height: number }; scale: number };
}

export async function analyzePhoto(file: Blob, opts: RunOptions = {}): Promise<PhotoReport> {
  const bytes = await file.arrayBuffer();
  const name = file instanceof File ? file.name : 'photo.jpg';
  return photoWorker().request('analyze', { bytes, name }, { transfer: [bytes], ...opts });
}

export async function fixPhoto(file: Blob, background: Background | 'auto', opts: RunOptions = {}, name?: string): Promise<FixOutcome> {
  const bytes = await file.arrayBuffer();
  const fileName = name ?? (file instanceof File ? file.name : 'photo.jpg');
  const r = await photoWorker().request('fix', { bytes, name: fileName, background }, { transfer: [bytes], ...opts });
  return { ...r, photo: r.photo ? new Blob([r.photo], { type: 'image/jpeg' }) : null };
}

export async function createPhotoService(): Promise<PhotoService> {
  return {
    analyze: (file, name) => analyzePhoto(file instanceof File ? file : new File([file], name)),
    fix: async (file, name, background) => {
      const r = await fixPhoto(file, background, {}, name);
      return { photo: r.photo, before: r.before, after: r.after, ...(r.reason ? { reason: r.reason } : {}) };
    },
  };
}
