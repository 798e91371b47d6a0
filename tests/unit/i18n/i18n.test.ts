import { describe, it, expect } from 'vitest';
import { missingKeys, translate, format, pickLocale } from '../../../src/i18n/index.ts';

describe('i18n', () => {
  it('English covers every zh-CN message', () => {
    expect(missingKeys('en')).toEqual([]);
  });
  it('formats parameters and falls back to zh-CN, then to the key', () => {
    expect(format('眼睛距上边 {y} px', { y: 318 })).toBe('眼睛距上边 318 px');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(translate('en', 'shell.title')).toBe('Graduation application pre-check');
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
  });
  it('defaults to zh-CN', () => {
    expect(pickLocale([])).toBe('zh-CN');
    expect(pickLocale(['en-US'])).toBe('en');
    expect(pickLocale(['fr'])).toBe('zh-CN');
  });
});
