/**
 * State of the registration-form helper: résumé entries and the self-assessment text. Findings are derived from
 * the pure modules (src/features/form/resume, src/features/form/self-assessment); nothing here computes rules.
 *
 * Keeping: always in memory while the page is open (every area stays mounted); across a reload of the same tab in
 * sessionStorage (not in kiosk mode); on this device only when the user ticks "在本机保存" (never in kiosk mode).
 */
import {
  checkResume, applyResumeFix, formatResume, emptyEntry, isBlank, newId, tidyResume,
  type ResumeEntry, type ResumeFix, type TidyStep, type Ym,
} from './resume/index.ts';
import { lintSelfAssessment, applyIssue, applyAll, lengthAdvice, type LintIssue } from './self-assessment/index.ts';
import { OptInStore } from '../../platform/storage.ts';
import type { Translate } from '../../i18n/core.ts';

export const STORAGE_KEY = 'form';
const SESSION_KEY = 'zk-precheck:form-session';

interface Saved {
  v: 1;
  entries: ResumeEntry[];
  text: string;
}

function validSaved(s: unknown): s is Saved {
  const x = s as Saved | null;
  return !!x && x.v === 1 && Array.isArray(x.entries) && typeof x.text === 'string';
}

function clean(entries: ResumeEntry[]): ResumeEntry[] {
  return entries
    .filter((e) => e && typeof e === 'object')
    .map((e) => ({ id: typeof e.id === 'string' && e.id ? e.id : newId(), start: String(e.start ?? ''), end: String(e.end ?? ''), place: String(e.place ?? ''), role: String(e.role ?? '') }));
}

/** The last 一键整理: what the paper text was and became, the steps, and the entries to go back to. */
export interface TidyRecord {
  before: string;
  after: string;
  steps: TidyStep[];
  undo: ResumeEntry[];
}

export class FormState {
  readonly today: Ym;
  readonly kiosk: boolean;
  entries = $state<ResumeEntry[]>([]);
  text = $state('');
  saveLocal = $state(false);
  /** Set by tidy(), cleared by undoTidy() and by any other edit of the résumé (undo would lose that edit). */
  tidied = $state.raw<TidyRecord | null>(null);
  #store: OptInStore<Saved>;

  findings = $derived.by(() => checkResume(this.entries, this.today));
  issues: LintIssue[] = $derived.by(() => lintSelfAssessment(this.text));
  length = $derived.by(() => lengthAdvice(this.text));
  resumeText = $derived.by(() => formatResume(this.entries));
  /** 一键整理 would change something. */
  canTidy = $derived.by(() => tidyResume(this.entries, this.today).changed);
  hasInput = $derived.by(() => this.entries.some((e) => !isBlank(e)) || this.text.trim() !== '');

  constructor(opts: { today: Ym; kiosk: boolean }) {
    this.today = opts.today;
    this.kiosk = opts.kiosk;
    this.#store = new OptInStore(STORAGE_KEY, validSaved, opts.kiosk);
    this.entries = [emptyEntry()];
    if (!this.kiosk) this.#restore();
  }

  #restore() {
    const local = this.#store.load();
    let s: unknown = local;
    if (local) this.saveLocal = true;
    else {
      try {
        const raw = sessionStorage.getItem(SESSION_KEY);
        s = raw ? JSON.parse(raw) : null;
      } catch {
        s = null;
      }
    }
    if (!validSaved(s)) return;
    const entries = clean(s.entries);
    this.entries = entries.length ? entries : [emptyEntry()];
    this.text = s.text;
  }

  #snapshot(): Saved {
    return { v: 1, entries: $state.snapshot(this.entries) as ResumeEntry[], text: this.text };
  }

  /** Keep the input across a reload (session) and, when ticked, on this device. Called from an effect. */
  persist(): void {
    if (this.kiosk) return;
    const snap = this.#snapshot();
    try {
      if (this.hasInput) sessionStorage.setItem(SESSION_KEY, JSON.stringify(snap));
      else sessionStorage.removeItem(SESSION_KEY);
    } catch {
      /* storage unavailable: memory only */
    }
    if (this.saveLocal) this.#store.save(snap);
  }

  setSaveLocal(on: boolean) {
    this.saveLocal = on && !this.kiosk;
    if (this.saveLocal) this.#store.save(this.#snapshot());
    else this.#store.forget();
  }

  /** The paper-form text as a PDF, downloaded as `name` (pdf.ts, jsPDF and the font load on first use). */
  async exportPdf(t: Translate, name: string): Promise<{ bytes: number; imageCharacters: string[] }> {
    const { formPdf } = await import('./form-pdf.ts');
    const out = await formPdf(this.resumeText, this.text, t);
    const { downloadBlob } = await import('../../platform/pdf.ts');
    downloadBlob(out.blob, name);
    return { bytes: out.blob.size, imageCharacters: out.imageCharacters };
  }

  // ── résumé ──
  /** 一键整理: apply every safe fix at once; returns false when there was nothing to do. */
  tidy(): boolean {
    const before = $state.snapshot(this.entries) as ResumeEntry[];
    const r = tidyResume(before, this.today);
    if (!r.changed) return false;
    const beforeText = formatResume(before);
    this.entries = r.entries.length ? r.entries : [emptyEntry()];
    this.tidied = { before: beforeText, after: formatResume(this.entries), steps: r.steps, undo: before };
    return true;
  }
  /** Back to the entries before 一键整理. */
  undoTidy(): boolean {
    if (!this.tidied) return false;
    this.entries = this.tidied.undo.length ? this.tidied.undo : [emptyEntry()];
    this.tidied = null;
    return true;
  }

  addEntry() {
    this.tidied = null;
    this.entries = [...this.entries, emptyEntry()];
  }
  removeEntry(i: number) {
    this.tidied = null;
    const next = this.entries.filter((_, k) => k !== i);
    this.entries = next.length ? next : [emptyEntry()];
  }
  moveEntry(i: number, delta: -1 | 1) {
    const j = i + delta;
    if (j < 0 || j >= this.entries.length) return;
    this.tidied = null;
    const next = [...this.entries];
    [next[i], next[j]] = [next[j], next[i]];
    this.entries = next;
  }
  setField(i: number, field: 'start' | 'end' | 'place' | 'role', value: string) {
    const e = this.entries[i];
    if (!e) return;
    this.tidied = null;
    this.entries[i] = { ...e, [field]: value };
  }
  applyFix(fix: ResumeFix) {
    this.tidied = null;
    this.entries = applyResumeFix($state.snapshot(this.entries) as ResumeEntry[], fix);
    if (this.entries.length === 0) this.entries = [emptyEntry()];
  }

  // ── self-assessment ──
  applyIssue(x: LintIssue) {
    this.text = applyIssue(this.text, x);
  }
  applyAllIssues(): number {
    const before = this.issues.filter((x) => x.fix !== null).length;
    this.text = applyAll(this.text);
    return before;
  }

  /** Clear everything (清除 / kiosk wipe), including both saved copies. */
  wipe() {
    this.tidied = null;
    this.entries = [emptyEntry()];
    this.text = '';
    this.saveLocal = false;
    this.#store.forget();
    try {
      sessionStorage.removeItem(SESSION_KEY);
    } catch {
      /* ignore */
    }
  }
}
