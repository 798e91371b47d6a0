/**
 * Pure evaluator: answers + today → status and an ordered to-do list. Every item names its RULES.md rule (E-*).
 *
 * Kinds, in the order they are listed:
 * - block  — this session's application is impossible (status 本次无法申请)
 * - before — must be done before submitting (status 需先完成事项)
 * - during — do it while filling in the application (does not hold the application up)
 * - after  — do it after submitting, by the deadline given
 * - info   — good to know
 * Status: any block → 'blocked'; else any before → 'todo'; else 'ok' (可以申请).
 * Unanswered questions never pass silently: they become "check this" items (kind before).
 */
import { addYears, isIsoDate, type IsoDate } from './dates.ts';
import {
  HEFEI, TRANSFER_ARCHIVED_FROM, applicable, firstSessionFor, sessionDates, type Answers, type RuleId,
} from './rules.ts';

export type Kind = 'block' | 'before' | 'during' | 'after' | 'info';
export type Status = 'ok' | 'todo' | 'blocked';
export type Link = '#/photo' | '#/uploads' | '#/form';

/** When an item is due. `date` items are inclusive calendar days. */
export type Deadline =
  | { code: 'date'; date: IsoDate }
  | { code: 'before-apply' }
  | { code: 'photo-deadline' }
  | { code: 'while-applying' };

export interface Todo {
  /** Message code: i18n keys 'eligibility.todo.<code>' (what to do) and 'eligibility.why.<code>' (why). */
  code: string;
  rule: RuleId;
  kind: Kind;
  deadline?: Deadline;
  /** Values for the messages (dates 'YYYY-MM-DD', years, half codes 'H1'/'H2'). */
  params?: Record<string, string | number>;
  /** The tool of this app that helps with it. */
  link?: Link;
  /** Further rules the item rests on (shown after `rule`). */
  also?: RuleId[];
  /**
   * The manual leaves this decision open: who decides ('city-agency' = the city exam agency, reached through
   * CONTACT_URL). The tool says so instead of guessing either way.
   */
  decides?: 'city-agency';
}

export interface InputError {
  field: keyof Answers;
  code: 'date-invalid' | 'date-future';
}

export interface Result {
  status: Status;
  /** The rules that decide the status (those of the block items, else of the before items). */
  reasons: RuleId[];
  items: Todo[];
  errors: InputError[];
}

const KIND_ORDER: Record<Kind, number> = { block: 0, before: 1, during: 2, after: 3, info: 4 };

/** Order inside a kind: the order of the manual's process (一 准备 → 二 申请 → 三 注意事项). */
const CODE_ORDER = [
  'level-check', 'hefei', 'duplicate', 'duplicate-check', 'courses-open', 'courses-check', 'english-open',
  'math-open', 'moral-open', 'moral-check', 'moral-pending', 'employed-check', 'moral-employer', 'moral-unemployed',
  'diploma-none', 'prior-check', 'diploma-late', 'diploma-date-missing',
  'graduating-h2-ask', 'graduating-proof', 'verify-todo', 'verify-cannot', 'verify-check', 'transfer-check',
  'transfer-date-missing', 'transfer-old', 'identity-fix', 'identity-check', 'ticket-check', 'ticket-merge',
  'photo-check', 'photo-old', 'photo-upload', 'photo-reupload', 'photo-wait', 'nursing-appraisal-prepare',
  'both-order', 'ticket-merged', 'nursing-appraisal-upload', 'english-cet', 'math-substitute', 'remark',
  'graduating-verify', 'verify-papers-done', 'transfer-old-done', 'transfer-new', 'moral-employer-done', 'degree',
];

