#!/usr/bin/env node
// `npm run bench`: builds the app, serves it with `vite preview`, opens it in Chromium and runs every
// scripts/bench/*.mjs module (`run({ page, baseURL, shared, root, browser })` → rows). Writes BENCHMARKS.md with the
// machine, the date and each figure beside its target, and exits non-zero when a budget is broken.
import { spawn, spawnSync, execSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.ZK_SHARED_DIR ? resolve(process.env.ZK_SHARED_DIR) : resolve(root, '..', 'shared');
const port = Number(process.env.BENCH_PORT || 4190);
// One output folder per port: two benches on one machine (other worktrees) never serve each other's build.
const outDir = process.env.BENCH_OUTDIR || `/tmp/zk-bench-dist-${port}`;
const only = process.argv.slice(2);

console.log('building …');
const b = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
// node runs vite itself (no npx wrapper), in its own process group so the kill below ends the whole server
const server = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], { cwd: root, stdio: 'ignore', detached: true });
const baseURL = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(baseURL)).ok) break; } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 200));
}

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
const modules = readdirSync(join(root, 'scripts', 'bench')).filter((f) => f.endsWith('.mjs') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
try {
  for (const f of modules) {
    const mod = await import(pathToFileURL(join(root, 'scripts', 'bench', f)).href);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseURL);
    console.log(`bench ${f} …`);
    try {
      for (const r of await mod.run({ page, context, baseURL, shared, root, outDir, browser })) rows.push({ group: f.replace(/\.mjs$/, ''), ...r });
    } catch (err) {
      rows.push({ group: f.replace(/\.mjs$/, ''), name: 'ERROR', value: String(err?.message ?? err).slice(0, 200), unit: '', target: '' });
    }
    await context.close();
  }
} finally {
  await browser.close();
  try { process.kill(-server.pid); } catch { server.kill(); }
}

// target: '≤ 120' / '≥ 4' (number in the row's unit) or '' (no budget).
function verdict(r) {
  const m = /^([≤≥<>])\s*([\d.]+)/.exec(String(r.target ?? ''));
  if (!m || typeof r.value !== 'number') return '';
  const t = Number(m[2]);
  return (m[1] === '≤' || m[1] === '<') ? (r.value <= t ? 'ok' : 'OVER') : (r.value >= t ? 'ok' : 'UNDER');
}
const chromiumVersion = (() => { try { return execSync(`${executablePath ?? 'chromium'} --version`).toString().trim(); } catch { return 'unknown'; } })();
// below 1, three decimals: a mean of 0.195 against a target of 0.2 must not read as 0.20
const fmt = (v) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(v % 1 === 0 ? 0 : Math.abs(v) < 1 ? 3 : 2)) : String(v));
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (scripts/bench.mjs); do not edit by hand. Numbers from the built app in headless Chromium.',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
  `- node ${process.version}; ${chromiumVersion}`,
  '',
  '| group | measure | value | unit | target | status |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.group} | ${r.name} | ${fmt(r.value)} | ${r.unit ?? ''} | ${r.target ?? ''} | ${verdict(r)} |`),
  '',
  ...memoryLines(),
];

/**
 * Baselines: rows of a group named `<x>-before` were measured on earlier code (e.g. `matte-before`, the matte before
 * issue 14, with MATTE_GROUP=matte-before); a full run cannot measure them again, so they are kept from the old file,
 * after the table's rows, with a line saying so.
 */
function withBaselines(fresh) {
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file)) return fresh;
  const kept = readFileSync(file, 'utf8').split('\n').filter((l) => /^\| [^|]*-before \|/.test(l));
  if (!kept.length) return fresh;
  const out = [...fresh];
  let last = out.findIndex((l) => l.startsWith('| group | measure |'));
  while (last + 1 < out.length && out[last + 1].startsWith('|')) last++;
  out.splice(last + 1, 0, ...kept);
  const groups = [...new Set(kept.map((l) => /^\| ([^|]+) \|/.exec(l)[1].trim()))];
  out.splice(out.findIndex((l) => l.startsWith('- node ')) + 1, 0, `- kept from earlier runs (baselines of earlier code): ${groups.join(', ')}`);
  return out;
}

