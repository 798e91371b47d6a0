/** Issue 16 item 7: pictures are refused from their header before decoding when they have too many pixels. */
import { describe, it, expect } from 'vitest';
import { imageSize, assess, findingMessage, MAX_DECODE_PIXELS } from '../../../../src/features/uploads/index.ts';
import { translate } from '../../../../src/i18n/index.ts';
import { bombPng } from './helpers.ts';

describe('imageSize / image-too-large', () => {
  const png = bombPng(20000, 20000);
  it('a 20000 × 20000 PNG is a few tens of KB and its size is read from the header', () => {
    expect(png.length).toBeLessThan(100_000);
    expect(imageSize(png.subarray(0, 64), 'png')).toEqual({ width: 20000, height: 20000 });
  });
  it('over MAX_DECODE_PIXELS → U-FORMAT fail image-too-large, rejected, with the size in the message', () => {
    expect(20000 * 20000).toBeGreaterThan(MAX_DECODE_PIXELS);
    const a = assess({ name: 'scan.png', bytes: png.length, kind: 'png', tooLarge: { width: 20000, height: 20000 } });
    expect(a.action).toBe('reject');
    const f = a.findings.find((x) => x.code === 'image-too-large');
    expect(f).toMatchObject({ rule: 'U-FORMAT', status: 'fail', official: false });
    expect(findingMessage((k, p) => translate('zh-CN', k, p), f!)).toContain('20000 × 20000 像素');
    expect(findingMessage((k, p) => translate('en', k, p), f!)).toMatch(/20000 × 20000 px.*400 megapixels.*over 100 megapixels/);
  });
});
