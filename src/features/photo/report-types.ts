/**
 * PhotoReport: the public JSON shape of ../shared/spec/CONTRACT.md ("PhotoReport (JSON)").
 * Add fields freely; never rename or remove one; bump `schema` only for a breaking change.
 */
export type { Status } from '../../lib/finding.ts';
import type { Status } from '../../lib/finding.ts';

export interface ReportFile {
  name: string;
  bytes: number;
  /** Sniffed from the bytes, not the extension. */
  mime: string;
  /** After EXIF orientation is applied. */
  width: number;
  height: number;
  /** JFIF density in dpi (or EXIF resolution); null if none. */
  dpi: [number, number] | null;
  /** JPEG colour components (3 = YCbCr). */
  components: number | null;
  bitsPerSample: number | null;
  /** Estimated JPEG quality factor 1..100. */
  quality: number | null;
  progressive: boolean | null;
}

export interface ReportMeasure {
  /** y of the top of the hair, px of THIS image. */
  headTopPx: number;
  /** Mean y of the two eye centres. */
  eyeYPx: number;
  /** Image-left eye centre (x, y). */
  eyeLeft: [number, number];
  eyeRight: [number, number];
  /** Cheek-to-cheek width. */
  faceWidthPx: number;
  faceCenterXPx: number;
  /** + = right side of the image lower. */
  rollDeg: number;
  yawDeg: number;
  pitchDeg: number;
  /** Median background colour, null if no background found. */
  bgRgb: [number, number, number] | null;
  /** CIEDE2000 to RGB(100,197,255) and to white. */
  bgDeltaE: { blue: number; white: number } | null;
}

export interface Finding {
  /** An ID from RULES.md, e.g. 'P-GEO-EYES'. */
  rule: string;
  status: Status;
  /** What was measured, in the rule's unit. */
  value?: number | string;
  /** e.g. '200–300 px'. */
  expected?: string;
  /** Plain zh-CN sentence for the candidate (includes how to fix it). */
  message: string;
  /** Message key in the i18n photo dictionary (e.g. 'photo.geo.eyes.low'), to render it in another language. */
  code?: string;
  /** Parameters of `code`. */
  params?: Record<string, string | number>;
  /** false when the limit is the tool's own tolerance (UI: "建议"), true when it is the manual's number. */
  official?: boolean;
}

export interface PhotoReport {
  schema: 1;
  /** Worst status among findings ('info' never counts). */
  verdict: 'pass' | 'warn' | 'fail';
  file: ReportFile;
  /** Faces found. */
  faces: number;
  /** null when faces !== 1. */
  measure: ReportMeasure | null;
  findings: Finding[];
}

// The file layer owns the facts it reads from the bytes; re-exported for the photo area's callers.
export type { FileFacts, SniffedFormat } from '../../lib/jpeg/file-facts.ts';