export function evaluate(a: Answers, today: IsoDate): Result {
  if (!isIsoDate(today)) throw new RangeError(`evaluate: today '${today}' is not YYYY-MM-DD`);
  const items: Todo[] = [];
  const errors: InputError[] = [];
  const add = (t: Todo) => items.push(t);
  const show = applicable(a);
  const { diplomaDeadline, graduatingVerifyBy } = sessionDates(a.year, a.half);
  const beforeApply: Deadline = { code: 'before-apply' };

  const dateField = (field: 'priorDate' | 'transferDate' | 'photoDate', allowFuture: boolean): IsoDate | null => {
    const v = a[field];
    if (!v) return null;
    if (!isIsoDate(v)) {
      errors.push({ field, code: 'date-invalid' });
      return null;
    }
    if (!allowFuture && v > today) {
      errors.push({ field, code: 'date-future' });
      return null;
    }
    return v;
  };

  // 二.1 / 附件1 注: Hefei has its own procedure.
  if (a.city === HEFEI) add({ code: 'hefei', rule: 'E-HEFEI', kind: 'before', deadline: beforeApply });

  if (!a.level) add({ code: 'level-check', rule: 'E-PRE-DIPLOMA', kind: 'before', deadline: beforeApply });

  // 二.1(4): no second certificate for the same major.
  if (a.duplicate === 'yes') add({ code: 'duplicate', rule: 'E-DUPLICATE', kind: 'block' });
  else if (a.duplicate === 'unknown') add({ code: 'duplicate-check', rule: 'E-DUPLICATE', kind: 'before', deadline: beforeApply });

  // 三.1: course requirements and 思想品德鉴定.
  if (a.courses === 'no') add({ code: 'courses-open', rule: 'E-COURSES', kind: 'block' });
  else if (a.courses === 'unknown') add({ code: 'courses-check', rule: 'E-COURSES', kind: 'before', deadline: beforeApply });
  // 思想品德鉴定: only 不合格 blocks; 尚未办理 is a to-do.
  if (a.moral === 'fail') add({ code: 'moral-open', rule: 'E-COURSES', kind: 'block' });
  else if (a.moral === null) add({ code: 'moral-check', rule: 'E-COURSES', kind: 'before', deadline: beforeApply });
  else if (a.moral === 'pending') add({ code: 'moral-pending', rule: 'E-COURSES', kind: 'before', deadline: beforeApply, link: '#/form' });
  // 三.2 (R-MORAL): an employed candidate's 品德鉴定 is written truthfully and stamped by the employer. For a
  // candidate without an employer the manual does not say who writes it: the city exam agency decides.
  if (a.employed === 'unknown') add({ code: 'employed-check', rule: 'R-MORAL', kind: 'before', deadline: beforeApply });
  else if (a.employed === 'yes') {
    if (a.moral === 'pass') add({ code: 'moral-employer-done', rule: 'R-MORAL', kind: 'info' });
    else if (a.moral !== 'fail') add({ code: 'moral-employer', rule: 'R-MORAL', kind: 'before', deadline: beforeApply, link: '#/form' });
  } else if (a.moral === 'pending') {
    add({ code: 'moral-unemployed', rule: 'R-MORAL', also: ['E-COURSES'], kind: 'before', deadline: beforeApply, decides: 'city-agency' });
  }

  // 二.1(3): 13000 英语（专升本） by CET-4/6 exemption, 00023 高等数学（工本） by substitution.
  if (a.english === 'cet') add({ code: 'english-cet', rule: 'E-EXEMPT', kind: 'during', deadline: { code: 'while-applying' }, link: '#/uploads' });
  else if (a.english === 'open') add({ code: 'english-open', rule: 'E-EXEMPT', kind: 'block' });
  if (a.math === 'substitute') add({ code: 'math-substitute', rule: 'E-SUBSTITUTE', kind: 'during', deadline: { code: 'while-applying' } });
  else if (a.math === 'open') add({ code: 'math-open', rule: 'E-SUBSTITUTE', kind: 'block' });

  // 一.1, 附件2: prior diploma of a 本科 application.
  if (show.prior) {
    if (a.prior === null) add({ code: 'prior-check', rule: 'E-PRE-DIPLOMA', kind: 'before', deadline: beforeApply });
    else if (a.prior === 'none') add({ code: 'diploma-none', rule: 'E-PRE-DIPLOMA', kind: 'block' });
    else {
      // A held diploma cannot be dated in the future; an expected one can.
      const date = dateField('priorDate', a.prior === 'graduating');
      if (!date) add({ code: 'diploma-date-missing', rule: 'E-PRE-DIPLOMA', kind: 'before', deadline: beforeApply });
      else if (date > diplomaDeadline) {
        const next = firstSessionFor(date, a.year, a.half);
        add({
          code: 'diploma-late', rule: 'E-PRE-DIPLOMA', kind: 'block',
          params: { date, deadline: diplomaDeadline, nextYear: next.year, nextHalf: next.half, nextDeadline: sessionDates(next.year, next.half).diplomaDeadline },
        });
      }
      const late = !!date && date > diplomaDeadline;
      if (a.prior === 'graduating') {
        if (a.half === 'H2') {
          // The apply-first exception (附件2 三(1)) is written for the first half only; for a second-half candidate
          // whose diploma will be dated by 12-30 but is not in hand yet, the manual is silent. Not "blocked": ask
          // the city exam agency before the deadline (they decide). A late date is blocked above (diploma-late).
          if (date && !late) {
            add({
              code: 'graduating-h2-ask', rule: 'E-PRE-DIPLOMA', also: ['E-PRE-VERIFY', 'E-PRE-GRADUATING'], kind: 'before',
              deadline: beforeApply, decides: 'city-agency', params: { date, deadline: diplomaDeadline },
            });
          }
        } else if (!late) {
          add({ code: 'graduating-proof', rule: 'E-PRE-GRADUATING', kind: 'before', deadline: beforeApply, params: { have: a.schoolProof === 'yes' ? 1 : 0 } });
          if (a.verify !== 'done') add({ code: 'graduating-verify', rule: 'E-PRE-GRADUATING', kind: 'after', deadline: { code: 'date', date: graduatingVerifyBy }, params: { year: a.year } });
        }
      } else if (a.verify === 'todo') add({ code: 'verify-todo', rule: 'E-PRE-VERIFY', kind: 'before', deadline: beforeApply });
      else if (a.verify === 'cannot') {
        if (a.verifyPapers === 'yes') add({ code: 'verify-papers-done', rule: 'E-PRE-VERIFY', kind: 'info' });
        else add({ code: 'verify-cannot', rule: 'E-PRE-VERIFY', kind: 'before', deadline: beforeApply });
      } else if (a.verify === null) add({ code: 'verify-check', rule: 'E-PRE-VERIFY', kind: 'before', deadline: beforeApply });
    }
  }
  // 附件2 三(2): 本专科一并 — no verification, but the order of submission matters.
  if (a.level === 'both') add({ code: 'both-order', rule: 'E-PRE-BOTH', kind: 'during', deadline: { code: 'while-applying' } });

  // 一.3: scores transferred in from another province.
  if (a.transfer === 'unknown') add({ code: 'transfer-check', rule: 'E-TRANSFER', kind: 'before', deadline: beforeApply });
  else if (a.transfer === 'yes') {
    const date = dateField('transferDate', false);
    if (!date) add({ code: 'transfer-date-missing', rule: 'E-TRANSFER', kind: 'before', deadline: beforeApply });
    else if (date >= TRANSFER_ARCHIVED_FROM) add({ code: 'transfer-new', rule: 'E-TRANSFER', kind: 'info', params: { date } });
    else if (a.transferArchived === 'yes') add({ code: 'transfer-old-done', rule: 'E-TRANSFER', kind: 'info', params: { date } });
    else add({ code: 'transfer-old', rule: 'E-TRANSFER', kind: 'before', deadline: beforeApply, params: { date } });
  }

  // 一.4: identity information.
  if (a.identityOk === 'no') add({ code: 'identity-fix', rule: 'E-IDENTITY', kind: 'before', deadline: beforeApply });
  else if (a.identityOk === 'unknown') add({ code: 'identity-check', rule: 'E-IDENTITY', kind: 'before', deadline: beforeApply });

  // 二.1(2), (4): several 准考证号.
  if (a.tickets === null) add({ code: 'ticket-check', rule: 'E-TICKET', kind: 'before', deadline: beforeApply });
  else if (a.tickets === 'not-merged') add({ code: 'ticket-merge', rule: 'E-TICKET', kind: 'before', deadline: beforeApply });
  else if (a.tickets === 'merged') add({ code: 'ticket-merged', rule: 'E-TICKET', kind: 'during', deadline: { code: 'while-applying' } });

  // 一.2, 二.1(1): photo within a year, approved before the (earlier) photo deadline.
  const photoDate = dateField('photoDate', false);
  const oldest = addYears(today, -1);
  if (photoDate && photoDate < oldest) add({ code: 'photo-old', rule: 'E-PHOTO', kind: 'before', deadline: { code: 'photo-deadline' }, params: { date: photoDate, oldest }, link: '#/photo' });
  if (a.photo === null) add({ code: 'photo-check', rule: 'E-PHOTO', kind: 'before', deadline: { code: 'photo-deadline' }, link: '#/photo' });
  else if (a.photo === 'none') add({ code: 'photo-upload', rule: 'E-PHOTO', kind: 'before', deadline: { code: 'photo-deadline' }, link: '#/photo' });
  else if (a.photo === 'rejected') add({ code: 'photo-reupload', rule: 'E-PHOTO', kind: 'before', deadline: { code: 'photo-deadline' }, link: '#/photo' });
  else if (a.photo === 'pending') add({ code: 'photo-wait', rule: 'E-PHOTO', kind: 'before', deadline: beforeApply });

  // 二.1(2): nursing bachelor — internship appraisal.
  if (show.nursingAppraisal) {
    if (a.nursingAppraisal === 'yes') add({ code: 'nursing-appraisal-upload', rule: 'E-NURSING', kind: 'during', deadline: { code: 'while-applying' }, link: '#/uploads' });
    else add({ code: 'nursing-appraisal-prepare', rule: 'E-NURSING', kind: 'before', deadline: beforeApply, link: '#/uploads' });
  }

  // 二.1(3): remark field.
  if (a.level) add({ code: 'remark', rule: 'E-REMARK', kind: 'during', deadline: { code: 'while-applying' } });
  // 三.3: degree.
  if (a.degree) add({ code: 'degree', rule: 'E-DEGREE', kind: 'info' });

  items.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || CODE_ORDER.indexOf(x.code) - CODE_ORDER.indexOf(y.code));
  const blocks = items.filter((i) => i.kind === 'block');
  const befores = items.filter((i) => i.kind === 'before');
  const status: Status = blocks.length ? 'blocked' : befores.length ? 'todo' : 'ok';
  const decisive = blocks.length ? blocks : befores;
  const reasons = [...new Set(decisive.map((i) => i.rule))];
  return { status, reasons, items, errors };
}

/** Every message code the evaluator can produce (tests check each has zh-CN and English text). */
export const TODO_CODES: readonly string[] = CODE_ORDER;
