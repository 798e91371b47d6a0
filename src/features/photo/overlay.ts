/**
 * Overlay view-model: what to draw over a photo, in the photo's own pixels (the component only renders it).
 * On a 480×640 image the manual's ranges are drawn as bands (P-GEO-HEADTOP 50–110 px, P-GEO-EYES 200–300 px) and the
 * face-width limits (P-GEO-FACEW 180–300 px) as brackets around the measured face centre; measured values as lines.
 */
import { PHOTO_SPEC } from './photo-spec.ts';
import type { PhotoReport } from './report-types.ts';

export interface OverlayBand { y1: number; y2: number; label: string; rule: string }
export interface OverlayLine { x1: number; y1: number; x2: number; y2: number; kind: 'measured' | 'limit' | 'centre'; label?: string; rule: string }
export interface OverlayPoint { x: number; y: number; rule: string }
export interface Overlay {
  width: number;
  height: number;
  /** Stroke width that stays ~2 screen px whatever the image size. */
  stroke: number;
  bands: OverlayBand[];
  lines: OverlayLine[];
  points: OverlayPoint[];
}

export const OUT_W = PHOTO_SPEC.width.value;
export const OUT_H = PHOTO_SPEC.height.value;

export function buildOverlay(report: PhotoReport): Overlay | null {
  const { width, height } = report.file;
  if (!width || !height) return null;
  const stroke = Math.max(1, Math.round(Math.max(width, height) / 320));
  const bands: OverlayBand[] = [];
  const lines: OverlayLine[] = [];
  const points: OverlayPoint[] = [];
  const isFrame = width === OUT_W && height === OUT_H;
  if (isFrame) {
    bands.push({ y1: 50, y2: 110, label: '50–110 px', rule: 'P-GEO-HEADTOP' });
    bands.push({ y1: 200, y2: 300, label: '200–300 px', rule: 'P-GEO-EYES' });
    lines.push({ x1: OUT_W / 2, y1: 0, x2: OUT_W / 2, y2: OUT_H, kind: 'centre', rule: 'P-GEO-CENTER' });
  }
  const m = report.measure;
  if (m) {
    lines.push({ x1: 0, y1: m.headTopPx, x2: width, y2: m.headTopPx, kind: 'measured', label: `${Math.round(m.headTopPx)} px`, rule: 'P-GEO-HEADTOP' });
    lines.push({ x1: m.eyeLeft[0], y1: m.eyeLeft[1], x2: m.eyeRight[0], y2: m.eyeRight[1], kind: 'measured', label: `${Math.round(m.eyeYPx)} px`, rule: 'P-GEO-EYES' });
    points.push({ x: m.eyeLeft[0], y: m.eyeLeft[1], rule: 'P-GEO-EYES' }, { x: m.eyeRight[0], y: m.eyeRight[1], rule: 'P-GEO-EYES' });
    const half = m.faceWidthPx / 2;
    const yTop = m.eyeYPx;
    const yBot = Math.min(height, m.eyeYPx + m.faceWidthPx * 0.6);
    for (const x of [m.faceCenterXPx - half, m.faceCenterXPx + half]) {
      lines.push({ x1: x, y1: yTop, x2: x, y2: yBot, kind: 'measured', rule: 'P-GEO-FACEW' });
    }
    lines.push({ x1: m.faceCenterXPx - half, y1: yBot, x2: m.faceCenterXPx + half, y2: yBot, kind: 'measured', label: `${Math.round(m.faceWidthPx)} px`, rule: 'P-GEO-FACEW' });
    if (isFrame) {
      for (const w of [180, 300]) {
        for (const s of [-1, 1]) {
          const x = m.faceCenterXPx + (s * w) / 2;
          lines.push({ x1: x, y1: yBot - 12, x2: x, y2: yBot + 12, kind: 'limit', rule: 'P-GEO-FACEW' });
        }
      }
    }
  }
  return { width, height, stroke, bands, lines, points };
}
