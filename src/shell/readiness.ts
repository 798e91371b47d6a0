/**
 * 申请准备总览: the state of the four areas, gathered from what the user did in this session, as message keys with
 * params (worded by the overview page and its PDF). Reads the sessions' public state only; decides nothing new —
 * every verdict comes from the area's own checks.
 */
import type { Translate, Params } from '../i18n/index.ts';
import type { PhotoSummary } from '../features/photo/session.svelte.ts';
import type { FileEntry } from '../features/uploads/session.svelte.ts';
import type { Result, Todo } from '../features/eligibility/index.ts';
import type { ResumeFinding } from '../features/form/resume/index.ts';
import type { LintIssue, LengthAdvice } from '../features/form/self-assessment/index.ts';
import type { Route } from './app.svelte.ts';

/** done: nothing left; todo: something to do; problem: a check fails; empty: not started in this session. */
export type Level = 'done' | 'todo' | 'problem' | 'empty' | 'working';
export type AreaId = Exclude<Route, 'overview'>;

export interface ReadinessLine {
  key: string;
  params?: Params;
  level: Level;
  /** Rule ID the line is about (RULES.md), when there is one. */
  rule?: string;
}

export interface ReadinessArea {
  area: AreaId;
  level: Level;
  lines: ReadinessLine[];
}

export interface Readiness {
  /** ready: every required area done; blocked: a check fails or eligibility says no; incomplete: steps left. */
  overall: 'ready' | 'blocked' | 'incomplete';
  areas: ReadinessArea[];
}

export interface ReadinessInput {
  photo: PhotoSummary;
  uploads: readonly Pick<FileEntry, 'name' | 'stage' | 'result'>[];
  eligibility: { answered: boolean; result: Result; params: (item: Todo) => Params };
  form: { resumeUsed: number; resume: readonly ResumeFinding[]; selfText: string; selfIssues: readonly LintIssue[]; selfLength: LengthAdvice };
}

const WORST: Level[] = ['problem', 'working', 'todo', 'empty', 'done'];
const worst = (levels: Level[]): Level => WORST.find((l) => levels.includes(l)) ?? 'done';

function photoArea(p: PhotoSummary): ReadinessArea {
  if (p.state === 'none') return { area: 'photo', level: 'empty', lines: [{ key: 'overview.photo.none', level: 'empty' }] };
  if (p.state === 'working') return { area: 'photo', level: 'working', lines: [{ key: 'overview.photo.working', level: 'working' }] };
  // A checked photo with warnings is usable but the fix is recommended; a fixed one that passes is done.
  const level: Level = p.verdict === 'fail' ? 'problem' : p.state === 'checked' && p.verdict === 'warn' ? 'todo' : 'done';
  const lines: ReadinessLine[] = [{ key: `overview.photo.${p.state}.${p.verdict}`, params: { name: p.fileName ?? '' }, level }];
  if (p.fails.length) lines.push({ key: 'overview.photo.fails', params: { rules: p.fails.join(', ') }, level: 'problem' });
  if (p.state === 'checked' && p.verdict !== 'pass') lines.push({ key: 'overview.photo.fix', level: 'todo' });
  if (level === 'done') lines.push({ key: 'overview.photo.upload', level: 'done' });
  return { area: 'photo', level, lines };
}

function uploadsArea(files: ReadinessInput['uploads']): ReadinessArea {
  if (files.length === 0) return { area: 'uploads', level: 'empty', lines: [{ key: 'overview.uploads.none', level: 'empty' }] };
  const lines = files.map((f): ReadinessLine => {
    if (f.stage === 'error') return { key: 'overview.uploads.error', params: { name: f.name }, level: 'problem' };
    if (!f.result) return { key: 'overview.uploads.working', params: { name: f.name }, level: 'working' };
    const v = (f.result.after ?? f.result.before).verdict;
    const out = f.result.output?.name ?? f.name;
    return { key: `overview.uploads.${v}`, params: { name: f.name, out }, level: v === 'fail' ? 'problem' : v === 'warn' ? 'todo' : 'done' };
  });
  return { area: 'uploads', level: worst(lines.map((l) => l.level)), lines };
}

