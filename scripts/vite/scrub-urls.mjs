// Vite plugin: after the build (and after the PWA plugin has written sw.js), remove the scheme from every external
// URL literal left in third-party code — documentation links in error messages (svelte.dev/e/…), comments in the
// MediaPipe/emscripten loaders, an unused CDN fallback in jsPDF — so the shipped files name no other origin at all.
// XML namespace identifiers (never fetched) are kept, as are licence texts (.txt). Nothing here is ever requested:
// the CSP (`connect-src 'self'`) would block it anyway; this keeps the output verifiably clean.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const NAMESPACE_URL = /^https?:\/\/(www\.w3\.org\/|ns\.adobe\.com\/|jspdf\.default\.namespaceuri)/;
const URL_RE = /https?:\/\/[A-Za-z0-9.-]+/g;

export function scrub(text) {
  let n = 0;
  const out = text.replace(URL_RE, (m, offset) => {
    if (NAMESPACE_URL.test(text.slice(offset, offset + 40))) return m;
    n++;
    return m.replace(/^https?:\/\//, '');
  });
  return { text: out, n };
}

export default function scrubUrls() {
  let outDir = 'dist';
  return {
    name: 'zk-scrub-external-urls',
    apply: 'build',
    configResolved(c) { outDir = c.build.outDir; },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        let files = 0, urls = 0;
        const walk = (dir) => {
          for (const f of readdirSync(dir)) {
            const p = join(dir, f);
            if (statSync(p).isDirectory()) { walk(p); continue; }
            if (!/\.(m?js|html|css|webmanifest|json)$/.test(f)) continue;
            const { text, n } = scrub(readFileSync(p, 'utf8'));
            if (n) { writeFileSync(p, text); files++; urls += n; }
          }
        };
        walk(outDir);
        this.info?.(`removed the scheme of ${urls} external URL literal(s) in ${files} file(s)`);
      },
    },
  };
}
