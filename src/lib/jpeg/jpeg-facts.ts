/**
 * Everything the checker needs from a JPEG's markers: frame, tables, JFIF/EXIF/Adobe, metadata, trailing bytes.
 *
 * NOTE what is not handled: density in a JFXX extension or in Photoshop's resolution resource (8BIM 0x03ED) is
 * ignored; EXIF in an APP segment other than APP1 is ignored; only the first frame (SOFn) is read, so a
 * hierarchical file reports its first frame; the EXIF thumbnail (IFD1) is not inspected.
 */
import { hasAscii, u16be, u8 } from './bytes.ts';
import { parseExifApp1, type ExifFacts } from './exif.ts';
import {
  APP0, APP1, APP13, APP14, APP15, APP2, COM, DNL, DQT, SOS,
  isSof, parseDqt, parseSof, walkJpeg,
  type JpegProblem, type QuantTable, type SofInfo,
} from './markers.ts';
import { estimateQuality, type QualityEstimate } from './quality.ts';

export const JFIF_ID = 'JFIF\0';
export const JFXX_ID = 'JFXX\0';
export const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
export const XMP_EXT_ID = 'http://ns.adobe.com/xmp/extension/\0';
export const ICC_ID = 'ICC_PROFILE\0';
export const PHOTOSHOP_ID = 'Photoshop 3.0\0';
export const ADOBE_ID = 'Adobe';

/** JFIF payload: 'JFIF\0', version (2), units (1), X density (2), Y density (2), thumbnail w, h (1 + 1). */
export const JFIF_PAYLOAD_LENGTH = 14;
export const JFIF_UNITS_OFFSET = 7;
export const JFIF_XDENSITY_OFFSET = 8;
export const JFIF_YDENSITY_OFFSET = 10;

/** Component ids 'R', 'G', 'B' mean an RGB (untransformed) JPEG. */
const ID_R = 0x52;
const ID_G = 0x47;
const ID_B = 0x42;

export type ColorSpace = 'ycbcr' | 'rgb' | 'gray' | 'cmyk' | 'ycck';

export interface JfifInfo {
  /** Offset of the APP0 payload ('JFIF\0' …) in the file. */
  dataStart: number;
  version: [number, number];
  /** 0 = aspect ratio only, 1 = dots per inch, 2 = dots per cm. */
  units: number;
  xDensity: number;
  yDensity: number;
}

export interface JpegFacts {
  sof: SofInfo | null;
  /** Quantisation tables by id (the last definition before the first scan). */
  tables: QuantTable[];
  quality: QualityEstimate | null;
  jfif: JfifInfo | null;
  exif: ExifFacts | null;
  /** Adobe APP14 colour transform (0 = none/RGB/CMYK, 1 = YCbCr, 2 = YCCK), null without APP14. */
  adobeTransform: number | null;
  colorSpace: ColorSpace | null;
  /** 'exif', 'gps', 'xmp', 'icc', 'iptc', 'comment', 'other-app' in order of first appearance. */
  metadata: string[];
  /** Offset one past EOI, or the array length. */
  end: number;
  trailingBytes: number;
  problem: JpegProblem | null;
  problemAt: number | null;
}

/** The IJG quality of a JPEG's tables (see quality.ts), or null when it is not a JPEG or has no DQT. */
export function estimateJpegQuality(b: Uint8Array): QualityEstimate | null {
  return readJpegFacts(b).quality;
}

/** dpi from a JFIF density (units 1 = dpi, 2 = dots/cm); null for aspect-only (0) or a zero density. */
export function jfifDpi(j: JfifInfo | null): [number, number] | null {
  if (!j || j.xDensity === 0 || j.yDensity === 0) return null;
  if (j.units === 1) return [j.xDensity, j.yDensity];
  if (j.units === 2) return [Math.round(j.xDensity * 254) / 100, Math.round(j.yDensity * 254) / 100];
  return null;
}

/** libjpeg's rule (jdapimin.c) for the colour space of a file, from component count, JFIF, Adobe and ids. */
export function jpegColorSpace(sof: SofInfo | null, hasJfif: boolean, adobeTransform: number | null): ColorSpace | null {
  if (!sof) return null;
  const n = sof.components.length;
  if (n === 1) return 'gray';
  if (n === 3) {
    if (hasJfif) return 'ycbcr';
    if (adobeTransform !== null) return adobeTransform === 0 ? 'rgb' : 'ycbcr';
    const [a, b, c] = sof.components.map((x) => x.id);
    if (a === ID_R && b === ID_G && c === ID_B) return 'rgb';
    return 'ycbcr';
  }
  if (n === 4) return adobeTransform === 2 ? 'ycck' : 'cmyk';
  return null;
}

