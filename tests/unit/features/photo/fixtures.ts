/** Hand-made inputs for the core's table tests (no pixels needed). */
import type { FileFacts } from '../../../../src/features/photo/report-types.ts';
import type { PhotoAnalysis } from '../../../../src/features/photo/analyze.ts';
import type { FaceMeasurement } from '../../../../src/features/photo/measure.ts';

export function jpegFacts(over: Partial<FileFacts> = {}): FileFacts {
  return {
    name: 'photo.jpg',
    bytes: 30_000,
    format: 'jpeg',
    mime: 'image/jpeg',
    extension: 'jpg',
    storedWidth: 480,
    storedHeight: 640,
    orientation: 1,
    dpi: [300, 300],
    dpiSource: 'jfif',
    components: 3,
    bitsPerSample: 8,
    quality: 85,
    progressive: false,
    colorSpace: 'ycbcr',
    trailingBytes: 0,
    dateTimeOriginal: null,
    metadata: [],
    problem: null,
    ...over,
  };
}

export function faceMeasure(over: Partial<FaceMeasurement> = {}): FaceMeasurement {
  return {
    eyeLeft: [190, 250],
    eyeRight: [290, 250],
    eyeYPx: 250,
    faceWidthPx: 240,
    faceCenterXPx: 240,
    rollDeg: 0,
    yawDeg: 0,
    pitchDeg: 0,
    eyeOpenness: 0.3,
    mouthGap: 0,
    foreheadYPx: 150,
    chinYPx: 420,
    headTopPx: 80,
    headTopSource: 'pixels',
    ...over,
  };
}

/** A clean 480 × 640 analysis; override any part. */
export function analysis(face: Partial<FaceMeasurement> = {}, over: Partial<PhotoAnalysis> = {}): PhotoAnalysis {
  return {
    width: 480,
    height: 640,
    faces: 1,
    face: faceMeasure(face),
    background: {
      rgb: [255, 255, 255],
      lab: [100, 0, 0],
      deltaE: { blue: 25, white: 0.5 },
      samples: 2000,
      spread: 1,
      leftRight: 0.5,
      topBottom: 0.5,
      darkShare: 0,
    },
    clothes: { rgb: [20, 20, 30], deltaE: 60, texture: 1, similarShare: 0 },
    faceStats: { sharpness: 50, faceL: 65, clipped: 0, balance: 2, cheekBalance: 2, eyeDarkness: 15, eyeDetail: 18, eyeGlare: 0 },
    borders: { bands: { top: 0, bottom: 0, left: 0, right: 0 }, black: [] },
    chroma: 30,
    framing: null,
    ...over,
  };
}
