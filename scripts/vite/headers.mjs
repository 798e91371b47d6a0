// Vite plugin: `vite preview` (npm start, the e2e suite, the benchmark) sends the response headers of the built
// `_headers` file (public/_headers, Netlify/Cloudflare syntax), so the app is tested under the same HTTP
// Content-Security-Policy a host that reads that file sends — the only way the policy reaches the workers.
// Supported: path patterns `/*` and exact paths; `# comments`; indented `Name: value` lines.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Parse a `_headers` file → [{ pattern, headers: [[name, value]] }]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: line.trim(), headers: [] }); continue; }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m && rules.length) rules[rules.length - 1].headers.push([m[1], m[2].trim()]);
  }
  return rules;
}

export function matches(pattern, path) {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return path === pattern;
}

export default function previewHeaders() {
  let outDir = 'dist';
  return {
    name: 'zk-preview-headers',
    configResolved(c) { outDir = c.build.outDir; },
    configurePreviewServer(server) {
      const file = join(server.config.root, outDir, '_headers');
      const rules = existsSync(file) ? parseHeaders(readFileSync(file, 'utf8')) : [];
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        for (const r of rules) if (matches(r.pattern, path)) for (const [k, v] of r.headers) res.setHeader(k, v);
        next();
      });
    },
  };
}
