/**
 * The ONLY module that imports @mediapipe/tasks-vision. Runs inside the photo worker (a module worker, hence the
 * `vision_wasm_module_internal` variant). Everything is loaded from the app's own origin by relative URL — the wasm
 * from the npm package, the models generated at build time in static/generated/models (see scripts/assets).
 * tasks-vision is pinned to 0.10.34: later versions POST telemetry (see ../shared/notes/face-model.md).
 */
import { FaceLandmarker, ImageSegmenter } from '@mediapipe/tasks-vision';
import wasmLoaderPath from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import wasmBinaryPath from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';
import faceModelPath from '../../../static/generated/models/face_landmarker.task?url';
import segmenterModelPath from '../../../static/generated/models/selfie_segmenter.tflite?url';
import { detectionSize, toPixelLandmarks, type FaceDetector, type FaceDetectionResult, type PersonSegmenter } from './types.ts';

const fileset = () => ({
  wasmLoaderPath: new URL(wasmLoaderPath, self.location.href).href,
  wasmBinaryPath: new URL(wasmBinaryPath, self.location.href).href,
});

async function toDetectInput(source: ImageBitmap, width: number, height: number) {
  const size = detectionSize(width, height);
  if (size.scale === 1) return { input: source, size, owned: false };
  const input = await createImageBitmap(source, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  return { input, size, owned: true };
}

export async function createFaceDetector(): Promise<FaceDetector> {
  const landmarker = await FaceLandmarker.createFromOptions(fileset(), {
    baseOptions: { modelAssetPath: new URL(faceModelPath, self.location.href).href, delegate: 'CPU' },
    runningMode: 'IMAGE',
    numFaces: 2,
  });
  return {
    async detect(source, width, height): Promise<FaceDetectionResult> {
      const t0 = performance.now();
      const { input, size, owned } = await toDetectInput(source, width, height);
      try {
        const res = landmarker.detect(input);
        const faces = res.faceLandmarks.map((lm) => ({ landmarks: toPixelLandmarks(lm, width, height) }));
        return { faces, width, height, detectWidth: size.width, detectHeight: size.height, ms: performance.now() - t0 };
      } finally {
        if (owned) input.close();
      }
    },
    close: () => landmarker.close(),
  };
}

export async function createPersonSegmenter(): Promise<PersonSegmenter> {
  const segmenter = await ImageSegmenter.createFromOptions(fileset(), {
    baseOptions: { modelAssetPath: new URL(segmenterModelPath, self.location.href).href, delegate: 'CPU' },
    runningMode: 'IMAGE',
    outputConfidenceMasks: true,
    outputCategoryMask: false,
  });
  return {
    async segment(source) {
      const res = segmenter.segment(source);
      try {
        const masks = res.confidenceMasks ?? [];
        // Single-output person model: the last mask is the person probability.
        const m = masks[masks.length - 1];
        if (!m) throw new Error('segmentation returned no mask');
        return { data: m.getAsFloat32Array().slice(), width: m.width, height: m.height };
      } finally {
        res.close();
      }
    },
    close: () => segmenter.close(),
  };
}
