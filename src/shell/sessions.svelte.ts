/**
 * The areas' sessions, created once by the shell (App.svelte) and handed to each page, so the readiness overview
 * can read them: typed getters, no area imports another. Also the warm start of the photo worker.
 */
import type { AppState } from './app.svelte.ts';
import { PhotoSession } from '../features/photo/session.svelte.ts';
import { UploadsState, type Material } from '../features/uploads/session.svelte.ts';
import { EligibilityState } from '../features/eligibility/session.svelte.ts';
import { localIso, itemParams } from '../features/eligibility/index.ts';
import { FormState } from '../features/form/session.svelte.ts';
import { ym } from '../features/form/resume/index.ts';
import { readiness, type Readiness } from './readiness.ts';
import { whenIdle } from './idle.ts';
import type { Translate } from '../i18n/index.ts';

/** How long after first paint the page waits at most for an idle moment before warming the photo worker (ms). */
const WARM_TIMEOUT_MS = 2000;

export class AreaSessions {
  readonly #photo: PhotoSession;
  readonly #uploads: UploadsState;
  readonly #eligibility: EligibilityState;
  readonly #form: FormState;

  constructor(app: AppState, now = new Date()) {
    this.#photo = new PhotoSession();
    this.#uploads = new UploadsState((m: Material) => app.t(`uploads.material.file.${m}`));
    this.#eligibility = new EligibilityState({ today: localIso(now), kiosk: app.kiosk });
    this.#form = new FormState({ today: ym(now.getFullYear(), now.getMonth() + 1), kiosk: app.kiosk });
  }

  get photo(): PhotoSession { return this.#photo; }
  get uploads(): UploadsState { return this.#uploads; }
  get eligibility(): EligibilityState { return this.#eligibility; }
  get form(): FormState { return this.#form; }

  /** The overview of all four areas (reactive: read it in a `$derived`). */
  readiness(t: Translate): Readiness {
    const e = this.#eligibility;
    const f = this.#form;
    return readiness({
      photo: this.#photo.summary,
      uploads: this.#uploads.files,
      eligibility: { answered: e.hasInput, result: e.result, params: (item) => itemParams(t, item) },
      form: { resumeUsed: f.entries.filter((x) => x.start.trim() || x.end.trim() || x.place.trim() || x.role.trim()).length, resume: f.findings, selfText: f.text, selfIssues: f.issues, selfLength: f.length },
    });
  }

  /** The overview as an A4 PDF, downloaded as `name` (jsPDF and the font load on first use). */
  async exportOverviewPdf(t: Translate, name: string): Promise<{ bytes: number }> {
    const { overviewPdf } = await import('./overview-pdf.ts');
    const blob = await overviewPdf(this.readiness(t), t, { date: localIso(new Date()) });
    const { downloadBlob } = await import('../platform/pdf.ts');
    downloadBlob(blob, name);
    return { bytes: blob.size };
  }

  /**
   * Warm start: once the page is idle after first paint, start the photo worker and its face model so the first
   * check answers as fast as later ones. After a kiosk wipe (which ends the worker) it warms again at the next
   * person's first touch or key, not while the kiosk stands unused.
   */
  warmWhenIdle(): () => void {
    return whenIdle(() => void this.#photo.warmup(), WARM_TIMEOUT_MS);
  }

  /** After a kiosk wipe: warm again at the next person's first interaction. */
  warmOnNextInteraction(): () => void {
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    const once = () => {
      off();
      void this.#photo.warmup();
    };
    const off = () => {
      for (const e of events) removeEventListener(e, once, { capture: true });
    };
    for (const e of events) addEventListener(e, once, { capture: true, passive: true });
    return off;
  }
}
