/**
 * The app's dictionaries, area by area. At start only the start screen's messages are here (shell and photo,
 * src/i18n/area/start.ts); every other area's page adds its own when it loads (`addMessages` in the page's module
 * script), so an area's words travel in the same lazily loaded chunk as its page and are present before it renders —
 * in both languages, so switching the language never waits. The photo worker loads src/i18n/photo.ts alone.
 */
import start from './area/start.ts';
import { lookup, type Dictionaries, type Locale, type Params, type Translate } from './core.ts';

export { format, pickLocale, LOCALES, type Locale, type Messages, type Params, type Translate } from './core.ts';

const DICTS: Dictionaries = { 'zh-CN': { ...start['zh-CN'] }, en: { ...start.en } };

/** Add an area's messages (idempotent: adding the same dictionaries again changes nothing). */
export function addMessages(d: Dictionaries): void {
  Object.assign(DICTS['zh-CN'], d['zh-CN']);
  Object.assign(DICTS.en, d.en);
}

/** Whether `key` is known in zh-CN (tests: what the start screen carries). */
export function hasMessage(key: string): boolean {
  return key in DICTS['zh-CN'];
}

export function translate(locale: Locale, key: string, params?: Params): string {
  return lookup(DICTS, locale, key, params);
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
