/**
 * The import rule (README "架构 · Architecture") is enforced by dependency-cruiser in `npm run check`. This test runs
 * the project's own .dependency-cruiser.cjs on small trees laid out like src/: a deliberate upward import must fail
 * with the rule's name, and the same tree without it must pass — so the check cannot silently stop checking.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../helpers/shared.ts';

function cruise(files: Record<string, string>): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'import-rule-'));
  try {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'ESNext', moduleResolution: 'bundler' } }));
    const bin = join(REPO_ROOT, 'node_modules', '.bin', 'depcruise');
    const r = spawnSync(bin, ['src', '--config', join(REPO_ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
    return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const clean = {
  'src/lib/jpeg/bytes.ts': 'export const u8 = (n: number) => new Uint8Array(n);\n',
  'src/features/photo/measure.ts': "import { u8 } from '../../lib/jpeg/bytes.ts';\nexport const m = () => u8(1);\n",
  'src/features/photo/session.svelte.ts': "import { m } from './measure.ts';\nexport const s = () => m();\n",
};

describe('the import rule is enforced', () => {
  it('a tree that follows it passes', () => {
    const r = cruise(clean);
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  }, 60_000);

  it.each([
    ['lib-is-the-bottom', 'src/lib/jpeg/up.ts', "import { m } from '../../features/photo/measure.ts';\nexport const x = m;\n"],
    ['core-is-pure', 'src/features/photo/crop.ts', "import { s } from './session.svelte.ts';\nexport const x = s;\n"],
    ['core-has-no-words', 'src/features/photo/words.ts', "import zh from '../../i18n/zh-CN/photo.ts';\nexport const x = zh;\n"],
    ['features-are-separate', 'src/features/uploads/decide.ts', "import { m } from '../photo/measure.ts';\nexport const x = m;\n"],
    ['adapters-do-not-reach-up', 'src/platform/pdf.ts', "import { s } from '../features/photo/session.svelte.ts';\nexport const x = s;\n"],
  ])('a deliberate upward import fails with %s', (rule, file, text) => {
    const r = cruise({ ...clean, 'src/i18n/zh-CN/photo.ts': 'export default {};\n', [file]: text });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(rule);
  }, 60_000);
});
