// Hostile PDFs (issue 16 item 1): the worst main-thread stall while the uploads area checks four hostile PDFs of
// ≤ 4 MiB (unclosed `N 0 obj <<`, unclosed `trailer <<`, a 4 MB digit run, a 256 MiB inflation bomb) and the time
// until all four have their "cannot be read" verdict. Stalls come from the Long Tasks API in the page; the files are
// handed over by path so the harness decodes nothing in the page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';

const enc = (s) => Buffer.from(s, 'latin1');
const HEAD = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
const TAIL = '\nstartxref\n0\n%%EOF\n';
function fill(unit, target = 4_000_000) {
  const parts = [];
  let len = HEAD.length + TAIL.length;
  for (let i = 1; len < target - 32; i++) { const u = unit(i); parts.push(u); len += u.length; }
  return parts.join('');
}
function files() {
  const zeros = new Uint8Array(256 << 20);
  const data = zlibSync(zeros, { level: 9 });
  const bomb = Buffer.concat([
    enc(`${HEAD}1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`),
    Buffer.from(data),
    enc(`\nendstream\nendobj\n2 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj${TAIL}`),
  ]);
  return {
    'unclosed.pdf': enc(HEAD + fill((i) => `${i} 0 obj <</Type /Page /Parent 1 0 R\n`) + TAIL),
    'trailers.pdf': enc(HEAD + fill(() => 'trailer <</Size 3 ') + TAIL),
    'digits.pdf': enc(HEAD + '1'.repeat(4_000_000 - HEAD.length - TAIL.length - 8) + ' obj' + TAIL),
    'bomb.pdf': bomb,
  };
}

export async function run({ page, baseURL }) {
  const dir = mkdtempSync(join(tmpdir(), 'zk-bench-hostile-'));
  const paths = Object.entries(files()).map(([name, buf]) => { const p = join(dir, name); writeFileSync(p, buf); return p; });
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseURL}#/uploads`);
  await page.getByTestId('check-input').waitFor({ state: 'attached' });
  await page.waitForTimeout(1000);
  await page.evaluate(() => { window.__longest = 0; window.__t0 = performance.now(); });
  await page.getByTestId('check-input').setInputFiles(paths);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=upload-card][data-outcome=reject]').length === 4, null, { timeout: 120_000 });
  const { stall, ms } = await page.evaluate(() => ({ stall: window.__longest, ms: performance.now() - window.__t0 }));
  return [
    { name: 'hostile PDFs (4 × ≤ 4 MiB): worst main-thread stall while checking', value: stall, unit: 'ms', target: '≤ 1000' },
    { name: 'hostile PDFs: all four verdicts ("cannot be read") shown after', value: ms, unit: 'ms', target: '' },
  ];
}
