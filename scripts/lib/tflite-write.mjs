// Writes TFLite model flatbuffers without rewriting the original model.
//
// FlatBuffer offsets only point forward, so a model can be "re-rooted": the original file is copied unchanged
// to the END of a new buffer and a new root `Model` table is written in front of it. The new root reuses the
// original operator codes, subgraphs, description … by offset, and adds what is new (TFLite metadata, extra
// buffers, tensors and operators). The original bytes are zero-padded to a multiple of 16 and the new prefix is
// a multiple of 16 as well, so every tensor buffer keeps its 16-byte alignment.
//
// Field ids: TensorFlow Lite schema.fbs / metadata_schema.fbs (see tflite-schema.mjs).
import { Builder } from 'flatbuffers';
import { readModel } from './tflite-read.mjs';
import { TFL, META, BuiltinOptions, SEG } from './tflite-schema.mjs';

const ALIGN = 16;

function floatVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

function intVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}

function offsetVector(b, offsets) {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

/** A [ubyte] vector whose first element is aligned to `align` bytes in the finished buffer. */
function alignedBytes(b, bytes, align = ALIGN) {
  b.startVector(1, bytes.length, align);
  b.bb.setPosition((b.space -= bytes.length));
  b.bb.bytes().set(bytes, b.space);
  return b.endVector();
}

/** Copies `bytes` as an untyped blob; returns the builder offset of its first byte. */
function rawBlob(b, bytes, align = ALIGN) {
  b.prep(align, bytes.length);
  b.space -= bytes.length;
  b.bb.bytes().set(bytes, b.space);
  return b.offset();
}

/**
 * Encodes a TFLite `ModelMetadata` flatbuffer (file identifier M001).
 * @param {object} md
 * @param {string} md.name
 * @param {string} [md.description]
 * @param {string} [md.version]
 * @param {string} [md.author]
 * @param {string} [md.license]
 * @param {string} md.minParserVersion
 * @param {Array<TensorMd>} md.inputs
 * @param {Array<TensorMd>} md.outputs
 * @param {Array<{name: string, data: Uint8Array}>} [md.custom]   SubGraphMetadata.custom_metadata
 * @typedef {{ name: string, description?: string, image?: { colorSpace: number },
 *   normalization?: { mean: number[], std: number[] }, stats?: { min: number[], max: number[] } }} TensorMd
 * @returns {Uint8Array}
 */
export function encodeModelMetadata(md) {
  const b = new Builder(1024);
  const str = (s) => (s == null ? 0 : b.createString(s));

  const tensor = (t) => {
    const T = META.TensorMetadata;
    const name = str(t.name);
    const description = str(t.description);
    let content = 0;
    if (t.image) {
      b.startObject(META.ImageProperties.count);
      b.addFieldInt8(META.ImageProperties.color_space, t.image.colorSpace, 0);
      const props = b.endObject();
      b.startObject(META.Content.count);
      b.addFieldInt8(META.Content.content_properties_type, 2 /* ImageProperties */, 0);
      b.addFieldOffset(META.Content.content_properties, props, 0);
      content = b.endObject();
    }
    let units = 0;
    if (t.normalization) {
      const mean = floatVector(b, t.normalization.mean);
      const std = floatVector(b, t.normalization.std);
      b.startObject(META.NormalizationOptions.count);
      b.addFieldOffset(META.NormalizationOptions.mean, mean, 0);
      b.addFieldOffset(META.NormalizationOptions.std, std, 0);
      const norm = b.endObject();
      b.startObject(META.ProcessUnit.count);
      b.addFieldInt8(META.ProcessUnit.options_type, 1 /* NormalizationOptions */, 0);
      b.addFieldOffset(META.ProcessUnit.options, norm, 0);
      units = offsetVector(b, [b.endObject()]);
    }
    let stats = 0;
    if (t.stats) {
      const max = floatVector(b, t.stats.max);
      const min = floatVector(b, t.stats.min);
      b.startObject(META.Stats.count);
      b.addFieldOffset(META.Stats.max, max, 0);
      b.addFieldOffset(META.Stats.min, min, 0);
      stats = b.endObject();
    }
    b.startObject(T.count);
    b.addFieldOffset(T.name, name, 0);
    b.addFieldOffset(T.description, description, 0);
    b.addFieldOffset(T.content, content, 0);
    b.addFieldOffset(T.process_units, units, 0);
    b.addFieldOffset(T.stats, stats, 0);
    return b.endObject();
  };

  const inputs = offsetVector(b, md.inputs.map(tensor));
  const outputs = offsetVector(b, md.outputs.map(tensor));
  let custom = 0;
  if (md.custom?.length) {
    custom = offsetVector(
      b,
      md.custom.map((c) => {
        const name = str(c.name);
        const data = alignedBytes(b, c.data, 16);
        b.startObject(META.CustomMetadata.count);
        b.addFieldOffset(META.CustomMetadata.name, name, 0);
        b.addFieldOffset(META.CustomMetadata.data, data, 0);
        return b.endObject();
      }),
    );
  }
  const S = META.SubGraphMetadata;
  b.startObject(S.count);
  b.addFieldOffset(S.input_tensor_metadata, inputs, 0);
  b.addFieldOffset(S.output_tensor_metadata, outputs, 0);
  b.addFieldOffset(S.custom_metadata, custom, 0);
  const subgraphs = offsetVector(b, [b.endObject()]);

  const M = META.ModelMetadata;
  const name = str(md.name);
  const description = str(md.description);
  const version = str(md.version);
  const author = str(md.author);
  const license = str(md.license);
  const minParser = str(md.minParserVersion);
  b.startObject(M.count);
  b.addFieldOffset(M.name, name, 0);
  b.addFieldOffset(M.description, description, 0);
  b.addFieldOffset(M.version, version, 0);
  b.addFieldOffset(M.subgraph_metadata, subgraphs, 0);
  b.addFieldOffset(M.author, author, 0);
  b.addFieldOffset(M.license, license, 0);
  b.addFieldOffset(M.min_parser_version, minParser, 0);
  b.finish(b.endObject(), META.identifier);
  return b.asUint8Array().slice();
}

/** MediaPipe `ImageSegmenterOptions` flatbuffer (identifier V001) for SubGraphMetadata.custom_metadata. */
export function encodeSegmenterOptions({ activation, minParserVersion = '1.0.0' }) {
  const b = new Builder(64);
  const v = b.createString(minParserVersion);
  b.startObject(SEG.ImageSegmenterOptions.count);
  b.forceDefaults(true);
  b.addFieldInt8(SEG.ImageSegmenterOptions.activation, activation, 0);
  b.forceDefaults(false);
  b.addFieldOffset(SEG.ImageSegmenterOptions.min_parser_version, v, 0);
  b.finish(b.endObject(), SEG.identifier);
  return b.asUint8Array().slice();
}

/**
 * Re-roots a TFLite model: returns a new model file whose tail is `original` (zero-padded to 16 bytes) and
 * whose new root adds TFLite metadata and, optionally, extra operators appended to subgraph 0.
 *
 * @param {Uint8Array} original  the unchanged .tflite bytes
 * @param {object} opts
 * @param {Uint8Array} opts.metadata  ModelMetadata flatbuffer (encodeModelMetadata)
 * @param {object} [opts.append]      extra ops for subgraph 0:
 *   buffers: Uint8Array[] (new constant buffers; refer to them as {newBuffer: i}),
 *   opcodes: {builtin, version}[] (refer to them as {newOpcode: i}),
 *   tensors: {name, shape, type, buffer?: {newBuffer: i}}[] (refer to them as {newTensor: i}),
 *   operators: {opcode: {newOpcode: i}, inputs: (number|{newTensor: i})[], outputs: [...],
 *               options?: {type: number, write: (builder) => offset}}[],
 *   outputs: (number|{newTensor: i})[]  the new subgraph outputs
 * @returns {Uint8Array}
 */
export function rerootModel(original, { metadata, append }) {
  const model = readModel(original);
  if (model.identifier !== TFL.identifier) throw new Error(`not a TFLite model (identifier ${model.identifier})`);
  if (model.metadata.some((m) => m.name === 'TFLITE_METADATA')) throw new Error('model already has TFLITE_METADATA');

  const padded = new Uint8Array(Math.ceil(original.length / ALIGN) * ALIGN);
  padded.set(original);
  const b = new Builder(padded.length + 65536);
  const tailEnd = rawBlob(b, padded, ALIGN);
  // Builder offsets count from the end of the finished buffer: original position p ↦ tailEnd − p.
  const old = (p) => {
    if (!p) throw new Error('missing table in the original model');
    return tailEnd - p;
  };

  // New constant buffers (tensor data, then the metadata flatbuffer).
  const newBufferTables = [];
  const addBuffer = (bytes) => {
    const data = alignedBytes(b, bytes, ALIGN);
    b.startObject(TFL.Buffer.count);
    b.addFieldOffset(TFL.Buffer.data, data, 0);
    newBufferTables.push(b.endObject());
    return model.buffers.length + newBufferTables.length - 1;
  };
  const appendBufferIndex = (append?.buffers ?? []).map(addBuffer);
  const metadataBufferIndex = addBuffer(metadata);

  let subgraphsOff = old(model.pos.subgraphs);
  let opcodesOff = old(model.pos.operator_codes);

  if (append) {
    const sg = model.subgraphs[0];
    if (model.subgraphs.length !== 1) throw new Error('expected a single subgraph');
    // Operator codes: reuse an existing entry when the same builtin/version is already there.
    const opcodeIndex = [];
    const newOpcodeTables = [];
    for (const oc of append.opcodes) {
      const found = model.opcodes.findIndex((o) => !o.custom && o.builtin === oc.builtin && o.version === oc.version);
      if (found >= 0) {
        opcodeIndex.push(found);
        continue;
      }
      b.startObject(TFL.OperatorCode.count);
      b.addFieldInt8(TFL.OperatorCode.deprecated_builtin_code, Math.min(oc.builtin, 127), 0);
      b.addFieldInt32(TFL.OperatorCode.version, oc.version, 1);
      b.addFieldInt32(TFL.OperatorCode.builtin_code, oc.builtin, 0);
      newOpcodeTables.push(b.endObject());
      opcodeIndex.push(model.opcodes.length + newOpcodeTables.length - 1);
    }
    const tensorIndex = (ref) => (typeof ref === 'number' ? ref : sg.tensors.length + ref.newTensor);

    const newTensorTables = append.tensors.map((t) => {
      const name = b.createString(t.name);
      const shape = intVector(b, t.shape);
      b.startObject(TFL.Tensor.count);
      b.addFieldOffset(TFL.Tensor.shape, shape, 0);
      b.addFieldInt8(TFL.Tensor.type, t.type, 0);
      b.addFieldInt32(TFL.Tensor.buffer, t.buffer ? appendBufferIndex[t.buffer.newBuffer] : 0, 0);
      b.addFieldOffset(TFL.Tensor.name, name, 0);
      return b.endObject();
    });

    const newOperatorTables = append.operators.map((op) => {
      const inputs = intVector(b, op.inputs.map((r) => (r === -1 ? -1 : tensorIndex(r))));
      const outputs = intVector(b, op.outputs.map(tensorIndex));
      const options = op.options ? op.options.write(b) : 0;
      b.startObject(TFL.Operator.count);
      b.addFieldInt32(TFL.Operator.opcode_index, opcodeIndex[op.opcode.newOpcode], 0);
      b.addFieldOffset(TFL.Operator.inputs, inputs, 0);
      b.addFieldOffset(TFL.Operator.outputs, outputs, 0);
      if (op.options) {
        b.addFieldInt8(TFL.Operator.builtin_options_type, op.options.type, 0);
        b.addFieldOffset(TFL.Operator.builtin_options, options, 0);
      }
      return b.endObject();
    });

    const tensors = offsetVector(b, [...sg.tensors.map((t) => old(t.pos)), ...newTensorTables]);
    const operators = offsetVector(b, [...sg.operators.map((o) => old(o.pos)), ...newOperatorTables]);
    const outputs = intVector(b, append.outputs.map(tensorIndex));
    b.startObject(TFL.SubGraph.count);
    b.addFieldOffset(TFL.SubGraph.tensors, tensors, 0);
    b.addFieldOffset(TFL.SubGraph.inputs, old(sg.inputsPos), 0);
    b.addFieldOffset(TFL.SubGraph.outputs, outputs, 0);
    b.addFieldOffset(TFL.SubGraph.operators, operators, 0);
    if (sg.namePos) b.addFieldOffset(TFL.SubGraph.name, old(sg.namePos), 0);
    subgraphsOff = offsetVector(b, [b.endObject()]);
    if (newOpcodeTables.length) {
      opcodesOff = offsetVector(b, [...model.opcodes.map((o) => old(o.pos)), ...newOpcodeTables]);
    }
  }

  const buffers = offsetVector(b, [...model.buffers.map((x) => old(x.pos)), ...newBufferTables]);
  const metaName = b.createString('TFLITE_METADATA');
  b.startObject(TFL.Metadata.count);
  b.addFieldOffset(TFL.Metadata.name, metaName, 0);
  b.addFieldInt32(TFL.Metadata.buffer, metadataBufferIndex, 0);
  const metaEntry = b.endObject();
  const metadataVec = offsetVector(b, [...model.metadata.map((m) => old(m.pos)), metaEntry]);

  const M = TFL.Model;
  b.startObject(M.count);
  b.addFieldInt32(M.version, model.version, 0);
  b.addFieldOffset(M.operator_codes, opcodesOff, 0);
  b.addFieldOffset(M.subgraphs, subgraphsOff, 0);
  if (model.pos.description) b.addFieldOffset(M.description, old(model.pos.description), 0);
  b.addFieldOffset(M.buffers, buffers, 0);
  if (model.pos.metadata_buffer) b.addFieldOffset(M.metadata_buffer, old(model.pos.metadata_buffer), 0);
  b.addFieldOffset(M.metadata, metadataVec, 0);
  if (model.pos.signature_defs) b.addFieldOffset(M.signature_defs, old(model.pos.signature_defs), 0);
  const root = b.endObject();
  b.prep(ALIGN, 0); // make sure the finished size (and so the tail's start) is a multiple of 16
  b.finish(root, TFL.identifier);
  const out = b.asUint8Array().slice();
  if (out.length % ALIGN !== 0) throw new Error('re-rooted model size is not a multiple of 16');
  return out;
}

export const Options = {
  fullyConnected: ({ keepNumDims }) => ({
    type: BuiltinOptions.FullyConnectedOptions,
    write: (b) => {
      b.startObject(TFL.FullyConnectedOptions.count);
      b.addFieldInt8(TFL.FullyConnectedOptions.keep_num_dims, keepNumDims ? 1 : 0, 0);
      return b.endObject();
    },
  }),
  concatenation: ({ axis }) => ({
    type: BuiltinOptions.ConcatenationOptions,
    write: (b) => {
      b.startObject(TFL.ConcatenationOptions.count);
      b.addFieldInt32(TFL.ConcatenationOptions.axis, axis, 0);
      return b.endObject();
    },
  }),
  gather: ({ axis }) => ({
    type: BuiltinOptions.GatherOptions,
    write: (b) => {
      b.startObject(TFL.GatherOptions.count);
      b.addFieldInt32(TFL.GatherOptions.axis, axis, 0);
      return b.endObject();
    },
  }),
};
