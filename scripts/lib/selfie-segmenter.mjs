// Builds a MediaPipe Tasks ImageSegmenter model from the legacy npm package @mediapipe/selfie_segmentation
// (Apache-2.0): selfie_segmentation.tflite (general model, 256×256 RGB input, output [1,256,256,1] already
// passed through a LOGISTIC op = person probability 0..1) + TFLite metadata:
//   input normalisation mean 0 / std 255 (values in [0, 1], as the legacy SelfieSegmentation graph's
//   ImageToTensorCalculator produced them), output tensor metadata (ImageSegmenter requires one entry), and
//   the MediaPipe custom metadata SEGMENTER_METADATA with activation NONE (the sigmoid is in the graph).
import { rerootModel, encodeModelMetadata, encodeSegmenterOptions } from './tflite-write.mjs';
import { readModel } from './tflite-read.mjs';
import { ColorSpaceType, SEG, BuiltinOperator } from './tflite-schema.mjs';

export const SEGMENTER_SOURCE_FILE = 'selfie_segmentation.tflite';
export const INPUT_MEAN = 0;
export const INPUT_STD = 255;

export function buildSelfieSegmenter(original, { source }) {
  const model = readModel(original);
  const sg = model.subgraphs[0];
  if (model.subgraphs.length !== 1 || sg.inputs.length !== 1 || sg.outputs.length !== 1) {
    throw new Error('unexpected selfie segmentation model layout');
  }
  const out = sg.tensors[sg.outputs[0]];
  const inp = sg.tensors[sg.inputs[0]];
  if (inp.shape.join() !== '1,256,256,3' || out.shape.join() !== '1,256,256,1') {
    throw new Error(`unexpected selfie segmentation shapes ${inp.shape} → ${out.shape}`);
  }
  const last = sg.operators.find((o) => o.outputs.includes(sg.outputs[0]));
  if (model.opcodes[last.opcode].builtin !== BuiltinOperator.LOGISTIC) {
    throw new Error('selfie segmentation output is expected to come from a LOGISTIC op');
  }
  const metadata = encodeModelMetadata({
    name: 'selfie_segmenter',
    description:
      `Selfie segmentation (general, 256x256) from ${source}. Modified: TFLite metadata (input ` +
      'normalisation, output description, segmenter activation NONE) added in front of the unchanged original model.',
    version: '1',
    author: 'Google LLC (MediaPipe); metadata added by the zk-precheck asset build',
    license: 'Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0)',
    minParserVersion: '1.5.0', // custom_metadata was added in metadata schema 1.5.0
    inputs: [
      {
        name: 'image',
        description: `RGB image, values normalised as (v - ${INPUT_MEAN}) / ${INPUT_STD}`,
        image: { colorSpace: ColorSpaceType.RGB },
        normalization: { mean: [INPUT_MEAN], std: [INPUT_STD] },
        stats: { min: [(0 - INPUT_MEAN) / INPUT_STD], max: [(255 - INPUT_MEAN) / INPUT_STD] },
      },
    ],
    outputs: [{ name: 'segmentation', description: 'person probability 0..1 per pixel (256x256)' }],
    custom: [{ name: SEG.name, data: encodeSegmenterOptions({ activation: SEG.Activation.NONE }) }],
  });
  return rerootModel(original, { metadata });
}
