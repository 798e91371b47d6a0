// The asset steps skip work when their stamp matches and rebuild when an output was tampered with; the
// licence file is written next to the models.
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { REPO_ROOT } from '../../helpers/shared';
import { sha256Hex } from './helpers';
import { build as buildFace } from '../../../scripts/assets/10-face-model.mjs';
import { build as buildSeg } from '../../../scripts/assets/20-segmentation-model.mjs';

// A private output folder, so these tests never disturb static/generated while other test files read it.
const OUT = mkdtempSync(join(tmpdir(), 'zk-models-'));
const MODELS_DIR = join(OUT, 'models');
afterAll(() => rmSync(OUT, { recursive: true, force: true }));
const readModelFile = (name: string) => new Uint8Array(readFileSync(join(MODELS_DIR, name)));
async function ensureModels(): Promise<string[]> {
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  await buildFace({ root: REPO_ROOT, outDir: OUT, log });
  await buildSeg({ root: REPO_ROOT, outDir: OUT, log });
  return lines;
}

describe('model asset steps', () => {
  it('skip when current', async () => {
    await ensureModels();
    const lines = await ensureModels();
    expect(lines.filter((l) => /is current, skipped/.test(l))).toHaveLength(2);
  });

  it('rebuild a damaged output', async () => {
    await ensureModels();
    const file = join(MODELS_DIR, 'selfie_segmenter.tflite');
    const good = readModelFile('selfie_segmenter.tflite');
    const bad = good.slice();
    bad[100] ^= 0xff;
    writeFileSync(file, bad);
    const lines = await ensureModels();
    expect(lines.some((l) => /^selfie_segmenter\.tflite: \d+ bytes/.test(l))).toBe(true);
    expect(sha256Hex(readModelFile('selfie_segmenter.tflite'))).toBe(sha256Hex(good));
  });

  it('write LICENSE.txt with the sources, the modification notice and the Apache-2.0 text', async () => {
    await ensureModels();
    const text = readFileSync(join(MODELS_DIR, 'LICENSE.txt'), 'utf8');
    expect(text).toMatch(/@mediapipe\/face_mesh@0\.4\.1633559619 \(licence: Apache-2\.0/);
    expect(text).toMatch(/@mediapipe\/selfie_segmentation@0\.1\.1675465747 \(licence: Apache-2\.0/);
    expect(text).toMatch(/MODIFIED:/);
    expect(text).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(text).toMatch(/END OF TERMS AND CONDITIONS/);
  });
});
