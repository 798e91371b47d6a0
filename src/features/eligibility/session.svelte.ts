/**
 * State of the eligibility self-check: the answers, the wizard step, the 学信网 checklist ticks and the opt-in
 * local saving. The result is derived from the pure evaluator; nothing here computes rules.
 */
import {
  evaluate, emptyAnswers, applicable, addYears, sessionDates, migrateAnswers, type Answers, type IsoDate, type Result,
} from './index.ts';
import { OptInStore } from '../../platform/storage.ts';
import type { Translate } from '../../i18n/core.ts';
import type { Checklist } from './index.ts';

export const STORAGE_KEY = 'eligibility';
export const VERIFY_STEPS = 7;
export type StepId = 'basic' | 'prior' | 'scores' | 'identity' | 'result';

interface Saved {
  v: 1;
  answers: Answers;
  name: string;
  verifySteps: boolean[];
}

function validSaved(s: unknown): s is Saved {
  const x = s as Saved | null;
  return !!x && x.v === 1 && typeof x.answers === 'object' && x.answers !== null;
}

export class EligibilityState {
  readonly today: IsoDate;
  readonly kiosk: boolean;
  answers = $state<Answers>() as Answers;
  name = $state('');
  verifySteps = $state<boolean[]>(Array(VERIFY_STEPS).fill(false));
  stepIndex = $state(0);
  /** "在本机保存" ticked (never in kiosk mode). */
  saveLocal = $state(false);
  #store: OptInStore<Saved>;

  result: Result = $derived.by(() => evaluate(this.answers, this.today));
  show = $derived(applicable(this.answers));
  steps: StepId[] = $derived(this.answers.level === 'benke' ? ['basic', 'prior', 'scores', 'identity', 'result'] : ['basic', 'scores', 'identity', 'result']);
  step: StepId = $derived(this.steps[Math.min(this.stepIndex, this.steps.length - 1)]);
  dates = $derived(sessionDates(this.answers.year, this.answers.half));
  /** Oldest photo date still "within a year". */
  photoOldest = $derived.by(() => addYears(this.today, -1));
  hasInput = $derived.by(
    () => !!this.name.trim() || this.verifySteps.some(Boolean) || JSON.stringify(this.answers) !== JSON.stringify(emptyAnswers(this.today)),
  );

  constructor(opts: { today: IsoDate; kiosk: boolean }) {
    this.today = opts.today;
    this.kiosk = opts.kiosk;
    this.#store = new OptInStore(STORAGE_KEY, validSaved, opts.kiosk);
    this.answers = emptyAnswers(opts.today);
    if (!this.kiosk) this.#restore();
  }

  #restore() {
    const s = this.#store.load();
    if (!s) return;
    // Unknown or missing fields fall back to the empty answers (older saves stay readable).
    this.answers = { ...emptyAnswers(this.today), ...migrateAnswers(s.answers as unknown as Record<string, unknown>) };
    this.name = typeof s.name === 'string' ? s.name : '';
    if (Array.isArray(s.verifySteps)) this.verifySteps = Array.from({ length: VERIFY_STEPS }, (_, i) => !!s.verifySteps[i]);
    this.saveLocal = true;
  }

  /** Write the answers when saving is on (called from an effect on every change). */
  persist(): boolean {
    if (!this.saveLocal || this.kiosk) return false;
    const snapshot: Saved = { v: 1, answers: $state.snapshot(this.answers) as Answers, name: this.name, verifySteps: [...this.verifySteps] };
    return this.#store.save(snapshot);
  }

  setSaveLocal(on: boolean) {
    this.saveLocal = on && !this.kiosk;
    if (this.saveLocal) this.persist();
    else this.#store.forget();
  }

  /** The checklist as a PDF, downloaded as `name` (pdf.ts, jsPDF and the font load on first use). */
  async exportPdf(checklist: Checklist, t: Translate, name: string): Promise<{ bytes: number; imageCharacters: string[] }> {
    const { checklistPdf, downloadBlob } = await import('./checklist-pdf.ts');
    const out = await checklistPdf(checklist, t);
    downloadBlob(out.blob, name);
    return { bytes: out.blob.size, imageCharacters: out.imageCharacters };
  }

  next() {
    if (this.stepIndex < this.steps.length - 1) this.stepIndex++;
  }
  back() {
    if (this.stepIndex > 0) this.stepIndex--;
  }
  goTo(id: StepId) {
    const i = this.steps.indexOf(id);
    if (i >= 0) this.stepIndex = i;
  }

  /** 重新填写: empty answers, keep the saving choice (a saved copy is overwritten by the empty one). */
  restart() {
    this.answers = emptyAnswers(this.today);
    this.name = '';
    this.verifySteps = Array(VERIFY_STEPS).fill(false);
    this.stepIndex = 0;
  }

  /** Clear everything (清除 / kiosk wipe); also deletes the saved copy. */
  wipe() {
    this.answers = emptyAnswers(this.today);
    this.name = '';
    this.verifySteps = Array(VERIFY_STEPS).fill(false);
    this.stepIndex = 0;
    this.saveLocal = false;
    this.#store.forget();
  }
}
