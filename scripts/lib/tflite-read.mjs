// Reads the parts of a TFLite model flatbuffer that the model build and its tests look at.
import { FbReader } from './flatbuf-reader.mjs';
import { TFL, META } from './tflite-schema.mjs';

/** @param {Uint8Array} bytes */
export function readModel(bytes) {
  const r = new FbReader(bytes);
  const M = TFL.Model;
  const root = r.root();
  const opcodes = r.tables(root, M.operator_codes).map((pos) => {
    const dep = r.scalar(pos, TFL.OperatorCode.deprecated_builtin_code, 'i8', 0);
    const full = r.scalar(pos, TFL.OperatorCode.builtin_code, 'i32', 0);
    return {
      pos,
      builtin: Math.max(dep, full),
      custom: r.string(pos, TFL.OperatorCode.custom_code),
      version: r.scalar(pos, TFL.OperatorCode.version, 'i32', 1),
    };
  });
  const subgraphs = r.tables(root, M.subgraphs).map((pos) => {
    const S = TFL.SubGraph;
    const tensors = r.tables(pos, S.tensors).map((tp) => ({
      pos: tp,
      shape: r.ints(tp, TFL.Tensor.shape),
      type: r.scalar(tp, TFL.Tensor.type, 'i8', 0),
      buffer: r.scalar(tp, TFL.Tensor.buffer, 'u32', 0),
      name: r.string(tp, TFL.Tensor.name),
    }));
    const operators = r.tables(pos, S.operators).map((op) => ({
      pos: op,
      opcode: r.scalar(op, TFL.Operator.opcode_index, 'u32', 0),
      inputs: r.ints(op, TFL.Operator.inputs),
      outputs: r.ints(op, TFL.Operator.outputs),
      optionsType: r.scalar(op, TFL.Operator.builtin_options_type, 'u8', 0),
      options: r.table(op, TFL.Operator.builtin_options),
    }));
    return {
      pos,
      tensors,
      operators,
      inputs: r.ints(pos, S.inputs),
      outputs: r.ints(pos, S.outputs),
      name: r.string(pos, S.name),
      namePos: r.field(pos, S.name) ? r.deref(r.field(pos, S.name)) : 0,
      inputsPos: r.vector(pos, S.inputs)?.pos ?? 0,
    };
  });
  const buffers = r.tables(root, M.buffers).map((pos) => {
    const data = r.vector(pos, TFL.Buffer.data);
    return { pos, start: data ? data.start : 0, size: data ? data.length : 0 };
  });
  const metadata = r.tables(root, M.metadata).map((pos) => ({
    pos,
    name: r.string(pos, TFL.Metadata.name),
    buffer: r.scalar(pos, TFL.Metadata.buffer, 'u32', 0),
  }));
  const fieldPos = (id) => (r.field(root, id) ? r.deref(r.field(root, id)) : 0);
  return {
    reader: r,
    identifier: r.identifier(),
    root,
    version: r.scalar(root, M.version, 'u32', 0),
    description: r.string(root, M.description),
    opcodes,
    subgraphs,
    buffers,
    metadata,
    // Positions of the vectors/strings a re-rooted model can reuse unchanged.
    pos: {
      operator_codes: fieldPos(M.operator_codes),
      subgraphs: fieldPos(M.subgraphs),
      description: fieldPos(M.description),
      buffers: fieldPos(M.buffers),
      metadata_buffer: fieldPos(M.metadata_buffer),
      metadata: fieldPos(M.metadata),
      signature_defs: fieldPos(M.signature_defs),
    },
  };
}

/** Bytes of buffer `index` of a model read with readModel. */
export function bufferBytes(model, index) {
  const b = model.buffers[index];
  return model.reader.bytes.subarray(b.start, b.start + b.size);
}

/** Decodes the TFLITE_METADATA ModelMetadata flatbuffer of a model (or null when it has none). */
export function readModelMetadata(model) {
  const entry = model.metadata.find((m) => m.name === 'TFLITE_METADATA');
  if (!entry) return null;
  const bytes = bufferBytes(model, entry.buffer);
  const r = new FbReader(bytes);
  const root = r.root();
  const MM = META.ModelMetadata;
  const tensorMeta = (t) => {
    const T = META.TensorMetadata;
    const content = r.table(t, T.content);
    const units = r.tables(t, T.process_units).map((u) => ({
      type: r.scalar(u, META.ProcessUnit.options_type, 'u8', 0),
      mean: r.floats(r.table(u, META.ProcessUnit.options), META.NormalizationOptions.mean),
      std: r.floats(r.table(u, META.ProcessUnit.options), META.NormalizationOptions.std),
    }));
    const stats = r.table(t, T.stats);
    return {
      name: r.string(t, T.name),
      description: r.string(t, T.description),
      contentType: content ? r.scalar(content, META.Content.content_properties_type, 'u8', 0) : 0,
      colorSpace: content
        ? r.scalar(r.table(content, META.Content.content_properties), META.ImageProperties.color_space, 'i8', 0)
        : 0,
      processUnits: units,
      stats: stats ? { max: r.floats(stats, META.Stats.max), min: r.floats(stats, META.Stats.min) } : null,
    };
  };
  const subgraphs = r.tables(root, MM.subgraph_metadata).map((s) => ({
    name: r.string(s, META.SubGraphMetadata.name),
    inputs: r.tables(s, META.SubGraphMetadata.input_tensor_metadata).map(tensorMeta),
    outputs: r.tables(s, META.SubGraphMetadata.output_tensor_metadata).map(tensorMeta),
    custom: r.tables(s, META.SubGraphMetadata.custom_metadata).map((c) => ({
      name: r.string(c, META.CustomMetadata.name),
      data: r.ubytes(c, META.CustomMetadata.data),
    })),
  }));
  return {
    identifier: r.identifier(),
    bytes,
    name: r.string(root, MM.name),
    description: r.string(root, MM.description),
    version: r.string(root, MM.version),
    author: r.string(root, MM.author),
    license: r.string(root, MM.license),
    minParserVersion: r.string(root, MM.min_parser_version),
    subgraphs,
  };
}
