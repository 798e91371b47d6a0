/**
 * i18n core: zh-CN is the source language, English second. No dictionaries here — each area's messages are loaded
 * only where used (the photo worker loads src/i18n/photo.ts alone; the UI loads src/i18n/index.ts).
 * Parameters are written `{name}` and replaced by `format`. Pure: no DOM, usable in workers.
 */
export type Locale = 'zh-CN' | 'en';
export type Messages = Record<string, string>;
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;
export type Dictionaries = Record<Locale, Messages>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Replace `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}

/** Look a key up in `locale`, falling back to zh-CN, then to the key itself (so a gap is visible, never blank). */
export function lookup(dicts: Dictionaries, locale: Locale, key: string, params?: Params): string {
  const template = dicts[locale]?.[key] ?? dicts['zh-CN'][key] ?? key;
  return format(template, params);
}

export function pickLocale(preferred: readonly string[] | undefined): Locale {
  for (const p of preferred ?? []) {
    if (p.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (p.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
