// Builds a MediaPipe Tasks `face_landmarker.task` from the model files of the legacy npm package
// @mediapipe/face_mesh (Apache-2.0). Pure functions: bytes in, bytes out (the asset step does the file I/O).
//
// 1. face_detection_short_range.tflite (BlazeFace, 128×128, input [-1, 1]) + TFLite metadata
//    → face_detector.tflite
// 2. face_landmark_with_attention.tflite (192×192, input [0, 1]; 7 outputs: mesh 468×3, lips 80×2, left eye
//    71×2, right eye 71×2, left iris 5×2, right iris 5×2, face flag) + three appended builtin ops so that it
//    has the outputs Tasks' FaceLandmarker expects — [1,1,1,1434] (478 × xyz) and the face flag — plus
//    TFLite metadata → face_landmarks_detector.tflite
//    FULLY_CONNECTED: mesh → z of both irises (mean z of the 16 eye-contour points of each eye, as the legacy
//                     graph's "assign_average" z refinement did);
//    CONCATENATION:   mesh | lips | left eye | right eye | left iris | right iris | iris z → [1,1,1,1870];
//    GATHER (axis 3): a constant 1434-entry index map → [1,1,1,1434], reproducing the legacy refinement
//                     (mesh xyz, then lips / eyes overwrite x,y of their mesh points, then the 10 iris points).
// 3. Both in a STORED zip, entries 64-byte aligned → face_landmarker.task
import { rerootModel, encodeModelMetadata, Options } from './tflite-write.mjs';
import { readModel } from './tflite-read.mjs';
import { writeStoredZip } from './zip-stored.mjs';
import { TensorType, BuiltinOperator, ColorSpaceType } from './tflite-schema.mjs';

export const DETECTOR_FILE = 'face_detection_short_range.tflite';
export const LANDMARK_FILE = 'face_landmark_with_attention.tflite';
export const MESH_POINTS = 468;
export const LANDMARKS = 478;

/**
 * Byte ranges of the files packed in face_mesh_solution_packed_assets.data, read from the package's
 * face_mesh_solution_packed_assets_loader.js (entries like {"filename": "…/x.tflite", "start": 0, "end": 9}).
 * @returns {Map<string, {start: number, end: number}>} keyed by base file name
 */
export function packedAssetRanges(loaderJs) {
  const out = new Map();
  const re = /"filename"\s*:\s*"([^"]+)"\s*,\s*"start"\s*:\s*(\d+)\s*,\s*"end"\s*:\s*(\d+)/g;
  for (const m of loaderJs.matchAll(re)) {
    out.set(m[1].split('/').pop(), { start: Number(m[2]), end: Number(m[3]) });
  }
  return out;
}

const LICENSE_LINE = 'Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0)';
const AUTHOR = 'Google LLC (MediaPipe); metadata and output ops added by the zk-precheck asset build';

function imageInput(mean, std) {
  return {
    name: 'image',
    description: `RGB image, values normalised as (v - ${mean}) / ${std}`,
    image: { colorSpace: ColorSpaceType.RGB },
    normalization: { mean: [mean], std: [std] },
    stats: { min: [(0 - mean) / std], max: [(255 - mean) / std] },
  };
}

/** face_detection_short_range.tflite → face_detector.tflite (metadata only; graph unchanged). */
export function buildFaceDetector(original, { source }) {
  const metadata = encodeModelMetadata({
    name: 'face_detector',
    description:
      `BlazeFace short-range face detector (128x128) from ${source}. ` +
      'Modified: TFLite metadata (input normalisation) added in front of the unchanged original model.',
    version: '1',
    author: AUTHOR,
    license: LICENSE_LINE,
    minParserVersion: '1.0.0',
    inputs: [imageInput(127.5, 127.5)],
    outputs: [
      { name: 'regressors', description: '896 anchors × (box + 6 keypoints)' },
      { name: 'classificators', description: '896 anchors × face score (logit)' },
    ],
  });
  return rerootModel(original, { metadata });
}

/**
 * The 1434-entry GATHER index map into the concatenated [mesh 1404 | lips 160 | left eye 142 | right eye 142 |
 * left iris 10 | right iris 10 | iris z 2] vector.
 */
export function refinementIndexMap(ref) {
  if (ref.meshCount !== MESH_POINTS) throw new Error('unexpected mesh size in the refinement lists');
  const map = new Int32Array(LANDMARKS * 3);
  for (let i = 0; i < MESH_POINTS * 3; i++) map[i] = i;
  let base = MESH_POINTS * 3;
  for (const key of ['lips', 'leftEye', 'rightEye']) {
    ref[key].forEach((target, i) => {
      map[target * 3] = base + 2 * i;
      map[target * 3 + 1] = base + 2 * i + 1;
    });
    base += ref[key].length * 2;
  }
  const irisZ = base + ref.leftIris.length * 2 + ref.rightIris.length * 2;
  ['leftIris', 'rightIris'].forEach((key, side) => {
    ref[key].forEach((target, i) => {
      map[target * 3] = base + 2 * i;
      map[target * 3 + 1] = base + 2 * i + 1;
      map[target * 3 + 2] = irisZ + side;
    });
    base += ref[key].length * 2;
  });
  if (irisZ + 2 !== 1870) throw new Error(`unexpected concatenated size ${irisZ + 2}`);
  for (let i = MESH_POINTS * 3; i < LANDMARKS * 3; i++) {
    if (!map[i]) throw new Error(`landmark value ${i} has no source`);
  }
  return map;
}

