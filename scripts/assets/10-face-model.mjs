// Face landmark model for tasks-vision's FaceLandmarker, made offline from the npm package @mediapipe/face_mesh
// (Apache-2.0): static/generated/models/face_landmarker.task (STORED zip: face_detector.tflite +
// face_landmarks_detector.tflite, 478 landmarks). See scripts/lib/face-landmarker.mjs for what is done to the
// models and docs/readme/models.md for the why. Skipped when models/face_landmarker.stamp.json matches.
//
// The refinement index lists (scripts/lib/face-mesh-attention-refinement.json) are a committed copy of
// ../shared/data/face-mesh-attention-refinement.json, taken from MediaPipe's legacy graph
// mediapipe/modules/face_landmark/tensors_to_face_landmarks_with_attention.pbtxt (Apache-2.0). They are a build
// input, not test data: `npm install` must work in a checkout without ../shared. tests/unit/model checks that
// the copy still equals the shared file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  LIB_DIR, MODELS_SUBDIR, findPackage, codeHash, isCurrent, writeOutputs, writeModelsLicence, sha256,
} from '../lib/model-assets.mjs';
import {
  packedAssetRanges, buildFaceDetector, buildFaceLandmarks, buildFaceLandmarkerTask, DETECTOR_FILE, LANDMARK_FILE,
} from '../lib/face-landmarker.mjs';

export const TASK_FILE = 'face_landmarker.task';
export const STAMP_FILE = 'face_landmarker.stamp.json';
export const REFINEMENT_FILE = 'face-mesh-attention-refinement.json';
const PACKED = 'face_mesh_solution_packed_assets.data';
const LOADER = 'face_mesh_solution_packed_assets_loader.js';
/** Bump when the recipe changes in a way the code hash does not capture. */
const RECIPE = 1;

/** Everything the output depends on; also used by the tests to rebuild in memory. */
export async function faceModelInputs(root) {
  const pkg = await findPackage(root, '@mediapipe/face_mesh');
  if (!pkg) return null;
  const data = new Uint8Array(await readFile(join(pkg.dir, PACKED)));
  const loader = await readFile(join(pkg.dir, LOADER), 'utf8');
  const refinementText = await readFile(join(LIB_DIR, REFINEMENT_FILE), 'utf8');
  const fb = await findPackage(root, 'flatbuffers');
  return {
    source: `${pkg.pkg.name}@${pkg.pkg.version}`,
    data,
    loader,
    refinement: JSON.parse(refinementText),
    stamp: {
      recipe: RECIPE,
      package: `${pkg.pkg.name}@${pkg.pkg.version}`,
      packedSha256: sha256(data),
      loaderSha256: sha256(loader),
      refinementSha256: sha256(refinementText),
      flatbuffers: fb?.pkg.version ?? null,
      code: await codeHash([
        'face-landmarker.mjs', 'tflite-write.mjs', 'tflite-read.mjs', 'tflite-schema.mjs', 'flatbuf-reader.mjs',
        'zip-stored.mjs', 'model-assets.mjs',
      ]),
    },
  };
}

/** Builds the .task bytes from faceModelInputs(). */
export function makeFaceLandmarkerTask(inputs) {
  const ranges = packedAssetRanges(inputs.loader);
  const slice = (name) => {
    const r = ranges.get(name);
    if (!r) throw new Error(`${name} is not listed in ${LOADER}`);
    if (r.end > inputs.data.length) throw new Error(`${name} lies beyond the end of ${PACKED}`);
    return inputs.data.subarray(r.start, r.end);
  };
  const detector = buildFaceDetector(slice(DETECTOR_FILE), { source: inputs.source });
  const landmarks = buildFaceLandmarks(slice(LANDMARK_FILE), { source: inputs.source, refinement: inputs.refinement });
  return { detector, landmarks, task: buildFaceLandmarkerTask({ detector, landmarks }) };
}

export async function build({ root, outDir, log }) {
  const dir = join(outDir, MODELS_SUBDIR);
  const inputs = await faceModelInputs(root);
  if (!inputs) {
    log('WARNING: @mediapipe/face_mesh is not installed (dev dependency); face_landmarker.task not built');
    return;
  }
  if (await isCurrent(dir, STAMP_FILE, inputs.stamp)) {
    await writeModelsLicence(root, dir);
    log(`${TASK_FILE} is current, skipped`);
    return;
  }
  const { task } = makeFaceLandmarkerTask(inputs);
  const outputs = await writeOutputs(dir, STAMP_FILE, inputs.stamp, { [TASK_FILE]: task });
  await writeModelsLicence(root, dir);
  log(`${TASK_FILE}: ${outputs[TASK_FILE].bytes} bytes, sha256 ${outputs[TASK_FILE].sha256}`);
}
