/**
 * Every UI dictionary at once (zh-CN source, English second), keyed `area.thing`: for tests and the missing-key
 * checks. The app does not load this file: it starts with src/i18n/ui.ts (shell and photo) and each area's page
 * brings its own messages (src/i18n/area/*.ts). The photo worker words its reports with src/i18n/photo.ts alone.
 */
import start from './area/start.ts';
import uploads from './area/uploads.ts';
import eligibility from './area/eligibility.ts';
import form from './area/form.ts';
import overview from './area/overview.ts';
import { lookup, type Dictionaries, type Locale, type Params, type Translate } from './core.ts';

export { format, pickLocale, LOCALES, type Locale, type Messages, type Params, type Translate } from './core.ts';

/** The areas' dictionaries as the app loads them: the start screen first, then one per lazily loaded area. */
export const AREA_MESSAGES = { start, uploads, eligibility, form, overview } as const;

const ALL = Object.values(AREA_MESSAGES);
const DICTS: Dictionaries = {
  'zh-CN': Object.assign({}, ...ALL.map((d) => d['zh-CN'])),
  en: Object.assign({}, ...ALL.map((d) => d.en)),
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
