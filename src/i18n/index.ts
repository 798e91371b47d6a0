/**
 * The UI's dictionaries: every area's messages (zh-CN source, English second), keyed `area.thing`. The photo worker
 * does not load this file; it words its reports with src/i18n/photo.ts alone.
 */
import zhShell from './zh-CN/shell.ts';
import zhPhoto from './zh-CN/photo.ts';
import zhPhotoUi from './zh-CN/photo-ui.ts';
import zhUploads from './zh-CN/uploads.ts';
import zhEligibility from './zh-CN/eligibility.ts';
import zhForm from './zh-CN/form.ts';
import zhOverview from './zh-CN/overview.ts';
import enShell from './en/shell.ts';
import enPhoto from './en/photo.ts';
import enPhotoUi from './en/photo-ui.ts';
import enUploads from './en/uploads.ts';
import enEligibility from './en/eligibility.ts';
import enForm from './en/form.ts';
import enOverview from './en/overview.ts';
import { lookup, type Dictionaries, type Locale, type Params, type Translate } from './core.ts';

export { format, pickLocale, LOCALES, type Locale, type Messages, type Params, type Translate } from './core.ts';

const DICTS: Dictionaries = {
  'zh-CN': { ...zhShell, ...zhPhoto, ...zhPhotoUi, ...zhUploads, ...zhEligibility, ...zhForm, ...zhOverview },
  en: { ...enShell, ...enPhoto, ...enPhotoUi, ...enUploads, ...enEligibility, ...enForm, ...enOverview },
};

export function translate(locale: Locale, key: string, params?: Params): string {
  return lookup(DICTS, locale, key, params);
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** zh-CN translator. */
export const zh: Translate = translator('zh-CN');

/** Keys present in zh-CN but missing in `locale` (used by a test so English covers everything). */
export function missingKeys(locale: Locale): string[] {
  return Object.keys(DICTS['zh-CN']).filter((k) => !(k in DICTS[locale]));
}
