// Self-assessment lint (R-SELF-TEXT) on the project's own corpora, measured in Node: recall per error type on the
// seeded-error sets and false alarms on the correct-text corpora. The pure-TS lint and the corpus files are
// transpiled with the project's TypeScript into a temp folder and imported (the sets are found by file name, so the
// section survives the folders moving).
// Run alone: node scripts/bench/form-lint.mjs   (prints the rows)   — or via `npm run bench` (collects them).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The folder under `dir` that holds `file` (first found, depth-first). */
function folderOf(dir, file) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) {
      const hit = folderOf(p, file);
      if (hit) return hit;
    } else if (name === file) return dir;
  }
  return null;
}

async function load(root) {
  const ts = (await import('typescript')).default;
  const out = mkdtempSync(join(tmpdir(), 'form-lint-bench-'));
  const lintDir = folderOf(join(root, 'src'), 'typos.ts');
  const corpusDir = folderOf(join(root, 'tests'), 'corpus-sentences.ts');
  if (!lintDir || !corpusDir) throw new Error('form-lint bench: lint or corpus folder not found');
  const copy = (dir) => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
      const js = ts.transpileModule(readFileSync(join(dir, f), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      }).outputText.replace(/(from\s+['"][^'"]+)\.ts(['"])/g, '$1.js$2');
      const dest = join(out, relative(root, dir), f.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, js);
    }
  };
  copy(lintDir);
  copy(corpusDir);
  const imp = (dir, f) => import(pathToFileURL(join(out, relative(root, dir), f)).href);
  return {
    out,
    lint: await imp(lintDir, 'index.js'),
    seeded: await imp(corpusDir, 'corpus-seeded.js'),
    chars: await imp(corpusDir, 'corpus-seeded-chars.js'),
    correct: await imp(corpusDir, 'corpus-correct.js'),
    sentences: await imp(corpusDir, 'corpus-sentences.js'),
    score: await imp(corpusDir, 'score.js'),
  };
}

export async function run({ root }) {
  const m = await load(root);
  try {
    const lint = m.lint.lintSelfAssessment;
    const sets = [...m.seeded.SEEDED_PARAGRAPHS, ...m.seeded.HOLDOUT_PARAGRAPHS, ...m.chars.SEEDED_CHARS].map(m.seeded.parseSeeded);
    const s = m.score.score(sets, lint);
    const rows = [];
    rows.push({ name: `curated wrong-character pairs (typos.ts)`, value: m.lint.TYPOS.length, unit: 'pairs', target: '≥ 300' });
    rows.push({ name: `seeded errors, all types (${sets.length} author-written paragraphs)`, value: (100 * s.found) / s.total, unit: `% of ${s.total}`, target: '≥ 90' });
    for (const t of s.types) {
      rows.push({ name: `recall: ${t.type}`, value: (100 * t.found) / t.total, unit: `% of ${t.total}`, target: t.type.startsWith('de') || t.type.startsWith('wrong-word') ? '≥ 80' : '≥ 90' });
    }
    rows.push({ name: 'false alarms on the seeded sets (issues on no seeded error)', value: s.falseAlarms.length, unit: 'issues', target: '≤ 0' });
    const correct = [...m.correct.CORRECT_PARAGRAPHS, ...m.sentences.CORRECT_SENTENCES];
    let alarms = 0;
    for (const t of correct) alarms += lint(t).length;
    for (const p of sets) alarms += lint(p.correct).length;
    rows.push({ name: `false alarms on correct text (${correct.length} paragraphs/sentences + ${sets.length} corrected seeded ones)`, value: alarms, unit: 'issues', target: '≤ 0' });
    const big = correct.join('\n');
    const t0 = performance.now();
    const reps = 20;
    for (let i = 0; i < reps; i++) lint(big);
    rows.push({ name: `lint time for the whole correct corpus (${[...big].length} characters, mean of ${reps})`, value: (performance.now() - t0) / reps, unit: 'ms', target: '≤ 200' });
    return rows;
  } finally {
    rmSync(m.out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run({ root: resolve(here, '..', '..') })) console.log(`${r.name}: ${typeof r.value === 'number' ? r.value.toFixed(1) : r.value} ${r.unit} (${r.target})`);
}
