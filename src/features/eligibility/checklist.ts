/**
 * The personal checklist (for the screen, the printable page, the PDF and "copy as text"): the evaluator's result
 * turned into translated lines. Pure; the translator is passed in.
 */
import type { Translate } from '../../i18n/core.ts';
import type { Result, Todo, Kind } from './evaluate.ts';
import { CONTACT_URL, RULE_SOURCES, type Answers } from './rules.ts';
import type { IsoDate } from './dates.ts';

export interface ChecklistItem {
  /** '1.', '2.' … numbered across the whole list. */
  marker: string;
  text: string;
  why: string;
  /** 'E-PHOTO（手册 一.2；二.1(1)）' */
  rule: string;
  deadline: string | null;
  link: string | null;
  kind: Kind;
  code: string;
  /** The manual leaves this open: who decides (a sentence), or null. */
  open: string | null;
  /** Where to ask (the city agencies' contact page), or null. */
  contact: string | null;
}

export interface Checklist {
  title: string;
  meta: string[];
  status: string;
  statusCode: Result['status'];
  reasons: string;
  sections: { kind: Kind; heading: string; items: ChecklistItem[] }[];
  notes: string[];
}

const KINDS: Kind[] = ['block', 'before', 'during', 'after', 'info'];

/** Message parameters of an item, with half codes ('H1'/'H2') translated. */
export function itemParams(t: Translate, item: Todo): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(item.params ?? {})) out[k] = /half$/i.test(k) ? t(`eligibility.half.${v}`) : v;
  if (item.deadline?.code === 'date') out.deadlineDate = item.deadline.date;
  return out;
}

export function deadlineText(t: Translate, item: Todo): string | null {
  if (!item.deadline) return null;
  return t(`eligibility.deadline.${item.deadline.code}`, item.deadline.code === 'date' ? { date: item.deadline.date } : undefined);
}

export function levelText(t: Translate, a: Answers): string {
  return a.level ? t(`eligibility.level.${a.level}`) : t('eligibility.unanswered');
}

export function buildChecklist(result: Result, a: Answers, t: Translate, opts: { name?: string; today: IsoDate }): Checklist {
  const name = (opts.name ?? '').trim();
  const meta = [
    ...(name ? [t('eligibility.export.name', { name })] : []),
    t('eligibility.export.application', { level: levelText(t, a), year: a.year, half: t(`eligibility.half.${a.half}`) }),
    t('eligibility.export.city', { city: a.city ?? t('eligibility.unanswered') }),
    t('eligibility.export.date', { date: opts.today }),
  ];
  let n = 0;
  const sections = KINDS.map((kind) => ({
    kind,
    heading: t(`eligibility.kind.${kind}`),
    items: result.items
      .filter((i) => i.kind === kind)
      .map((i): ChecklistItem => {
        const p = itemParams(t, i);
        return {
          marker: `${++n}.`,
          text: t(`eligibility.todo.${i.code}`, p),
          why: t(`eligibility.why.${i.code}`, p),
          rule: [i.rule, ...(i.also ?? [])].map((r) => t('eligibility.export.rule', { rule: r, source: RULE_SOURCES[r] })).join('；'),
          deadline: deadlineText(t, i),
          link: i.link ?? null,
          kind: i.kind,
          code: i.code,
          open: i.decides ? t(`eligibility.open.${i.decides}`) : null,
          contact: i.decides === 'city-agency' ? CONTACT_URL : null,
        };
      }),
  })).filter((s) => s.items.length > 0);
  return {
    title: t('eligibility.export.title'),
    meta,
    status: t(`eligibility.status.${result.status}`),
    statusCode: result.status,
    reasons: result.reasons.length ? t('eligibility.export.reasons', { rules: result.reasons.join('、') }) : '',
    sections,
    notes: [t('eligibility.export.note.official'), t('eligibility.export.note.local')],
  };
}

/** Plain text (for the clipboard): one line per fact, items with their reason, rule and deadline indented. */
export function checklistText(c: Checklist, t: Translate): string {
  const lines = [c.title, ...c.meta, '', `${t('eligibility.export.status')}${c.status}`];
  if (c.reasons) lines.push(c.reasons);
  for (const s of c.sections) {
    lines.push('', `【${s.heading}】`);
    for (const i of s.items) {
      lines.push(`${i.marker} ${i.text}`);
      lines.push(`   ${t('eligibility.export.why')}${i.why}`);
      if (i.deadline) lines.push(`   ${t('eligibility.export.deadline')}${i.deadline}`);
      if (i.open) lines.push(`   ${t('eligibility.export.open')}${i.open}${i.contact ? ` ${i.contact}` : ''}`);
      lines.push(`   ${t('eligibility.export.basis')}${i.rule}`);
    }
  }
  lines.push('', ...c.notes);
  return lines.join('\n');
}
