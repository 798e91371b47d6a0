/** Issue 16 item 3: who may talk to embed.html. */
import { describe, it, expect } from 'vitest';
import { allowedOrigins, acceptsMessage, normaliseOrigin } from '../../../src/platform/embed-api.ts';

const A = 'https://zk.ahzsks.cn';
const B = 'https://www.ahzsks.cn';
const EVIL = 'https://evil.example';

describe('allowedOrigins', () => {
  it('no list, no query: only the embedding frame ancestor, never the referrer', () => {
    expect(allowedOrigins('', '', A)).toEqual([A]);
    expect(allowedOrigins('', '', null)).toEqual([]);
  });
  it('a build-time list cannot be widened by ?origin= — the query only narrows it', () => {
    expect(allowedOrigins(`?origin=${encodeURIComponent(EVIL)}`, `${A},${B}`, null)).toEqual([]);
    expect(allowedOrigins(`?origin=${encodeURIComponent(A)}&origin=${encodeURIComponent(EVIL)}`, `${A},${B}`, null)).toEqual([A]);
    expect(allowedOrigins('', `${A}, ${B}`, EVIL)).toEqual([A, B]);
  });
  it('without a build list, ?origin= values (repeatable) are the list; the ancestor is not added', () => {
    expect(allowedOrigins(`?origin=${encodeURIComponent(A)}&origin=${encodeURIComponent(B)}`, '', EVIL)).toEqual([A, B]);
  });
  it('only http(s) origins count', () => {
    for (const bad of ['null', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'blob:https://a.b/x', 'chrome-extension://abc', 'not a url']) {
      expect(normaliseOrigin(bad), bad).toBeNull();
    }
    expect(normaliseOrigin('https://zk.ahzsks.cn/path?x=1')).toBe(A);
    expect(allowedOrigins('?origin=file%3A%2F%2F%2Fx', 'data:x', 'file:///y')).toEqual([]);
  });
});

describe('acceptsMessage', () => {
  const parent = { name: 'parent' };
  const self = { name: 'self' };
  it('only from window.parent, at an allowed origin, and only when framed', () => {
    expect(acceptsMessage({ source: parent, origin: A }, parent, self, [A])).toBe(true);
    expect(acceptsMessage({ source: { name: 'opener' }, origin: A }, parent, self, [A])).toBe(false);
    expect(acceptsMessage({ source: parent, origin: EVIL }, parent, self, [A])).toBe(false);
    expect(acceptsMessage({ source: self, origin: A }, self, self, [A])).toBe(false);
  });
});