/** To-dos that must be done before or while applying (block, before); after-application items are left out. */
function eligibilityArea(e: ReadinessInput['eligibility']): ReadinessArea {
  if (!e.answered) return { area: 'eligibility', level: 'empty', lines: [{ key: 'overview.eligibility.none', level: 'empty' }] };
  const status = e.result.status;
  const level: Level = status === 'ok' ? 'done' : status === 'blocked' ? 'problem' : 'todo';
  const lines: ReadinessLine[] = [{ key: `overview.eligibility.${status}`, level }];
  for (const item of e.result.items) {
    if (item.kind !== 'block' && item.kind !== 'before') continue;
    lines.push({ key: `eligibility.todo.${item.code}`, params: e.params(item), level: item.kind === 'block' ? 'problem' : 'todo', rule: item.rule });
  }
  return { area: 'eligibility', level, lines };
}

function formArea(f: ReadinessInput['form']): ReadinessArea {
  const lines: ReadinessLine[] = [];
  if (f.resumeUsed === 0) lines.push({ key: 'overview.form.resume.none', level: 'empty' });
  else {
    const fails = f.resume.filter((x) => x.status === 'fail');
    if (fails.length === 0) lines.push({ key: 'overview.form.resume.ok', params: { count: f.resumeUsed }, level: 'done' });
    for (const x of fails) lines.push({ key: `form.resume.code.${x.code}`, params: x.params, level: 'problem', rule: x.rule });
  }
  if (!f.selfText.trim()) lines.push({ key: 'overview.form.self.none', level: 'empty' });
  else if (f.selfIssues.length) lines.push({ key: 'overview.form.self.issues', params: { count: f.selfIssues.length }, level: 'problem', rule: 'R-SELF-TEXT' });
  else lines.push({ key: 'overview.form.self.ok', params: { chars: f.selfLength.chars }, level: f.selfLength.status === 'ok' ? 'done' : 'todo' });
  if (f.selfText.trim() && f.selfLength.status !== 'ok') lines.push({ key: `overview.form.self.length.${f.selfLength.status}`, params: { chars: f.selfLength.chars }, level: 'todo' });
  return { area: 'form', level: worst(lines.map((l) => l.level)), lines };
}

export function readiness(input: ReadinessInput): Readiness {
  const areas = [photoArea(input.photo), uploadsArea(input.uploads), eligibilityArea(input.eligibility), formArea(input.form)];
  // Uploads are needed only for some candidates (certificates, nursing): not having any does not hold the rest up.
  const required = areas.filter((a) => a.area !== 'uploads' || a.level !== 'empty');
  const overall = areas.some((a) => a.level === 'problem') ? 'blocked' : required.every((a) => a.level === 'done') ? 'ready' : 'incomplete';
  return { overall, areas };
}

/** The manual's order of steps (操作手册 一 → 二 → 三), each with the area of this app that helps. */
export const MANUAL_STEPS: readonly { key: string; area?: AreaId }[] = [
  { key: 'overview.step.prepare', area: 'eligibility' },
  { key: 'overview.step.photo', area: 'photo' },
  { key: 'overview.step.apply', area: 'eligibility' },
  { key: 'overview.step.exempt', area: 'uploads' },
  { key: 'overview.step.review' },
  { key: 'overview.step.form', area: 'form' },
  { key: 'overview.step.register' },
];

/** One line in words, with its rule ID when the sentence does not name it already. */
export function lineText(l: ReadinessLine, t: Translate): string {
  const text = t(l.key, l.params);
  return l.rule && !text.includes(l.rule) ? `${text}${t('overview.rule', { rule: l.rule })}` : text;
}

/** Plain text of the overview (PDF, tests): one line per item, worded with `t`. */
export function readinessLines(r: Readiness, t: Translate): { heading: string; level: Level; lines: { text: string; level: Level }[] }[] {
  return r.areas.map((a) => ({
    heading: t(`overview.area.${a.area}`),
    level: a.level,
    lines: a.lines.map((l) => ({ text: lineText(l, t), level: l.level })),
  }));
}