/** The heap figures of the last e2e memory test (tests/e2e/memory.spec.ts → tests/artifacts/memory.json), if any. */
function memoryLines() {
  const file = join(root, 'tests', 'artifacts', 'memory.json');
  if (!existsSync(file)) return ['Heap over long runs: run `npx playwright test tests/e2e/memory.spec.ts`, then `npm run bench`, to list it here.', ''];
  try {
    const m = JSON.parse(readFileSync(file, 'utf8'));
    const b = m.batch200, k = m.kiosk50;
    const out = ['## Heap over long runs (from the e2e memory test; JS heap after GC, over CDP)', '', '| run | measure | value | bound in the test |', '|---|---|---|---|'];
    if (b) {
      out.push(`| 200-photo batch (${b.measuredAt}) | page heap warm → at 100 → at 200 photos | ${b.warm.page.usedMB} → ${b.at100.page.usedMB} → ${b.at200.page.usedMB} MB | growth ≤ 5 MB |`);
      out.push(`| | second 100 photos vs first 90 | +${b.growth.second100MB} vs +${b.growth.first90MB} MB | ≤ 2 × first, ≤ 2.5 MB |`);
      out.push(`| | photo worker heap warm → end | +${b.growth.workerWarmToEndMB} MB | ≤ 0.75 MB |`);
      out.push(`| | live blob URLs after 清空列表 | ${b.cleared2?.blobs?.live ?? b.cleared?.blobs?.live} | 0 |`);
    }
    if (k) {
      out.push(`| 50 kiosk wipe cycles (${k.measuredAt}) | page heap cycle 5 → 50 | ${k.cycle5.page.usedMB} → ${k.cycle50.page.usedMB} MB (+${k.growth.pageMB}) | growth ≤ 1.5 MB |`);
      out.push(`| | photo worker heap (a new worker per person) | ${k.workerUsedMB.cycle5} / ${k.workerUsedMB.cycle50} MB | growth ≤ 0.75 MB |`);
    }
    out.push('');
    return out;
  } catch (err) {
    return [`Heap over long runs: tests/artifacts/memory.json unreadable (${err?.message ?? err}).`, ''];
  }
}
if (only.length === 0) writeFileSync(join(root, 'BENCHMARKS.md'), withBaselines(lines).join('\n'));
else updateSections();

/**
 * `npm run bench <name>`: only the sections that ran are replaced in BENCHMARKS.md (their rows swapped in place,
 * a new section appended to the table); the other rows and their date stay, and a line says what was re-measured.
 */
function updateSections() {
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file)) return;
  const ran = new Set(rows.map((r) => r.group));
  const fresh = (g) => rows.filter((r) => r.group === g).map((r) => `| ${r.group} | ${r.name} | ${fmt(r.value)} | ${r.unit ?? ''} | ${r.target ?? ''} | ${verdict(r)} |`);
  const old = readFileSync(file, 'utf8').split('\n');
  // Only the main table (from its header to the first line that is not a row) holds section rows.
  const head = old.findIndex((l) => l.startsWith('| group | measure |'));
  let end = head;
  while (end + 1 < old.length && old[end + 1].startsWith('|')) end++;
  const out = [];
  const done = new Set();
  let lastRow = -1;
  old.forEach((line, k) => {
    const inTable = head >= 0 && k > head + 1 && k <= end;
    const g = inTable ? /^\| ([^|]+) \|/.exec(line)?.[1].trim() : undefined;
    if (g && ran.has(g)) {
      if (!done.has(g)) out.push(...fresh(g));
      done.add(g);
      lastRow = out.length - 1;
      return;
    }
    if (/^- re-measured: /.test(line) && [...ran].some((x) => line.includes(` ${x} `))) return;
    out.push(line);
    if (inTable) lastRow = out.length - 1;
  });
  const missing = [...ran].filter((g) => !done.has(g)).flatMap(fresh);
  if (missing.length) out.splice(lastRow + 1, 0, ...missing);
  const at = out.findIndex((l) => l.startsWith('- node '));
  const note = `- re-measured: ${[...ran].join(', ')} on ${new Date().toISOString()} (\`npm run bench ${only.join(' ')}\`)`;
  out.splice(at >= 0 ? at + 1 : 0, 0, note);
  writeFileSync(file, out.join('\n'));
}
console.log(lines.join('\n'));
const broken = rows.filter((r) => verdict(r) === 'OVER' || verdict(r) === 'UNDER' || r.name === 'ERROR');
if (broken.length) {
  console.error(`budget broken: ${broken.map((r) => `${r.group}/${r.name}`).join(', ')}`);
  process.exit(1);
}
