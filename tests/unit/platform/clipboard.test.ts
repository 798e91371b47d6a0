/** Issue 16 item 2: what the app put on the clipboard is taken back at the kiosk wipe. */
import { describe, it, expect } from 'vitest';
import { copyText, clearCopiedText, hasCopiedText } from '../../../src/platform/clipboard.ts';

function fakeClipboard() {
  const c = { text: 'left by someone else', writes: 0, async writeText(t: string) { c.text = t; c.writes++; } };
  return c;
}

describe('clipboard', () => {
  it('clears only after the app copied something; the copied résumé is gone after the wipe', async () => {
    const c = fakeClipboard();
    expect(await clearCopiedText(c)).toBe(false);
    expect(c.text).toBe('left by someone else');
    await copyText('2019.09—2022.06  安徽某某职业技术学院  学生', c);
    expect(hasCopiedText()).toBe(true);
    expect(await clearCopiedText(c)).toBe(true);
    expect(c.text).toBe('');
    expect(hasCopiedText()).toBe(false);
    expect(await clearCopiedText(c)).toBe(false);
    expect(c.writes).toBe(2);
  });
  it('a failing clipboard never throws at the wipe', async () => {
    await copyText('x', fakeClipboard());
    expect(await clearCopiedText({ writeText: () => Promise.reject(new Error('denied')) })).toBe(false);
  });
});
