// The generated face_landmarker.task: pinned bytes, zip layout, TFLite metadata, the unchanged original models at
// the tail of each .tflite, and the appended 478-landmark ops checked against an independent implementation of
// MediaPipe's legacy landmark refinement.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR, REPO_ROOT } from '../../helpers/shared';
import { ensureModels, readModelFile, sha256Hex } from './helpers';
import { readZip, crc32 } from '../../../scripts/lib/zip-stored.mjs';
import { readModel, readModelMetadata, bufferBytes } from '../../../scripts/lib/tflite-read.mjs';
import { packedAssetRanges } from '../../../scripts/lib/face-landmarker.mjs';
import { faceModelInputs, makeFaceLandmarkerTask, TASK_FILE } from '../../../scripts/assets/10-face-model.mjs';

/** sha256 of the .task built from @mediapipe/face_mesh@0.4.1633559619 by this recipe. */
const TASK_SHA256 = 'aaed13824bbe51d9c957244c43cd7986c516cf4a83f1db722f7728badbb902c3';
const TASK_BYTES = 2_754_468;

const FACE_MESH_DIR = join(REPO_ROOT, 'node_modules', '@mediapipe', 'face_mesh');
const packed = new Uint8Array(readFileSync(join(FACE_MESH_DIR, 'face_mesh_solution_packed_assets.data')));
const ranges = packedAssetRanges(readFileSync(join(FACE_MESH_DIR, 'face_mesh_solution_packed_assets_loader.js'), 'utf8'));
const sourceOf = (name: string) => {
  const r = ranges.get(name)!;
  return packed.subarray(r.start, r.end);
};
const refinement = JSON.parse(
  readFileSync(join(REPO_ROOT, 'scripts', 'lib', 'face-mesh-attention-refinement.json'), 'utf8'),
) as Record<string, number[]> & { meshCount: number };

let task: Uint8Array;
let entries: ReturnType<typeof readZip>;
const entry = (name: string) => entries.find((e) => e.name === name)!;

beforeAll(async () => {
  await ensureModels();
  task = readModelFile(TASK_FILE);
  entries = readZip(task);
});

describe('face_landmarker.task bytes', () => {
  it('is the pinned build', () => {
    expect(task.length).toBe(TASK_BYTES);
    expect(sha256Hex(task)).toBe(TASK_SHA256);
  });

  it('is rebuilt identically in memory (deterministic)', async () => {
    const inputs = await faceModelInputs(REPO_ROOT);
    const again = makeFaceLandmarkerTask(inputs!);
    expect(sha256Hex(again.task)).toBe(sha256Hex(task));
  });

  it('the packed-asset ranges come from the package loader and match the known layout', () => {
    expect(ranges.get('face_landmark_with_attention.tflite')).toEqual({ start: 0, end: 2_495_952 });
    expect(ranges.get('face_detection_short_range.tflite')).toEqual({ start: 3_757_224, end: 3_986_256 });
  });
});

describe('zip layout', () => {
  it('has exactly the two Tasks entries, STORED, CRC-correct and 64-byte aligned', () => {
    expect(entries.map((e) => e.name)).toEqual(['face_detector.tflite', 'face_landmarks_detector.tflite']);
    for (const e of entries) {
      expect(e.method, e.name).toBe(0);
      expect(e.compressedSize).toBe(e.size);
      expect(e.dataOffset % 64, e.name).toBe(0);
      expect(crc32(e.data)).toBe(e.crc);
    }
  });
});

