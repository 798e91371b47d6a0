// Person segmentation model for tasks-vision's ImageSegmenter, made offline from the npm package
// @mediapipe/selfie_segmentation (Apache-2.0): static/generated/models/selfie_segmenter.tflite — the general
// 256×256 selfie model plus TFLite metadata (see scripts/lib/selfie-segmenter.mjs). The confidence mask is the
// person probability 0..1, returned by ImageSegmenter at the input image's size. Skipped when
// models/selfie_segmenter.stamp.json matches.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MODELS_SUBDIR, findPackage, codeHash, isCurrent, writeOutputs, writeModelsLicence, sha256,
} from '../lib/model-assets.mjs';
import { buildSelfieSegmenter, SEGMENTER_SOURCE_FILE } from '../lib/selfie-segmenter.mjs';

export const SEGMENTER_FILE = 'selfie_segmenter.tflite';
export const STAMP_FILE = 'selfie_segmenter.stamp.json';
const RECIPE = 1;

export async function segmenterInputs(root) {
  const pkg = await findPackage(root, '@mediapipe/selfie_segmentation');
  if (!pkg) return null;
  const original = new Uint8Array(await readFile(join(pkg.dir, SEGMENTER_SOURCE_FILE)));
  const fb = await findPackage(root, 'flatbuffers');
  return {
    source: `${pkg.pkg.name}@${pkg.pkg.version}`,
    original,
    stamp: {
      recipe: RECIPE,
      package: `${pkg.pkg.name}@${pkg.pkg.version}`,
      modelSha256: sha256(original),
      flatbuffers: fb?.pkg.version ?? null,
      code: await codeHash([
        'selfie-segmenter.mjs', 'tflite-write.mjs', 'tflite-read.mjs', 'tflite-schema.mjs', 'flatbuf-reader.mjs',
        'model-assets.mjs',
      ]),
    },
  };
}

export function makeSelfieSegmenter(inputs) {
  return buildSelfieSegmenter(inputs.original, { source: inputs.source });
}

export async function build({ root, outDir, log }) {
  const dir = join(outDir, MODELS_SUBDIR);
  const inputs = await segmenterInputs(root);
  if (!inputs) {
    log('WARNING: @mediapipe/selfie_segmentation is not installed (dev dependency); selfie_segmenter.tflite not built');
    return;
  }
  if (await isCurrent(dir, STAMP_FILE, inputs.stamp)) {
    await writeModelsLicence(root, dir);
    log(`${SEGMENTER_FILE} is current, skipped`);
    return;
  }
  const model = makeSelfieSegmenter(inputs);
  const outputs = await writeOutputs(dir, STAMP_FILE, inputs.stamp, { [SEGMENTER_FILE]: model });
  await writeModelsLicence(root, dir);
  log(`${SEGMENTER_FILE}: ${outputs[SEGMENTER_FILE].bytes} bytes, sha256 ${outputs[SEGMENTER_FILE].sha256}`);
}
