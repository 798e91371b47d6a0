/** Shared bits of the model tests: where the generated models are and how to (re)build them. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { REPO_ROOT } from '../../helpers/shared';
import { build as buildFace } from '../../../scripts/assets/10-face-model.mjs';
import { build as buildSeg } from '../../../scripts/assets/20-segmentation-model.mjs';

export const MODELS_DIR = join(REPO_ROOT, 'static', 'generated', 'models');
export const OUT_DIR = join(REPO_ROOT, 'static', 'generated');

/** Runs both asset steps (a no-op when current, as after `npm install`) and returns their log lines. */
export async function ensureModels(): Promise<string[]> {
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  await buildFace({ root: REPO_ROOT, outDir: OUT_DIR, log });
  await buildSeg({ root: REPO_ROOT, outDir: OUT_DIR, log });
  return lines;
}

export const readModelFile = (name: string) => new Uint8Array(readFileSync(join(MODELS_DIR, name)));

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
