/**
 * PhotoReport: the public JSON shape of ../shared/spec/CONTRACT.md ("PhotoReport (JSON)").
 * Add fields freely; never rename or remove one; bump `schema` only for a breaking change.
 */
export type Status = 'pass' | 'warn' | 'fail' | 'info';

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

/** Real file formats told apart by their bytes (jpeg/sniff.ts). */
export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'pdf' | 'bmp' | 'tiff' | 'svg' | 'html' | 'empty' | 'unknown';

/**
 * Everything the file layer (`jpeg/`) learns from the bytes alone, before any decoding.
 * Produced by `inspectFile(bytes, name)` in jpeg/inspect.ts; consumed by core/findings.ts (P-FMT-*).
 */
export interface FileFacts {
  name: string;
  bytes: number;
  format: SniffedFormat;
  /** MIME type of the sniffed format ('application/octet-stream' when unknown). */
  mime: string;
  /** File-name extension, lower case, without the dot ('' when none). */
  extension: string;
  /** Stored pixel size from the header (before EXIF orientation); null when unknown. */
  storedWidth: number | null;
  storedHeight: number | null;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
  /** JFIF density in dpi, else EXIF X/YResolution in dpi; null if none. */
  dpi: [number, number] | null;
  /** Where `dpi` came from. */
  dpiSource: 'jfif' | 'exif' | null;
  components: number | null;
  bitsPerSample: number | null;
  /** Estimated IJG quality 1..100 from DQT; null when not a JPEG or no tables. */
  quality: number | null;
  progressive: boolean | null;
  /** Adobe APP14 transform / component ids say CMYK or YCCK. */
  colorSpace: 'ycbcr' | 'rgb' | 'gray' | 'cmyk' | 'ycck' | null;
  /** Bytes after the end-of-image marker (padding, appended data). 0 when none or not a JPEG. */
  trailingBytes: number;
  /** EXIF DateTimeOriginal as 'YYYY-MM-DDTHH:MM:SS' (no zone), null when absent. */
  dateTimeOriginal: string | null;
  /** Metadata other than JFIF found: 'exif', 'gps', 'xmp', 'icc', 'iptc', 'comment', 'other-app'. */
  metadata: string[];
  /** A structural problem found while walking the markers (truncated, bad marker …); null when fine. */
  problem: string | null;
  /** Byte offset of `problem`, when known (jpeg/markers.ts). */
  problemAt?: number | null;
  /** True when `quality` comes from tables that are exactly libjpeg's for that quality (not a best fit). */
  qualityExact?: boolean | null;
  /** JPEG only: a JFIF APP0 segment is present. */
  jfif?: boolean;
}
