/** What the file layer learns from a file's bytes alone (no decoding): owned here, at the bottom. */

/** Real file formats told apart by their bytes (jpeg/sniff.ts). */
export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'pdf' | 'bmp' | 'tiff' | 'svg' | 'html' | 'empty' | 'unknown';

/**
 * Everything the file layer (`jpeg/`) learns from the bytes alone, before any decoding.
 * Produced by `inspectFile(bytes, name)` in jpeg/inspect.ts; consumed by features/photo/findings.ts (P-FMT-*) and the uploads area.
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
