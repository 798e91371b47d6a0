/**
 * i18n: zh-CN is the source language, English second.
 * Messages live in one file per area (`zh-CN/<area>.ts`, `en/<area>.ts`), keyed `area.thing`.
 * Parameters are written `{name}` and replaced by `format`. Pure: no DOM, usable from core code and workers.
 */
import zhShell from './zh-CN/shell.ts';
import zhPhoto from './zh-CN/photo.ts';
import zhPhotoUi from './zh-CN/photo-ui.ts';
import zhUploads from './zh-CN/uploads.ts';
import zhEligibility from './zh-CN/eligibility.ts';
import zhForm from './zh-CN/form.ts';
import enShell from './en/shell.ts';
import enPhoto from './en/photo.ts';
import enPhotoUi from './en/photo-ui.ts';
import enUploads from './en/uploads.ts';
import enEligibility from './en/eligibility.ts';
import enForm from './en/form.ts';

export type Locale = 'zh-CN' | 'en';
export type Messages = Record<string, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const DICTS: Record<Locale, Messages> = {
  'zh-CN': { ...zhShell, ...zhPhoto, ...zhPhotoUi, ...zhUploads, ...zhEligibility, ...zhForm },
  en: { ...enShell, ...enPhoto, ...enPhotoUi, ...enUploads, ...enEligibility, ...enForm },
};

/** Replace `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}

/** Look a key up in `locale`, falling back to zh-CN, then to the key itself (so a gap is visible, never blank). */
export function translate(locale: Locale, key: string, params?: Params): string {
  const template = DICTS[locale]?.[key] ?? DICTS['zh-CN'][key] ?? key;
  return format(template, params);
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** zh-CN translator: the language of PhotoReport messages (CONTRACT.md). */
export const zh: Translate = translator('zh-CN');

/** Keys present in zh-CN but missing in `locale` (used by a test so English covers everything). */
export function missingKeys(locale: Locale): string[] {
  return Object.keys(DICTS['zh-CN']).filter((k) => !(k in DICTS[locale]));
}

export function pickLocale(preferred: readonly string[] | undefined): Locale {
  for (const p of preferred ?? []) {
    if (p.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (p.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
