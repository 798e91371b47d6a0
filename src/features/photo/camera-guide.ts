/**
 * Camera framing: the guide outline drawn over the live preview, and live hints from landmarks.
 * The preview shows a centred 3:4 crop of the camera frame, i.e. exactly what a 480×640 photo would contain if the
 * candidate holds still inside the outline. Geometry follows the manual (附件3 四.2): hair top 50–110 px, eyes
 * 200–300 px, face width 180–300 px of a 480×640 frame; we aim at the middle of each range.
 */
import { PHOTO_SPEC } from './photo-spec.ts';
export const GUIDE = {
  frameW: PHOTO_SPEC.width.value,
  frameH: PHOTO_SPEC.height.value,
  /** Ellipse of the face+hair outline in frame pixels (centre x, centre y, radius x, radius y). */
  head: { cx: 240, cy: 235, rx: 120, ry: 155 },
  eyeY: 250,
  faceWidth: 240,
} as const;

export type Hint = 'noface' | 'many' | 'closer' | 'farther' | 'up' | 'down' | 'left' | 'right' | 'level' | 'front' | 'dark' | 'bright' | 'ok';

export interface CropRect { x: number; y: number; width: number; height: number }

/** Largest centred 3:4 (portrait) rectangle inside a w × h camera frame. */
export function previewCrop(w: number, h: number): CropRect {
  const targetRatio = GUIDE.frameW / GUIDE.frameH;
  if (w / h > targetRatio) {
    const width = Math.round(h * targetRatio);
    return { x: Math.round((w - width) / 2), y: 0, width, height: h };
  }
  const height = Math.round(w / targetRatio);
  return { x: 0, y: Math.round((h - height) / 2), width: w, height };
}

export interface LiveMeasure {
  faces: number;
  /** In camera-frame pixels (un-mirrored). */
  eyeLeft?: [number, number];
  eyeRight?: [number, number];
  cheekLeftX?: number;
  cheekRightX?: number;
  noseX?: number;
  /** Mean face luminance 0..255. */
  faceLuma?: number;
}

/**
 * Hints, most important first, for a live frame of w × h. Tolerances are deliberately a little tighter than the
 * rules so that a photo taken on "ok" passes after the automatic fix.
 */
export function liveHints(m: LiveMeasure, w: number, h: number): Hint[] {
  if (m.faces === 0 || !m.eyeLeft || !m.eyeRight || m.cheekLeftX === undefined || m.cheekRightX === undefined) return ['noface'];
  if (m.faces > 1) return ['many'];
  const crop = previewCrop(w, h);
  const s = GUIDE.frameW / crop.width;
  const faceW = Math.abs(m.cheekRightX - m.cheekLeftX) * s;
  const eyeY = ((m.eyeLeft[1] + m.eyeRight[1]) / 2 - crop.y) * s;
  const centreX = ((m.cheekLeftX + m.cheekRightX) / 2 - crop.x) * s;
  const roll = (Math.atan2(m.eyeRight[1] - m.eyeLeft[1], m.eyeRight[0] - m.eyeLeft[0]) * 180) / Math.PI;
  const hints: Hint[] = [];
  if (faceW < 195) hints.push('closer');
  else if (faceW > 285) hints.push('farther');
  if (eyeY < 215) hints.push('down');
  else if (eyeY > 285) hints.push('up');
  // The preview is mirrored, so "move left" on screen means moving toward the image's right.
  if (centreX < 240 - 20) hints.push('right');
  else if (centreX > 240 + 20) hints.push('left');
  if (Math.abs(roll) > 2.5) hints.push('level');
  if (m.noseX !== undefined) {
    const rel = (m.noseX - (m.cheekLeftX + m.cheekRightX) / 2) / Math.max(1, Math.abs(m.cheekRightX - m.cheekLeftX));
    if (Math.abs(rel) > 0.12) hints.push('front');
  }
  if (m.faceLuma !== undefined && m.faceLuma < 70) hints.push('dark');
  else if (m.faceLuma !== undefined && m.faceLuma > 215) hints.push('bright');
  return hints.length ? hints : ['ok'];
}
