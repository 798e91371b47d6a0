/** The findings list words the contract's zh-CN requirement texts and adds the value's unit in the UI language. */
import { describe, it, expect } from 'vitest';
import { expectedText, valueText } from '../../../../src/features/photo/findings-view.ts';
import type { Finding } from '../../../../src/features/photo/report-types.ts';
import { translator } from '../../../../src/i18n/index.ts';

const en = translator('en');
const zh = translator('zh-CN');
const f = (rule: string, value: Finding['value'], expected?: string): Finding => ({ rule, status: 'pass', message: '', value, ...(expected ? { expected } : {}) }) as Finding;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

describe('findings view: units and requirement texts', () => {
  it('a number gets the unit its requirement is written in', () => {
    expect(valueText(f('P-GEO-HEADTOP', 27, '20–40 px'), en)).toBe('27 px');
    expect(valueText(f('P-POSE-LEVEL', 3.5, '≤ 5°'), en)).toBe('3.5°');
    expect(valueText(f('P-FMT-BYTES', 31234, '20,480–40,000 B（20–40 KB）'), en)).toBe('31,234 B');
    expect(valueText(f('P-BG-UNIFORM', 4.2, 'ΔE00 ≤ 12'), en)).toBe('ΔE00 4.2');
    expect(valueText(f('P-FACE-ONE', 0, '1'), en)).toBe('0 face(s)');
    expect(valueText(f('P-FACE-ONE', 1, '1'), zh)).toBe('1 张人脸');
    expect(valueText(f('P-FMT-SIZE', '576 × 768 px', '480 × 640 px'), en)).toBe('576 × 768 px');
    expect(valueText(f('P-FMT-QUALITY', 90, '≥ 60'), en)).toBe('90');
  });
  it('the zh-CN words of the contract are re-worded from the spec, in both languages', () => {
    for (const [rule, contract] of [
      ['P-FMT-COLOR', '24 位真彩色（3 × 8 bit）'],
      ['P-FMT-BYTES', '20,480–40,000 B（20–40 KB）'],
      ['P-BG-COLOR', 'ΔE00 ≤ 10（浅蓝 100,197,255 或白 255,255,255）'],
      ['P-IMG-RECENT', '≤ 12 个月'],
    ] as const) {
      expect(expectedText(f(rule, undefined, contract), zh), rule).toBe(contract);
      expect(expectedText(f(rule, undefined, contract), en), rule).not.toMatch(CJK);
    }
    expect(expectedText(f('P-IMG-RECENT', undefined, '≤ 12 个月'), en)).toBe('≤ 12 months');
    expect(expectedText(f('P-GEO-EYES', 1, '20–40 px'), en)).toBe('20–40 px');
  });
});
