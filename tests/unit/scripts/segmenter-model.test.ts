// The generated selfie_segmenter.tflite: pinned bytes, TFLite + segmenter metadata, unchanged original tail.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/shared';
import { ensureModels, readModelFile, sha256Hex } from './helpers';
import { readModel, readModelMetadata } from '../../../scripts/lib/tflite-read.mjs';
import { FbReader } from '../../../scripts/lib/flatbuf-reader.mjs';
import { segmenterInputs, makeSelfieSegmenter, SEGMENTER_FILE } from '../../../scripts/assets/20-segmentation-model.mjs';

const SEGMENTER_SHA256 = '881b172449626ead73fa3ce911acfa97e5117f3fffedfc0056d2bcbcff42c0a5';
const SEGMENTER_BYTES = 250_608;
const original = new Uint8Array(
  readFileSync(join(REPO_ROOT, 'node_modules', '@mediapipe', 'selfie_segmentation', 'selfie_segmentation.tflite')),
);

let model: Uint8Array;
beforeAll(async () => {
  await ensureModels();
  model = readModelFile(SEGMENTER_FILE);
});

describe('selfie_segmenter.tflite', () => {
  it('is the pinned build and rebuilds identically', async () => {
    expect(model.length).toBe(SEGMENTER_BYTES);
    expect(sha256Hex(model)).toBe(SEGMENTER_SHA256);
    const again = makeSelfieSegmenter((await segmenterInputs(REPO_ROOT))!);
    expect(sha256Hex(again)).toBe(SEGMENTER_SHA256);
  });

  it('is TFL3 with the original model unchanged as its tail', () => {
    expect(new TextDecoder().decode(model.subarray(4, 8))).toBe('TFL3');
    const padded = Math.ceil(original.length / 16) * 16;
    const tail = model.subarray(model.length - padded);
    expect(Buffer.compare(tail.subarray(0, original.length), original)).toBe(0);
    expect((model.length - padded) % 16).toBe(0);
  });

  it('keeps the graph: one 256×256×3 input, one 256×256×1 output from a LOGISTIC op', () => {
    const m = readModel(model);
    const sg = m.subgraphs[0];
    expect(m.subgraphs).toHaveLength(1);
    expect(sg.inputs.map((i) => sg.tensors[i].shape)).toEqual([[1, 256, 256, 3]]);
    expect(sg.outputs.map((i) => sg.tensors[i].shape)).toEqual([[1, 256, 256, 1]]);
    const last = sg.operators.find((o) => o.outputs.includes(sg.outputs[0]))!;
    expect(m.opcodes[last.opcode].builtin).toBe(14); // LOGISTIC: output already a probability
    expect(sg.operators.length).toBe(readModel(original).subgraphs[0].operators.length);
  });

  it('has metadata: RGB input in [0, 1] (mean 0 / std 255), one named output, activation NONE', () => {
    const m = readModel(model);
    expect(m.metadata.map((x) => x.name)).toEqual(['TFLITE_METADATA']);
    const md = readModelMetadata(m)!;
    expect(md.identifier).toBe('M001');
    expect(md.minParserVersion).toBe('1.5.0');
    const sgm = md.subgraphs[0];
    expect(sgm.inputs).toHaveLength(1);
    expect(sgm.inputs[0].colorSpace).toBe(1);
    expect(sgm.inputs[0].processUnits).toEqual([{ type: 1, mean: [0], std: [255] }]);
    expect(sgm.inputs[0].stats).toEqual({ min: [0], max: [1] });
    // ImageSegmenter reads the last output's TensorMetadata (labels): it must exist.
    expect(sgm.outputs.map((o) => o.name)).toEqual(['segmentation']);
    expect(sgm.custom.map((c) => c.name)).toEqual(['SEGMENTER_METADATA']);
    const opts = new FbReader(sgm.custom[0].data!);
    expect(opts.identifier()).toBe('V001');
    expect(opts.scalar(opts.root(), 0, 'i8', -1)).toBe(0); // Activation NONE
  });
});