describe.each([
  ['face_detector.tflite', 'face_detection_short_range.tflite', 127.5, 127.5, [1, 128, 128, 3]],
  ['face_landmarks_detector.tflite', 'face_landmark_with_attention.tflite', 0, 255, [1, 192, 192, 3]],
] as const)('%s', (entryName, sourceName, mean, std, inputShape) => {
  it('is a TFLite model (TFL3) whose tail is the unchanged original model', () => {
    const data = entry(entryName).data;
    const original = sourceOf(sourceName);
    expect(new TextDecoder().decode(data.subarray(4, 8))).toBe('TFL3');
    const padded = Math.ceil(original.length / 16) * 16;
    const tailStart = data.length - padded;
    expect(tailStart % 16).toBe(0);
    expect(Buffer.compare(data.subarray(tailStart, tailStart + original.length), original)).toBe(0);
    expect(data.subarray(tailStart + original.length).every((b) => b === 0)).toBe(true);
  });

  it('keeps each original tensor buffer at its original alignment and aligns the new ones to 16 bytes', () => {
    // (The detector's own converter only 4-byte aligned its buffers; the re-rooting must not change that.)
    const e = entry(entryName);
    const m = readModel(e.data);
    const orig = readModel(sourceOf(sourceName));
    orig.buffers.forEach((b, i) => {
      if (b.size) expect((e.dataOffset + m.buffers[i].start) % 16, `buffer ${i}`).toBe(b.start % 16);
    });
    for (const b of m.buffers.slice(orig.buffers.length)) expect((e.dataOffset + b.start) % 16).toBe(0);
  });

  it(`carries TFLITE_METADATA (M001) with RGB input normalised by mean ${mean} / std ${std}`, () => {
    const m = readModel(entry(entryName).data);
    expect(m.metadata.map((x) => x.name)).toEqual(['TFLITE_METADATA']);
    const md = readModelMetadata(m)!;
    expect(md.identifier).toBe('M001');
    expect(md.minParserVersion).toBe('1.0.0');
    expect(md.license).toMatch(/Apache License, Version 2\.0/);
    const input = md.subgraphs[0].inputs[0];
    expect(md.subgraphs[0].inputs).toHaveLength(1);
    expect(input.contentType).toBe(2); // ImageProperties
    expect(input.colorSpace).toBe(1); // RGB
    expect(input.processUnits).toEqual([{ type: 1, mean: [mean], std: [std] }]);
    expect(input.stats).toEqual({ min: [(0 - mean) / std], max: [(255 - mean) / std] });
    expect(md.subgraphs[0].outputs.length).toBe(m.subgraphs[0].outputs.length);
    const sg = m.subgraphs[0];
    expect(sg.tensors[sg.inputs[0]].shape).toEqual(inputShape);
  });

  it('reuses the original graph (same ops and tensors, in order)', () => {
    const now = readModel(entry(entryName).data);
    const orig = readModel(sourceOf(sourceName));
    const sig = (m: ReturnType<typeof readModel>) =>
      m.subgraphs[0].operators.map((o) => `${m.opcodes[o.opcode].builtin}:${o.inputs}>${o.outputs}`);
    expect(sig(now).slice(0, orig.subgraphs[0].operators.length)).toEqual(sig(orig));
    expect(now.subgraphs[0].tensors.slice(0, orig.subgraphs[0].tensors.length).map((t) => t.name)).toEqual(
      orig.subgraphs[0].tensors.map((t) => t.name),
    );
    expect(now.description).toBe(orig.description);
    expect(now.buffers.length).toBeGreaterThan(orig.buffers.length);
  });
});

describe('detector graph', () => {
  it('is unchanged apart from the metadata', () => {
    const m = readModel(entry('face_detector.tflite').data);
    const sg = m.subgraphs[0];
    expect(sg.outputs.map((i) => sg.tensors[i].name)).toEqual(['regressors', 'classificators']);
    expect(sg.outputs.map((i) => sg.tensors[i].shape)).toEqual([[1, 896, 16], [1, 896, 1]]);
    expect(m.buffers.length).toBe(readModel(sourceOf('face_detection_short_range.tflite')).buffers.length + 1);
  });
});

