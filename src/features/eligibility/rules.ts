/**
 * The eligibility rules of the manual as data (RULES.md "Eligibility and preparation", E-*), the questions the
 * self-check asks, and the fixed dates of a session. Messages are i18n keys ('eligibility.*'); no sentences here.
 */
import { iso, type IsoDate } from './dates.ts';

export const RULE_IDS = [
  'E-PRE-DIPLOMA',
  'E-PRE-VERIFY',
  'E-PRE-GRADUATING',
  'E-PRE-BOTH',
  'E-PHOTO',
  'E-TRANSFER',
  'E-IDENTITY',
  'E-HEFEI',
  'E-TICKET',
  'E-DUPLICATE',
  'E-NURSING',
  'E-EXEMPT',
  'E-SUBSTITUTE',
  'E-REMARK',
  'E-COURSES',
  'E-DEGREE',
  'R-MORAL',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Where each rule comes from in the official manual (shown next to the rule ID). */
export const RULE_SOURCES: Record<RuleId, string> = {
  'E-PRE-DIPLOMA': '一.1；附件2',
  'E-PRE-VERIFY': '一.1；附件2 一、二',
  'E-PRE-GRADUATING': '附件2 三(1)',
  'E-PRE-BOTH': '二.1(4)；附件2 三(2)',
  'E-PHOTO': '一.2；二.1(1)',
  'E-TRANSFER': '一.3',
  'E-IDENTITY': '一.4',
  'E-HEFEI': '二.1；附件1 注',
  'E-TICKET': '二.1(2)、(4)',
  'E-DUPLICATE': '二.1(4)',
  'E-NURSING': '二.1(2)',
  'E-EXEMPT': '二.1(3)',
  'E-SUBSTITUTE': '二.1(3)',
  'E-REMARK': '二.1(3)',
  'E-COURSES': '三.1',
  'E-DEGREE': '三.3',
  'R-MORAL': '三.2',
};

/**
 * The contact page of the city exam agencies named in the manual (二.2, 三.3): where open questions are asked.
 * Shown as text to type or copy, not as a link: the shipped files name no other origin (scripts/vite/scrub-urls.mjs).
 */
export const CONTACT_URL = 'www.ahzsks.cn/gdjyzxks/contactus.htm';

/** The 16 prefecture-level cities of Anhui (the city exam agency the candidate applies through). */
export const CITIES = [
  '合肥市', '芜湖市', '蚌埠市', '淮南市', '马鞍山市', '淮北市', '铜陵市', '安庆市',
  '黄山市', '滁州市', '阜阳市', '宿州市', '六安市', '亳州市', '池州市', '宣城市',
] as const;
export const HEFEI = '合肥市';

export type Level = 'zhuanke' | 'benke' | 'both';
export type Half = 'H1' | 'H2';
export type YesNo = 'yes' | 'no' | 'unknown';

/**
 * The answers. `null` / 'unknown' = not answered (the result then lists "check this" instead of guessing).
 * Dates are 'YYYY-MM-DD'.
 */
export interface Answers {
  level: Level | null;
  half: Half;
  year: number;
  city: string | null;
  /** 本科 only: 'have' = holds the prior (专科 or higher) diploma; 'graduating' = will graduate (应届). */
  prior: 'have' | 'graduating' | 'none' | null;
  /** 落款日期 of the prior diploma (or the expected one for 'graduating'). */
  priorDate: IsoDate | '';
  /** 学信网 authorisation of the prior diploma: done / not yet / impossible (name or ID change, record not online). */
  verify: 'done' | 'todo' | 'cannot' | null;
  /** For 'cannot': 备案表 or 认证报告 plus official proof handed to the city agency. */
  verifyPapers: YesNo;
  /** For 'graduating': the school's proof of graduation. */
  schoolProof: YesNo;
  identityOk: YesNo;
  /** Several 准考证号 whose scores are needed. */
  tickets: 'one' | 'merged' | 'not-merged' | null;
  /** Scores transferred in from another province. */
  transfer: YesNo;
  transferDate: IsoDate | '';
  /** For transfers before 2016: looked up and paper proofs handed in (归档 done). */
  transferArchived: YesNo;
  duplicate: YesNo;
  /** Applying for the 护理 (nursing) bachelor. */
  nursing: boolean;
  nursingAppraisal: YesNo;
  /** 13000 英语（专升本）: in the plan and how it is met. */
  english: 'na' | 'passed' | 'cet' | 'open' | null;
  /** 00023 高等数学（工本）. */
  math: 'na' | 'passed' | 'substitute' | 'open' | null;
  /** All course requirements of the major met (apart from 13000/00023 handled above). */
  courses: YesNo;
  /** 思想品德鉴定: 合格 / 尚未办理 / 不合格 (only 'fail' blocks). */
  moral: 'pass' | 'pending' | 'fail' | null;
  /** 是否有工作单位: an employer writes and stamps the 品德鉴定 (R-MORAL). */
  employed: YesNo;
  photo: 'approved' | 'pending' | 'rejected' | 'none' | null;
  photoDate: IsoDate | '';
  /** Also wants a degree (学位). */
  degree: boolean;
}

/**
 * Answers saved by an older version, brought to the current shape: 思想品德鉴定 was 是/否/不确定 — 是 is 合格; 否 could
 * mean 尚未办理 or 不合格, so it (like 不确定) is asked again rather than guessed.
 */
export function migrateAnswers(saved: Record<string, unknown>): Partial<Answers> {
  const out = { ...saved } as Record<string, unknown>;
  if (out.moral === 'yes') out.moral = 'pass';
  else if (out.moral !== 'pass' && out.moral !== 'pending' && out.moral !== 'fail') out.moral = null;
  if (out.employed !== 'yes' && out.employed !== 'no') out.employed = 'unknown';
  return out as Partial<Answers>;
}

/** The session a date most likely belongs to: January–June → first half, July–December → second half. */
export function defaultSession(today: IsoDate): { half: Half; year: number } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return { half: m <= 6 ? 'H1' : 'H2', year: y };
}

