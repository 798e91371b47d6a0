// Node benches import the pure TypeScript of the app without a bundler: every pure module of the photo feature and of
// src/lib is transpiled with the project's TypeScript into a temp folder (imports between them stay relative).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Transpile; returns `out` (the folder, for rmSync) and `imp(path)` importing e.g. 'src/features/photo/compose.js'. */
export async function transpilePure(root, prefix = 'pure-') {
  const ts = (await import('typescript')).default;
  const out = mkdtempSync(join(tmpdir(), prefix));
  const walk = (dir) => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') && !e.name.endsWith('.svelte.ts') ? [`${dir}/${e.name}`] : []);
  const files = [...walk('src/lib'), ...readdirSync(join(root, 'src/features/photo')).filter((f) => f.endsWith('.ts') && !f.endsWith('.svelte.ts')).map((f) => `src/features/photo/${f}`)];
  for (const f of files) {
    const js = ts.transpileModule(readFileSync(join(root, f), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    }).outputText.replace(/(from\s+['"][^'"]+)\.ts(['"])/g, '$1.js$2');
    const dest = join(out, f.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  return { out, imp: (p) => import(pathToFileURL(join(out, p)).href) };
}