/** [2, 1404] weights: row s averages z of the 16 contour points of eye s. */
export function irisZWeights(ref) {
  const w = new Float32Array(2 * MESH_POINTS * 3);
  ['leftIrisZAvg', 'rightIrisZAvg'].forEach((key, row) => {
    const pts = ref[key];
    for (const p of pts) w[row * MESH_POINTS * 3 + p * 3 + 2] = 1 / pts.length;
  });
  return w;
}

const bytesOf = (typed) => new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);

/** face_landmark_with_attention.tflite → face_landmarks_detector.tflite (478 landmarks + face flag). */
export function buildFaceLandmarks(original, { source, refinement }) {
  const model = readModel(original);
  const sg = model.subgraphs[0];
  const names = sg.outputs.map((i) => sg.tensors[i].name);
  const expected = ['output_mesh_identity', 'output_lips', 'output_left_eye', 'output_right_eye',
    'output_left_iris', 'output_right_iris', 'conv_faceflag'];
  if (names.join() !== expected.join()) throw new Error(`unexpected landmark model outputs: ${names.join()}`);
  const [mesh, lips, leftEye, rightEye, leftIris, rightIris, faceFlag] = sg.outputs;

  const metadata = encodeModelMetadata({
    name: 'face_landmarks_detector',
    description:
      `Face Mesh V1 attention landmark model (192x192) from ${source}. Modified: TFLite metadata added and ` +
      'FULLY_CONNECTED + CONCATENATION + GATHER appended so that output 0 is the refined 478-landmark mesh ' +
      '[1,1,1,1434] (legacy tensors_to_face_landmarks_with_attention refinement); the original model is ' +
      'unchanged at the end of the file.',
    version: '1',
    author: AUTHOR,
    license: LICENSE_LINE,
    minParserVersion: '1.0.0',
    inputs: [imageInput(0, 255)],
    outputs: [
      { name: 'landmarks', description: '478 landmarks × (x, y, z) in input-image pixels' },
      { name: 'face_flag', description: 'face presence score (logit)' },
    ],
  });

  const F32 = TensorType.FLOAT32;
  const append = {
    buffers: [bytesOf(irisZWeights(refinement)), bytesOf(refinementIndexMap(refinement))],
    opcodes: [
      { builtin: BuiltinOperator.FULLY_CONNECTED, version: 5 }, // v5: keep_num_dims
      { builtin: BuiltinOperator.CONCATENATION, version: 1 },
      { builtin: BuiltinOperator.GATHER, version: 1 },
    ],
    tensors: [
      { name: 'iris_z_weights', shape: [2, MESH_POINTS * 3], type: F32, buffer: { newBuffer: 0 } }, // 0
      { name: 'iris_z', shape: [1, 1, 1, 2], type: F32 }, // 1
      { name: 'landmarks_concat', shape: [1, 1, 1, 1870], type: F32 }, // 2
      { name: 'landmarks_gather_index', shape: [LANDMARKS * 3], type: TensorType.INT32, buffer: { newBuffer: 1 } }, // 3
      { name: 'landmarks_478', shape: [1, 1, 1, LANDMARKS * 3], type: F32 }, // 4
    ],
    operators: [
      {
        opcode: { newOpcode: 0 },
        inputs: [mesh, { newTensor: 0 }, -1],
        outputs: [{ newTensor: 1 }],
        options: Options.fullyConnected({ keepNumDims: true }),
      },
      {
        opcode: { newOpcode: 1 },
        inputs: [mesh, lips, leftEye, rightEye, leftIris, rightIris, { newTensor: 1 }],
        outputs: [{ newTensor: 2 }],
        options: Options.concatenation({ axis: 3 }),
      },
      {
        opcode: { newOpcode: 2 },
        inputs: [{ newTensor: 2 }, { newTensor: 3 }],
        outputs: [{ newTensor: 4 }],
        options: Options.gather({ axis: 3 }),
      },
    ],
    outputs: [{ newTensor: 4 }, faceFlag],
  };
  return rerootModel(original, { metadata, append });
}

/** Bundles the two models the way Tasks' FaceLandmarker reads them. */
export function buildFaceLandmarkerTask({ detector, landmarks }) {
  return writeStoredZip(
    [
      { name: 'face_detector.tflite', data: detector },
      { name: 'face_landmarks_detector.tflite', data: landmarks },
    ],
    { align: 64 },
  );
}
