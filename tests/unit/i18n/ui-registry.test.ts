/**
 * Issue 13 (start bundle): the app starts with the start screen's words only (shell + photo) and each lazily
 * loaded page adds its area's. Every key the start screen uses literally must be in the start dictionaries,
 * or a tab label would show its key until another page loads.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { translate, addMessages, hasMessage } from '../../../src/i18n/ui.ts';
import { AREA_MESSAGES, missingKeys } from '../../../src/i18n/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const START_FILES = [
  ...['App.svelte', 'KioskGuard.svelte', 'UpdateBanner.svelte', 'EmbedApp.svelte'].map((f) => join('src/shell', f)),
  ...readdirSync(join(root, 'src/features/photo/ui')).filter((f) => f.endsWith('.svelte')).map((f) => join('src/features/photo/ui', f)),
];

describe('UI dictionaries by area', () => {
  it('the start dictionaries hold the shell and photo words only, in both languages', () => {
    const prefixes = new Set(Object.keys(AREA_MESSAGES.start['zh-CN']).map((k) => k.split('.')[0]));
    expect([...prefixes].sort()).toEqual(['photo', 'photoui', 'shell']);
    expect(Object.keys(AREA_MESSAGES.start.en).sort()).toEqual(Object.keys(AREA_MESSAGES.start['zh-CN']).sort());
    for (const area of ['uploads', 'eligibility', 'form', 'overview'] as const) {
      const keys = Object.keys(AREA_MESSAGES[area]['zh-CN']);
      expect(keys.length).toBeGreaterThan(20);
      expect(keys.every((k) => k.startsWith(`${area}.`)), area).toBe(true);
      expect(Object.keys(AREA_MESSAGES[area].en).sort()).toEqual([...keys].sort());
    }
    expect(missingKeys('en')).toEqual([]);
  });

  it('every key the start screen names literally is there before any other area loads', () => {
    const used = new Set<string>();
    for (const f of START_FILES) {
      for (const m of readFileSync(join(root, f), 'utf8').matchAll(/\bt\('([a-z]+\.[\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !hasMessage(k))).toEqual([]);
    expect(translate('en', 'shell.nav.overview')).toBe('Readiness overview');
  });

  it('an area page adds its words once loaded (zh-CN and English); adding again changes nothing', () => {
    expect(translate('en', 'form.title')).toBe('form.title');
    addMessages(AREA_MESSAGES.form);
    const en = translate('en', 'form.title');
    expect(en).toBe(AREA_MESSAGES.form.en['form.title']);
    expect(translate('zh-CN', 'form.title')).toBe(AREA_MESSAGES.form['zh-CN']['form.title']);
    addMessages(AREA_MESSAGES.form);
    expect(translate('en', 'form.title')).toBe(en);
  });
});
