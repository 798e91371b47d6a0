#!/usr/bin/env node
// Generates the third-party runtime assets into static/generated/ from npm packages (no network):
// every module in scripts/assets/*.mjs exports `build({ root, outDir, log })`. Runs on `npm install`
// (postinstall) and before every `npm run build`. Each step skips work when its output is current.
import { readdir, mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'static', 'generated');
await mkdir(outDir, { recursive: true });
const stepsDir = join(root, 'scripts', 'assets');
const steps = (await readdir(stepsDir)).filter((f) => f.endsWith('.mjs')).sort();
for (const f of steps) {
  const t0 = Date.now();
  const mod = await import(pathToFileURL(join(stepsDir, f)).href);
  if (typeof mod.build !== 'function') continue;
  await mod.build({ root, outDir, log: (m) => console.log(`[assets:${f}] ${m}`) });
  console.log(`[assets] ${f} ok (${Date.now() - t0} ms)`);
}
