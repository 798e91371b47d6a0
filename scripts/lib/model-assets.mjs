// Shared helpers of the model asset steps (scripts/assets/10-face-model.mjs, 20-segmentation-model.mjs):
// package lookup, input/output stamps (so postinstall and build skip work when nothing changed) and the
// licence file written next to the generated models.
import { readFile, writeFile, mkdir, stat, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createHash, randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIB_DIR = dirname(fileURLToPath(import.meta.url));
export const MODELS_SUBDIR = 'models';
export const LICENCE_FILE = 'LICENSE.txt';

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** { dir, pkg } of an installed package, or null when it is not installed. */
export async function findPackage(root, name) {
  const require = createRequire(join(root, 'package.json'));
  try {
    const file = require.resolve(`${name}/package.json`);
    return { dir: dirname(file), pkg: JSON.parse(await readFile(file, 'utf8')) };
  } catch {
    return null;
  }
}

/** Hash of the build code itself (so a change to the writer rebuilds the models). */
export async function codeHash(files) {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(await readFile(join(LIB_DIR, f)));
  return h.digest('hex');
}

/**
 * True when `stampFile` records exactly `input` and every listed output still has the recorded sha256.
 * @param {string} dir
 * @param {string} stampFile
 * @param {object} input
 */
export async function isCurrent(dir, stampFile, input) {
  try {
    const old = JSON.parse(await readFile(join(dir, stampFile), 'utf8'));
    if (JSON.stringify(old.input) !== JSON.stringify(input)) return false;
    for (const [file, info] of Object.entries(old.outputs)) {
      const st = await stat(join(dir, file));
      if (st.size !== info.bytes) return false;
      if (sha256(await readFile(join(dir, file))) !== info.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Write to a temporary name, then rename: a concurrent reader never sees a half-written file. */
async function writeAtomic(file, data) {
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

export async function writeOutputs(dir, stampFile, input, files) {
  await mkdir(dir, { recursive: true });
  const outputs = {};
  for (const [name, bytes] of Object.entries(files)) {
    await writeAtomic(join(dir, name), bytes);
    outputs[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  }
  await writeAtomic(join(dir, stampFile), JSON.stringify({ input, outputs }, null, 2) + '\n');
  return outputs;
}

/** The Apache License 2.0 text, taken from an installed Apache-2.0 package (flatbuffers, used by this build). */
export async function apacheLicenceText(root) {
  const candidates = [];
  const fb = await findPackage(root, 'flatbuffers');
  if (fb) candidates.push(join(fb.dir, 'LICENSE'));
  candidates.push('/usr/share/common-licenses/Apache-2.0');
  for (const file of candidates) {
    try {
      const text = await readFile(file, 'utf8');
      if (/Apache License\s+Version 2\.0, January 2004/.test(text) && /END OF TERMS AND CONDITIONS/.test(text)) {
        return text.replace(/^\s*\n/, '');
      }
    } catch {
      /* try the next one */
    }
  }
  throw new Error('could not find the Apache License 2.0 text (node_modules/flatbuffers/LICENSE)');
}

/**
 * Writes static/generated/models/LICENSE.txt: what each generated model is made from, that it was modified, and the
 * full Apache-2.0 text (the MediaPipe npm packages declare "license": "Apache-2.0" but ship no licence file).
 * Both model steps call this with the same content, so their order does not matter.
 */
export async function writeModelsLicence(root, dir) {
  const face = await findPackage(root, '@mediapipe/face_mesh');
  const seg = await findPackage(root, '@mediapipe/selfie_segmentation');
  const line = (p) => (p ? `${p.pkg.name}@${p.pkg.version} (licence: ${p.pkg.license}, ${p.pkg.homepage ?? 'https://github.com/google-ai-edge/mediapipe'})` : '(package not installed)');
  const text =
    'Models in this folder\n' +
    '=====================\n\n' +
    'The files here are generated at install/build time by scripts/assets/10-face-model.mjs and\n' +
    'scripts/assets/20-segmentation-model.mjs from model files published on npm by Google LLC (MediaPipe),\n' +
    'licensed under the Apache License, Version 2.0 (full text below).\n\n' +
    'face_landmarker.task\n' +
    `  from ${line(face)}:\n` +
    '  - face_detector.tflite = face_detection_short_range.tflite (BlazeFace short range)\n' +
    '  - face_landmarks_detector.tflite = face_landmark_with_attention.tflite (Face Mesh V1 with attention)\n' +
    '  MODIFIED: TFLite metadata (input normalisation, tensor names) was added; to the landmark model three\n' +
    '  builtin operators (FULLY_CONNECTED, CONCATENATION, GATHER) were appended that combine its outputs into\n' +
    '  the 478-landmark mesh, with index lists from MediaPipe\'s tensors_to_face_landmarks_with_attention.pbtxt.\n' +
    '  The original model bytes are unchanged at the end of each .tflite file.\n\n' +
    'selfie_segmenter.tflite\n' +
    `  from ${line(seg)}:\n` +
    '  - selfie_segmentation.tflite (general model, 256x256)\n' +
    '  MODIFIED: TFLite metadata (input normalisation, output description, segmenter activation) was added.\n' +
    '  The original model bytes are unchanged at the end of the file.\n\n' +
    'Copyright Google LLC (MediaPipe authors). Modifications by the zk-precheck project.\n\n' +
    '--------------------------------------------------------------------------------\n\n' +
    (await apacheLicenceText(root));
  await mkdir(dir, { recursive: true });
  const file = join(dir, LICENCE_FILE);
  const old = await readFile(file, 'utf8').catch(() => null);
  if (old !== text) await writeAtomic(file, text);
}
