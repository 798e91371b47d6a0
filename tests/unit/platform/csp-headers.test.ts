/** Issue 16 item 6: the HTTP policy (public/_headers, README server snippets) is exactly the pages' meta policy. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain .mjs build script without types
import { parseHeaders, matches } from '../../../scripts/vite/headers.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');
const metaPolicy = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];

describe('Content-Security-Policy as HTTP header', () => {
  const rules: { pattern: string; headers: [string, string][] }[] = parseHeaders(read('public/_headers'));
  const all = rules.find((r) => r.pattern === '/*');
  const csp = all?.headers.find(([k]) => k === 'Content-Security-Policy')?.[1];
  it('public/_headers sends the same policy as the meta tag of index.html and embed.html, for every path', () => {
    expect(csp).toBeTruthy();
    expect(metaPolicy(read('index.html'))).toBe(csp);
    expect(metaPolicy(read('embed.html'))).toBe(csp);
    expect(matches('/*', '/assets/worker-abc.js')).toBe(true);
    expect(all?.headers).toContainEqual(['Referrer-Policy', 'no-referrer']);
  });
  it('the README nginx and Apache snippets carry the same policy', () => {
    const readme = read('README.md');
    expect(readme).toContain(`add_header Content-Security-Policy "${csp}" always;`);
    expect(readme).toContain(`Header always set Content-Security-Policy "${csp}"`);
  });
});
