import { describe, expect, it } from 'vitest';
import { safeFileStem, stripExtension } from '../../../../src/lib/text/file-stem.ts';

describe('safeFileStem: one cleaner for every download name', () => {
  it.each([
    ['IMG_0001.JPG', 'IMG_0001'],
    ['证书 扫描件.heic', '证书 扫描件'],
    ['C:\\Users\\me\\photo.jpg', 'photo'],
    ['a/b/c.png', 'c'],
    ['what?*:"<>|.jpg', 'what_'],
    ['evil\u202egpj.exe', 'evil_gpj'],
    ['iso\u2066late\u2069.jpg', 'iso_late_'],
    ['tab\there\n.jpg', 'tab_here_'],
    ['  ..dots and   spaces..  .jpg', 'dots and spaces'],
    ['archive.tar.gz', 'archive.tar'],
    ['.jpg', 'fallback'],
    ['', 'fallback'],
  ])('%j → %j', (name, want) => {
    expect(safeFileStem(name, 'fallback')).toBe(want);
  });
  it('cuts at max code points, never inside a Chinese character or an emoji', () => {
    const s = safeFileStem('照'.repeat(100) + '😀.jpg', 'x', 101);
    expect(Array.from(s)).toHaveLength(101);
    expect(s.endsWith('😀')).toBe(true);
    expect(safeFileStem('照'.repeat(100), 'x', 10)).toBe('照'.repeat(10));
  });
  it('stripExtension keeps a name whose "extension" is not one', () => {
    expect(stripExtension('v1.2 最终版')).toBe('v1.2 最终版');
    expect(stripExtension('photo.jpeg')).toBe('photo');
  });
});
