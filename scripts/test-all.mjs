#!/usr/bin/env node
// Runs every suite — type check, vitest (unit + component, Node), Playwright e2e (built app in
// Chromium) — and ends with one line `N passed, N failed` summing all of them.
// Usage: npm test [-- --skip-e2e] [-- --only-e2e]
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];

function run(cmd, cmdArgs, env = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

if (!args.has('--only-e2e')) {
  const code = run('npm', ['run', '--silent', 'check']);
  if (code === 0) passed += 1; else failed += 1;
  summary.push(`type check: ${code === 0 ? 'passed' : 'FAILED'}`);

  const unitJson = 'test-results/unit.json';
  rmSync(unitJson, { force: true });
  const ucode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
  if (existsSync(unitJson)) {
    const j = JSON.parse(readFileSync(unitJson, 'utf8'));
    passed += j.numPassedTests; failed += j.numFailedTests; skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    // A suite that failed to load counts as a failure even when it reports no test.
    const brokenSuites = (j.testResults ?? []).filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
    failed += brokenSuites;
    summary.push(`vitest: ${j.numPassedTests} passed, ${j.numFailedTests + brokenSuites} failed`);
  } else {
    failed += 1;
    summary.push(`vitest: no result file (exit ${ucode})`);
  }
}

if (!args.has('--skip-e2e')) {
  const e2eJson = 'test-results/e2e-results.json';
  rmSync(e2eJson, { force: true });
  const ecode = run('npx', ['playwright', 'test']);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
    const errs = JSON.parse(readFileSync(e2eJson, 'utf8')).errors ?? [];
    if (errs.length && s.expected + s.unexpected === 0) failed += 1;
    summary.push(`playwright: ${s.expected + s.flaky} passed, ${s.unexpected} failed`);
  } else {
    failed += 1;
    summary.push(`playwright: no result file (exit ${ecode})`);
  }
}

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