describe('landmark model: Tasks 478-landmark contract', () => {
  let m: ReturnType<typeof readModel>;
  beforeAll(() => {
    m = readModel(entry('face_landmarks_detector.tflite').data);
  });

  it('has outputs [1,1,1,1434] landmarks + [1,1,1,1] face flag', () => {
    const sg = m.subgraphs[0];
    expect(sg.outputs).toHaveLength(2);
    expect(sg.tensors[sg.outputs[0]].shape).toEqual([1, 1, 1, 1434]);
    expect(sg.tensors[sg.outputs[0]].type).toBe(0); // FLOAT32
    expect(sg.tensors[sg.outputs[1]].shape).toEqual([1, 1, 1, 1]);
    expect(sg.tensors[sg.outputs[1]].name).toBe('conv_faceflag');
    const md = readModelMetadata(m)!;
    expect(md.subgraphs[0].outputs.map((o) => o.name)).toEqual(['landmarks', 'face_flag']);
  });

  it('ends with FULLY_CONNECTED → CONCATENATION → GATHER(axis 3)', () => {
    const ops = m.subgraphs[0].operators.slice(-3);
    expect(ops.map((o) => m.opcodes[o.opcode].builtin)).toEqual([9, 2, 36]);
    expect(ops.map((o) => o.optionsType)).toEqual([8, 10, 23]); // FullyConnected/Concatenation/GatherOptions
    const r = m.reader;
    expect(r.scalar(ops[1].options, 0, 'i32', 0)).toBe(3); // concat axis
    expect(r.scalar(ops[2].options, 0, 'i32', 0)).toBe(3); // gather axis
    expect(r.scalar(ops[0].options, 2, 'u8', 0)).toBe(1); // keep_num_dims
    expect(ops[2].outputs).toEqual([m.subgraphs[0].outputs[0]]);
  });

  /** Runs the three appended ops in JS, with the weights and index map read from the model file. */
  function runAppended(outs: Float32Array[]): Float32Array {
    const sg = m.subgraphs[0];
    const [fc, concat, gather] = sg.operators.slice(-3);
    const tensorData = (i: number) => {
      const bytes = bufferBytes(m, sg.tensors[i].buffer);
      return bytes.slice().buffer;
    };
    const origOutputs = readModel(sourceOf('face_landmark_with_attention.tflite')).subgraphs[0].outputs;
    const values = new Map<number, Float32Array>(origOutputs.map((t, k) => [t, outs[k]]));
    const w = new Float32Array(tensorData(fc.inputs[1]));
    expect(sg.tensors[fc.inputs[1]].shape).toEqual([2, 1404]);
    expect(fc.inputs[2]).toBe(-1);
    const x = values.get(fc.inputs[0])!;
    const z = new Float32Array(2);
    for (let r = 0; r < 2; r++) for (let c = 0; c < 1404; c++) z[r] += w[r * 1404 + c] * x[c];
    values.set(fc.outputs[0], z);
    const parts = concat.inputs.map((i) => values.get(i)!);
    const cat = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      cat.set(p, o);
      o += p.length;
    }
    expect(cat.length).toBe(1870);
    expect(sg.tensors[concat.outputs[0]].shape).toEqual([1, 1, 1, 1870]);
    const idx = new Int32Array(tensorData(gather.inputs[1]));
    expect(sg.tensors[gather.inputs[1]].type).toBe(2); // INT32
    return Float32Array.from(idx, (i) => cat[i]);
  }

  /** MediaPipe's legacy refinement (tensors_to_face_landmarks_with_attention), written directly. */
  function legacyRefine(outs: Float32Array[]): number[][] {
    const [mesh, lips, leftEye, rightEye, leftIris, rightIris] = outs;
    const lm: number[][] = [];
    for (let i = 0; i < 468; i++) lm.push([mesh[3 * i], mesh[3 * i + 1], mesh[3 * i + 2]]);
    const overwrite = (src: Float32Array, targets: number[]) =>
      targets.forEach((t, i) => {
        lm[t][0] = src[2 * i];
        lm[t][1] = src[2 * i + 1];
      });
    overwrite(lips, refinement.lips);
    overwrite(leftEye, refinement.leftEye);
    overwrite(rightEye, refinement.rightEye);
    const iris = (src: Float32Array, zFrom: number[]) => {
      const zAvg = zFrom.reduce((s, p) => s + lm[p][2], 0) / zFrom.length;
      for (let i = 0; i < 5; i++) lm.push([src[2 * i], src[2 * i + 1], zAvg]);
    };
    iris(leftIris, refinement.leftIrisZAvg);
    iris(rightIris, refinement.rightIrisZAvg);
    return lm;
  }

  it('combines the 7 raw outputs exactly like the legacy refinement', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 192;
    const sizes = [1404, 160, 142, 142, 10, 10, 1];
    const outs = sizes.map((n) => Float32Array.from({ length: n }, rnd));
    const got = runAppended(outs);
    const want = legacyRefine(outs);
    expect(want).toHaveLength(478);
    let maxErr = 0;
    for (let i = 0; i < 478; i++) for (let c = 0; c < 3; c++) maxErr = Math.max(maxErr, Math.abs(got[3 * i + c] - want[i][c]));
    expect(maxErr).toBeLessThan(1e-3);
    // Spot checks of the layout Tasks expects: landmark 468 is the left iris centre, 473 the right one.
    expect(got[468 * 3]).toBe(outs[4][0]);
    expect(got[473 * 3 + 1]).toBe(outs[5][1]);
    expect(got[61 * 3]).toBe(outs[1][0]); // first lips point overwrites mesh point 61
    expect(got[1 * 3 + 2]).toBe(outs[0][3 + 2]); // nose tip keeps the mesh xyz
  });
});

describe('refinement index lists', () => {
  it('the committed copy equals ../shared/data/face-mesh-attention-refinement.json', () => {
    const shared = readFileSync(join(SHARED_DIR, 'data', 'face-mesh-attention-refinement.json'), 'utf8');
    const ours = readFileSync(join(REPO_ROOT, 'scripts', 'lib', 'face-mesh-attention-refinement.json'), 'utf8');
    expect(JSON.parse(ours)).toEqual(JSON.parse(shared));
  });

  it('lists 80 lips, 71+71 eye, 5+5 iris and 16+16 z-average points', () => {
    expect(refinement.meshCount).toBe(468);
    expect([refinement.lips, refinement.leftEye, refinement.rightEye, refinement.leftIris, refinement.rightIris,
      refinement.leftIrisZAvg, refinement.rightIrisZAvg].map((l) => l.length)).toEqual([80, 71, 71, 5, 5, 16, 16]);
  });
});
