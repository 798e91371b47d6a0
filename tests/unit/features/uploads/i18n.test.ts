import { describe, it, expect } from 'vitest';
import zh from '../../../../src/i18n/zh-CN/uploads.ts';
import en from '../../../../src/i18n/en/uploads.ts';

describe('uploads messages', () => {
  it('English covers every zh-CN key and nothing more', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('keys are prefixed uploads. and placeholders agree between languages', () => {
    for (const k of Object.keys(zh)) {
      expect(k.startsWith('uploads.')).toBe(true);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(en[k]), k).toEqual(ph(zh[k]));
    }
  });
});
