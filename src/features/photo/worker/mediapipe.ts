/**
 * The ONLY module that imports @mediapipe/tasks-vision. Runs inside the photo worker (a module worker, hence the
 * `vision_wasm_module_internal` variant). Everything is loaded from the app's own origin by relative URL — the wasm
 * from the npm package, the models generated at build time in static/generated/models (see scripts/assets).
 * tasks-vision is pinned to 0.10.34: later versions POST telemetry (see ../shared/notes/face-model.md).
 */
import { FaceLandmarker, ImageSegmenter } from '@mediapipe/tasks-vision';
import wasmLoaderPath from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import wasmBinaryPath from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';
import faceModelPath from '../../../../static/generated/models/face_landmarker.task?url';
import segmenterModelPath from '../../../../static/generated/models/selfie_segmenter.tflite?url';
import { detectionSize, toPixelLandmarks, type DetectedFace, type FaceDetectionResult } from '../vision-types.ts';
import type { FaceDetector, PersonSegmenter } from './detector.ts';

/**
 * In a module worker `importScripts` is unavailable, so tasks-vision falls back to `self.import(url)` and then expects
 * `self.ModuleFactory` to be set: the module build of the wasm loader exports the factory as its default export.
 */
function installModuleLoader() {
  const g = self as unknown as { import?: (url: string) => Promise<void>; ModuleFactory?: unknown; custom_dbg?: (t: string) => void };
  // The module build declares its debug-print helper inside a block, which strict (module) code does not hoist.
  g.custom_dbg ??= (t: string) => console.debug(t);
  g.import ??= async (url: string) => {
    const mod = (await import(/* @vite-ignore */ url)) as { default: unknown };
    g.ModuleFactory = mod.default;
  };
}

/** Detector/presence score a face needs (MediaPipe's default 0.5 lets a drawn anime face through). */
export const DETECT_MIN_CONFIDENCE = 0.5;

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
  installModuleLoader();
  const landmarker = await FaceLandmarker.createFromOptions(fileset(), {
    baseOptions: { modelAssetPath: new URL(faceModelPath, self.location.href).href, delegate: 'CPU' },
    runningMode: 'IMAGE',
    numFaces: 4,
    minFaceDetectionConfidence: DETECT_MIN_CONFIDENCE,
  });
  return {
    async detect(source, width, height): Promise<FaceDetectionResult> {
      const t0 = performance.now();
      const { input, size, owned } = await toDetectInput(source, width, height);
      let faces: DetectedFace[];
      try {
        const res = landmarker.detect(input);
        faces = res.faceLandmarks.map((lm) => ({ landmarks: toPixelLandmarks(lm, width, height) }));
      } finally {
        if (owned) input.close();
      }
      return { faces, width, height, detectWidth: size.width, detectHeight: size.height, ms: performance.now() - t0 };
    },
    close: () => landmarker.close(),
  };
}

export async function createPersonSegmenter(): Promise<PersonSegmenter> {
  installModuleLoader();
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