/** Read the facts of a JPEG (bytes must start with SOI; otherwise `problem` is 'not-jpeg'). Never throws. */
export function readJpegFacts(b: Uint8Array): JpegFacts {
  const walk = walkJpeg(b);
  const metadata: string[] = [];
  const note = (m: string) => {
    if (!metadata.includes(m)) metadata.push(m);
  };
  let sof: SofInfo | null = null;
  let sofBad = false;
  let jfif: JfifInfo | null = null;
  let exif: ExifFacts | null = null;
  let adobeTransform: number | null = null;
  let dnlHeight: number | null = null;
  let sawScan = false;
  const tables = new Map<number, QuantTable>();

  for (const seg of walk.segments) {
    const m = seg.marker;
    const d = seg.dataStart;
    const len = seg.end - d;
    if (m === SOS) sawScan = true;
    else if (isSof(m)) {
      if (!sof && !sofBad) {
        sof = parseSof(b, seg);
        if (!sof || sof.width === 0 || sof.components.length === 0) {
          sofBad = true;
          sof = null;
        }
      }
    } else if (m === DQT) {
      if (!sawScan) for (const t of parseDqt(b, seg)) tables.set(t.id, t);
    } else if (m === DNL) {
      if (len >= 2) dnlHeight = u16be(b, d);
    } else if (m === APP0) {
      // Accept a JFIF segment that stops right after the densities (some writers drop the thumbnail size bytes).
      if (hasAscii(b, d, JFIF_ID) && len >= JFIF_YDENSITY_OFFSET + 2) {
        jfif ??= {
          dataStart: d,
          version: [u8(b, d + 5), u8(b, d + 6)],
          units: u8(b, d + JFIF_UNITS_OFFSET),
          xDensity: u16be(b, d + JFIF_XDENSITY_OFFSET),
          yDensity: u16be(b, d + JFIF_YDENSITY_OFFSET),
        };
      } else note('other-app');
    } else if (m === APP1) {
      if (hasAscii(b, d, 'Exif')) {
        note('exif');
        if (!exif) {
          exif = parseExifApp1(b, d, seg.end);
          if (exif.gps) note('gps');
        }
      } else if (hasAscii(b, d, XMP_ID) || hasAscii(b, d, XMP_EXT_ID)) note('xmp');
      else note('other-app');
    } else if (m === APP2) note(hasAscii(b, d, ICC_ID) ? 'icc' : 'other-app');
    else if (m === APP13) note(hasAscii(b, d, PHOTOSHOP_ID) ? 'iptc' : 'other-app');
    else if (m === APP14) {
      if (hasAscii(b, d, ADOBE_ID) && len >= 12) adobeTransform ??= u8(b, d + 11);
      else if (!hasAscii(b, d, ADOBE_ID)) note('other-app');
    } else if (m > APP2 && m <= APP15) note('other-app');
    else if (m === COM) note('comment');
  }
  if (sof && sof.height === 0 && dnlHeight) sof = { ...sof, height: dnlHeight };

  let quality: QualityEstimate | null = null;
  const lumaId = sof?.components[0]?.tq ?? 0;
  const luma = tables.get(lumaId);
  if (luma && sof?.marker !== 0xc3) {
    const chromaId = sof ? sof.components[1]?.tq : 1;
    const chroma = chromaId !== undefined && chromaId !== lumaId ? tables.get(chromaId) : undefined;
    quality = estimateQuality(luma.values, chroma?.values ?? null);
  }

  let problem: JpegProblem | null = walk.problem;
  let problemAt = walk.problemAt;
  if (sofBad && (problem === null || problem === 'bad-marker')) {
    problem = 'bad-frame';
    problemAt = null;
  }
  return {
    sof,
    tables: [...tables.values()],
    quality,
    jfif,
    exif,
    adobeTransform,
    colorSpace: jpegColorSpace(sof, jfif !== null, adobeTransform),
    metadata,
    end: walk.end,
    trailingBytes: walk.eoiOffset !== null ? b.length - walk.end : 0,
    problem,
    problemAt,
  };
}