export function emptyAnswers(today: IsoDate): Answers {
  const s = defaultSession(today);
  return {
    level: null, half: s.half, year: s.year, city: null,
    prior: null, priorDate: '', verify: null, verifyPapers: 'unknown', schoolProof: 'unknown',
    identityOk: 'unknown', tickets: null, transfer: 'unknown', transferDate: '', transferArchived: 'unknown',
    duplicate: 'unknown', nursing: false, nursingAppraisal: 'unknown', english: null, math: null,
    courses: 'unknown', moral: null, employed: 'unknown', photo: null, photoDate: '', degree: false,
  };
}

/** Fixed dates of a session (E-PRE-DIPLOMA, E-PRE-GRADUATING, E-TRANSFER). */
export function sessionDates(year: number, half: Half) {
  return {
    /** Latest 落款日期 of the prior diploma, inclusive: 30 June or 30 December. */
    diplomaDeadline: iso(year, half === 'H1' ? 6 : 12, 30),
    /** Exception 1: verification must be complete before 1 July, i.e. by 30 June inclusive. */
    graduatingVerifyBy: iso(year, 6, 30),
  };
}

/** Transfers on or after this day are archived automatically (E-TRANSFER). */
export const TRANSFER_ARCHIVED_FROM: IsoDate = '2016-01-01';

/** The session after (year, half). */
export function nextSession(year: number, half: Half): { year: number; half: Half } {
  return half === 'H1' ? { year, half: 'H2' } : { year: year + 1, half: 'H1' };
}

/** The first session (from (year, half) on) whose diploma deadline a diploma dated `date` meets. */
export function firstSessionFor(date: IsoDate, year: number, half: Half): { year: number; half: Half } {
  let s = { year, half };
  for (let i = 0; i < 400 && sessionDates(s.year, s.half).diplomaDeadline < date; i++) s = nextSession(s.year, s.half);
  return s;
}

/** Which questions apply, given the answers so far (the wizard shows only these). */
export function applicable(a: Answers) {
  const benke = a.level === 'benke';
  return {
    prior: benke,
    priorDate: benke && (a.prior === 'have' || a.prior === 'graduating'),
    schoolProof: benke && a.prior === 'graduating' && a.half === 'H1',
    verify: benke && (a.prior === 'have' || a.prior === 'graduating'),
    verifyPapers: benke && a.verify === 'cannot',
    transferDate: a.transfer === 'yes',
    transferArchived: a.transfer === 'yes' && !!a.transferDate && a.transferDate < TRANSFER_ARCHIVED_FROM,
    nursing: a.level === 'benke' || a.level === 'both',
    nursingAppraisal: (a.level === 'benke' || a.level === 'both') && a.nursing,
    photoDate: true,
  };
}
