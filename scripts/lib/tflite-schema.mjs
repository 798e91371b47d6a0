// Field ids and enum values from TensorFlow Lite's schema.fbs (file identifier "TFL3") and from the TFLite
// metadata schema metadata_schema.fbs (file identifier "M001"), plus MediaPipe's
// image_segmenter_metadata_schema.fbs ("V001"). Only what the model build needs. Field id n = n-th field.

export const TFL = {
  identifier: 'TFL3',
  Model: { version: 0, operator_codes: 1, subgraphs: 2, description: 3, buffers: 4, metadata_buffer: 5, metadata: 6, signature_defs: 7, count: 8 },
  OperatorCode: { deprecated_builtin_code: 0, custom_code: 1, version: 2, builtin_code: 3, count: 4 },
  SubGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4, count: 5 },
  Tensor: { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4, is_variable: 5, sparsity: 6, shape_signature: 7, count: 8 },
  Operator: { opcode_index: 0, inputs: 1, outputs: 2, builtin_options_type: 3, builtin_options: 4, custom_options: 5, count: 10 },
  Buffer: { data: 0, offset: 1, size: 2, count: 3 },
  Metadata: { name: 0, buffer: 1, count: 2 },
  FullyConnectedOptions: { fused_activation_function: 0, weights_format: 1, keep_num_dims: 2, asymmetric_quantize_inputs: 3, count: 4 },
  ConcatenationOptions: { axis: 0, fused_activation_function: 1, count: 2 },
  GatherOptions: { axis: 0, batch_dims: 1, count: 2 },
};

export const TensorType = { FLOAT32: 0, FLOAT16: 1, INT32: 2, UINT8: 3, INT64: 4 };

export const BuiltinOperator = {
  ADD: 0, CONCATENATION: 2, CONV_2D: 3, DEPTHWISE_CONV_2D: 4, DEQUANTIZE: 6, FULLY_CONNECTED: 9,
  LOGISTIC: 14, MUL: 18, RESHAPE: 22, RESIZE_BILINEAR: 23, CUSTOM: 32, PAD: 34, GATHER: 36,
};

/** BuiltinOptions union member ids. */
export const BuiltinOptions = { NONE: 0, FullyConnectedOptions: 8, ConcatenationOptions: 10, GatherOptions: 23 };

export const META = {
  identifier: 'M001',
  ModelMetadata: { name: 0, description: 1, version: 2, subgraph_metadata: 3, author: 4, license: 5, associated_files: 6, min_parser_version: 7, count: 8 },
  SubGraphMetadata: { name: 0, description: 1, input_tensor_metadata: 2, output_tensor_metadata: 3, associated_files: 4, input_process_units: 5, output_process_units: 6, input_tensor_groups: 7, output_tensor_groups: 8, custom_metadata: 9, count: 10 },
  TensorMetadata: { name: 0, description: 1, dimension_names: 2, content: 3, process_units: 4, stats: 5, associated_files: 6, count: 7 },
  // A union field takes two ids: the type (ubyte) then the value.
  Content: { content_properties_type: 0, content_properties: 1, range: 2, count: 3 },
  ImageProperties: { color_space: 0, default_size: 1, count: 2 },
  ProcessUnit: { options_type: 0, options: 1, count: 2 },
  NormalizationOptions: { mean: 0, std: 1, count: 2 },
  Stats: { max: 0, min: 1, count: 2 },
  CustomMetadata: { name: 0, data: 1, count: 2 },
};

export const ContentProperties = { NONE: 0, FeatureProperties: 1, ImageProperties: 2, BoundingBoxProperties: 3 };
export const ProcessUnitOptions = { NONE: 0, NormalizationOptions: 1 };
export const ColorSpaceType = { UNKNOWN: 0, RGB: 1, GRAYSCALE: 2 };

/** MediaPipe image segmenter custom metadata (SubGraphMetadata.custom_metadata named SEGMENTER_METADATA). */
export const SEG = {
  identifier: 'V001',
  name: 'SEGMENTER_METADATA',
  ImageSegmenterOptions: { activation: 0, min_parser_version: 1, count: 2 },
  Activation: { NONE: 0, SIGMOID: 1, SOFTMAX: 2 },
};
