/**
 * One pass over a decoded photo and its detected faces: everything the findings need, as numbers.
 * Pure; ~a few thousand pixel samples per check, so a 480 × 640 photo costs a few ms (large images are sampled).
 */
import {
  analyzeBackground,
  chromaP995,
  clothesContrast,
  detectBorders,
  faceImageStats,
  type BackgroundStats,
  type BorderStats,
  type ClothesStats,
  type FaceImageStats,
  type PersonMask,
} from './background.ts';
import { solveFraming, type FramingResult } from './crop.ts';
import { measureFace, type FaceLandmarks, type FaceMeasurement, type RgbaImage } from './measure.ts';

/** A face as the vision adapter gives it: the landmark array itself or `{ landmarks }`. */
export type FaceInput = FaceLandmarks | { readonly landmarks: FaceLandmarks };

export interface PhotoAnalysis {
  width: number;
  height: number;
  /** Faces found. */
  faces: number;
  /** Measurements of the face when exactly one was found. */
  face: FaceMeasurement | null;
  background: BackgroundStats | null;
  clothes: ClothesStats | null;
  faceStats: FaceImageStats | null;
  borders: BorderStats;
  /** 99.5th percentile chroma of the whole image (below ~5: black and white). */
  chroma: number;
  /** How the automatic fix would frame this face into 480 × 640 (scale + crop + pad only). */
  framing: FramingResult | null;
}

export function landmarksOf(f: FaceInput): FaceLandmarks {
  return 'landmarks' in f && !Array.isArray(f) ? (f as { landmarks: FaceLandmarks }).landmarks : (f as FaceLandmarks);
}

export interface AnalyzeOptions {
  /** Person mask from a segmenter; improves the background selection when given. */
  personMask?: PersonMask;
}

export function analyzeImage(image: RgbaImage, faces: readonly FaceInput[], opts: AnalyzeOptions = {}): PhotoAnalysis {
  const borders = detectBorders(image);
  const chroma = chromaP995(image);
  const base = { width: image.width, height: image.height, faces: faces.length, borders, chroma };
  if (faces.length !== 1) return { ...base, face: null, background: null, clothes: null, faceStats: null, framing: null };
  const lm = landmarksOf(faces[0]);
  const face = measureFace(lm, image);
  const background = analyzeBackground(image, face, opts.personMask);
  const clothes = background ? clothesContrast(image, face, background.lab) : null;
  const faceStats = faceImageStats(image, lm, face);
  const framing = solveFraming({
    srcWidth: image.width,
    srcHeight: image.height,
    headTopPx: face.headTopPx,
    eyeYPx: face.eyeYPx,
    faceWidthPx: face.faceWidthPx,
    faceCenterXPx: face.faceCenterXPx,
  });
  return { ...base, face, background, clothes, faceStats, framing };
}
