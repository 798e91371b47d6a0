/**
 * The photo pipeline, run inside the photo worker: bytes → FileFacts → decode → faces → measurements → PhotoReport,
 * and the fixer: framing → (segmentation → matte → background) → compose 480×640 → honest JPEG → re-check.
 * Pure core modules do the maths; this file only orders the steps and moves pixels between them.
 */
import { inspectFile } from '../../../lib/jpeg/inspect.ts';
import type { FileFacts, PhotoReport } from '../report-types.ts';
import type { Refusal } from '../service-types.ts';
import { codeReport, type BuildReportInput } from '../report.ts';
import { photoMessage, wordReport } from '../../../i18n/photo.ts';
import { analyzeImage } from '../analyze.ts';
import { solveFraming } from '../crop.ts';
import { BG_LIGHT_BLUE, BG_WHITE, CONTINUE_MAX_PX, CROP_SEGMENT_MAX_SHARE, HEAD_VIEW, WIDE_VIEW, averageMasks, padAcrossPerson, scaleArea, segmentationArea, type PersonMaskInput, type Rgb } from '../compose.ts';
import { renderPhoto } from '../encode-pipeline.ts';
import type { Landmarks } from '../vision-types.ts';
import type { FaceDetector, PersonSegmenter } from './detector.ts';
import { drawnScore } from '../plausibility.ts';
import { maskShare, otherFaceBoxes, scanWindows, type Box, type HeadGeometry } from '../other-faces.ts';
import { decodeToBitmap, bitmapToRgba, MAX_DECODE_PIXELS, type RgbaImage } from '../../../platform/decode.ts';

/** The contract's report (zh-CN sentences), worded once here at the worker's boundary. */
const buildReport = (input: BuildReportInput): PhotoReport => wordReport(codeReport(input), 'zh-CN');

export interface PipelineDeps {
  detector: () => Promise<FaceDetector>;
  segmenter: () => Promise<PersonSegmenter>;
  /** Decode HEIC/HEIF bytes (lazily loaded libheif); returns an ImageBitmap. */
  decodeHeic?: (bytes: Uint8Array) => Promise<ImageBitmap>;
  progress?: (stage: string) => void;
  now?: () => Date;
}

/** Formats the browser decodes itself (GIF: first frame). */
const BROWSER_DECODABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'bmp']);
/**
 * Longest side of the pixels the pipeline works on: larger photos are decoded straight to a reduced copy (the
 * browser's decoder scales while decoding), measured there, and the measurements mapped back to the photo's pixels.
 * 2600 px is more than five times the 480 px output, so the fix loses nothing.
 */
const WORK_MAX_SIDE = 2600;
/**
 * Longest side for a check only (no fix): 1600 px still measures a phone photo's face at several hundred px —
 * far finer than the 480 × 640 it must fit — and saves about a third of a 12 MP check (smaller decode and pixel read).
 */
export const ANALYZE_MAX_SIDE = 1600;

/** Width × height after EXIF orientation, from the header (null when the header does not say). */
function orientedSize(f: FileFacts): [number, number] | null {
  if (!f.storedWidth || !f.storedHeight) return null;
  return f.orientation >= 5 && f.orientation <= 8 ? [f.storedHeight, f.storedWidth] : [f.storedWidth, f.storedHeight];
}

export interface Analysis {
  report: PhotoReport;
  facts: FileFacts;
  /** Present when the image decoded: its pixels (possibly reduced, see `scale`) and the faces found. */
  image?: RgbaImage;
  bitmap?: ImageBitmap;
  scale?: number;
  faces?: Landmarks[];
  drawnFaces?: number;
}

function scaleLandmarks(lm: Landmarks, s: number): Landmarks {
  return s === 1 ? lm : lm.map(([x, y, z]) => [x * s, y * s, z * s]);
}

/** Decode + detect + measure + report. Keeps the bitmap open for the fixer (caller closes it). */
export async function analyzeBytes(bytes: Uint8Array, name: string, deps: PipelineDeps, workMaxSide = WORK_MAX_SIDE): Promise<Analysis> {
  const now = deps.now?.() ?? new Date();
  const facts = inspectFile(bytes, name);
  const decodable = BROWSER_DECODABLE.has(facts.format) || (facts.format === 'heic' && !!deps.decodeHeic);
  const tooLarge = (facts.storedWidth ?? 0) * (facts.storedHeight ?? 0) > MAX_DECODE_PIXELS;
  if (!decodable || tooLarge) {
    const problem = tooLarge ? 'too-large-to-decode' : facts.problem;
    return { facts, report: buildReport({ facts: { ...facts, problem }, faces: [], now }) };
  }
  let bitmap: ImageBitmap;
  try {
    const size = orientedSize(facts);
    const long = size ? Math.max(size[0], size[1]) : 0;
    const resize = size && long > workMaxSide && facts.orientation === 1 && facts.format !== 'gif' ? { width: Math.round((size[0] * workMaxSide) / long), height: Math.round((size[1] * workMaxSide) / long) } : undefined;
    bitmap = facts.format === 'heic' ? await deps.decodeHeic!(bytes) : await decodeToBitmap(bytes, facts.mime, resize);
  } catch (err) {
    console.warn('photo decode failed', err);
    const problem = 'decode';
    return { facts, report: buildReport({ facts: { ...facts, problem }, faces: [], now }) };
  }
  deps.progress?.('detect');
  let det: Awaited<ReturnType<FaceDetector['detect']>>;
  let px: ReturnType<typeof bitmapToRgba>;
  try {
    const detector = await deps.detector();
    det = await detector.detect(bitmap, bitmap.width, bitmap.height);
    px = bitmapToRgba(bitmap, workMaxSide);
  } catch (err) {
    bitmap.close(); // the caller only closes what it gets back
    throw err;
  }
  const image: RgbaImage = { width: px.width, height: px.height, data: px.data };
  // Landmarks in the measured image's pixels; drawings (anime, cartoons) are not photographs of a person.
  const all = det.faces.map((f) => scaleLandmarks(f.landmarks, px.scale));
  const faces = all.filter((lm) => !drawnScore(image, lm).drawn);
  deps.progress?.('measure');
  // Pixels of the measured image per pixel of the photo (decode-time and read-time reductions together).
  const full = orientedSize(facts) ?? [bitmap.width, bitmap.height];
  const scale = image.width / full[0];
  let report: PhotoReport;
  if (image.width === full[0]) report = buildReport({ facts, image, faces, now });
  else {
    // Measured on the reduced copy; the file's own size comes from its header, the positions are mapped back.
    report = unscaleMeasure(buildReport({ facts, faces, now, measured: analyzeImage(image, faces) }), scale);
  }
  return { facts, report, image, bitmap, scale, faces, drawnFaces: all.length - faces.length };
}

/** The report's `measure` must be in pixels of THIS image: undo the reduction used for measuring. */
function unscaleMeasure(report: PhotoReport, s: number): PhotoReport {
  const m = report.measure;
  if (!m) return report;
  const k = 1 / s;
  return {
    ...report,
    measure: {
      ...m,
      headTopPx: m.headTopPx * k,
      eyeYPx: m.eyeYPx * k,
      eyeLeft: [m.eyeLeft[0] * k, m.eyeLeft[1] * k],
      eyeRight: [m.eyeRight[0] * k, m.eyeRight[1] * k],
      faceWidthPx: m.faceWidthPx * k,
      faceCenterXPx: m.faceCenterXPx * k,
    },
  };
}

/** Longest side given to the person segmenter (its model works at 256×256; more only costs the resize). */
const SEGMENT_MAX_SIDE = 1024;

/** The person-probability mask of a decoded photo, as the fixer uses it (also the `segment` debug op). */
export async function segmentBitmap(seg: PersonSegmenter, bmp: ImageBitmap, crop?: { x: number; y: number; width: number; height: number }): Promise<{ data: Float32Array; width: number; height: number }> {
  const c = crop ?? { x: 0, y: 0, width: bmp.width, height: bmp.height };
  const long = Math.max(c.width, c.height);
  const k = Math.min(1, SEGMENT_MAX_SIDE / long);
  const whole = !crop && k === 1;
  const size = { resizeWidth: Math.max(1, Math.round(c.width * k)), resizeHeight: Math.max(1, Math.round(c.height * k)), resizeQuality: 'high' as const };
  const input = whole ? bmp : await createImageBitmap(bmp, c.x, c.y, c.width, c.height, size);
  try {
    return await seg.segment(input);
  } finally {
    if (input !== bmp) input.close();
  }
}

/**
 * Bystanders' faces beside the candidate's head (other-faces.ts): the face detector on small windows of the bitmap
 * where the whole-photo mask has person, the detections that cannot be the candidate, as boxes in OUTPUT px of the
 * framing (the matte drops their zone).
 */
async function findOtherFaces(detector: FaceDetector, bmp: ImageBitmap, image: { width: number; height: number }, head: HeadGeometry, framing: { rect: { x: number; y: number; width: number; height: number }; scale: number }, wholeMask: { data: Float32Array; width: number; height: number }): Promise<Box[]> {
  const { rect } = framing;
  const bounds = { x0: Math.max(0, rect.x), y0: Math.max(0, rect.y), x1: Math.min(image.width, rect.x + rect.width), y1: Math.min(image.height, rect.y + rect.height) };
  const windows = scanWindows(head, bounds, (b) => maskShare(wholeMask, image.width, image.height, b));
  const k = bmp.width / image.width; // measured image px → bitmap px
  const hits: Box[] = [];
  for (const b of windows) {
    const x = Math.max(0, Math.floor(b.x0 * k)), y = Math.max(0, Math.floor(b.y0 * k));
    const w = Math.min(bmp.width - x, Math.round((b.x1 - b.x0) * k)), h = Math.min(bmp.height - y, Math.round((b.y1 - b.y0) * k));
    if (w < 8 || h < 8) continue;
    const crop = await createImageBitmap(bmp, x, y, w, h);
    try {
      // the search is an extra: a window the detector cannot take is skipped, the fix goes on
      const r = await detector.detect(crop, w, h).catch(() => null);
      for (const f of r?.faces ?? []) {
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (const [px, py] of f.landmarks) (x0 = Math.min(x0, px)), (x1 = Math.max(x1, px)), (y0 = Math.min(y0, py)), (y1 = Math.max(y1, py));
        hits.push({ x0: (x + x0) / k, y0: (y + y0) / k, x1: (x + x1) / k, y1: (y + y1) / k });
      }
    } finally {
      crop.close();
    }
  }
  const s = framing.scale;
  return otherFaceBoxes(hits, head).map((b) => ({ x0: (b.x0 - rect.x) * s, y0: (b.y0 - rect.y) * s, x1: (b.x1 - rect.x) * s, y1: (b.y1 - rect.y) * s }));
}

/** A refusal with its contract sentence. */
function refuse(before: PhotoReport, after: PhotoReport | null, changes: FixResult['changes'], refusal: Refusal): FixResult {
  return { photo: null, before, after, changes, refusal, reason: photoMessage('zh-CN', refusal.code, refusal.params) };
}

export type FixBackground = 'auto' | 'keep' | 'blue' | 'white';

export interface FixResult {
  photo: ArrayBuffer | null;
  before: PhotoReport;
  after: PhotoReport | null;
  /** Why no photo could be made, as a message code + params (photo dictionary 'photo.refuse.*'); every language words it. */
  refusal?: Refusal;
  /** The same in zh-CN, as CONTRACT.md's `zk-precheck:fixed` carries it. */
  reason?: string;
  changes: { key: string; params?: Record<string, string | number> }[];
  quality?: number;
  bytes?: number;
  encodes?: number;
  /** The crop of the made photo, in px of the decoded photo (diagnostics and the e2e matte test). */
  framing?: { rect: { x: number; y: number; width: number; height: number }; scale: number };
}


const BG_FAILS = (r: PhotoReport) =>
  r.findings.some((f) => (f.rule === 'P-BG-COLOR' && f.status === 'fail') || (f.rule === 'P-BG-UNIFORM' && (f.status === 'fail' || f.status === 'warn')));

function nearestReference(r: PhotoReport): { colour: Rgb; key: 'blue' | 'white' } {
  const d = r.measure?.bgDeltaE;
  return d && d.white < d.blue ? { colour: BG_WHITE, key: 'white' } : { colour: BG_LIGHT_BLUE, key: 'blue' };
}

export async function fixBytes(bytes: Uint8Array, name: string, background: FixBackground, deps: PipelineDeps): Promise<FixResult> {
  const a = await analyzeBytes(bytes, name, deps);
  const before = a.report;
  try {
    if (!a.image || !a.bitmap || !a.faces || a.faces.length !== 1 || !before.measure) {
      return refuse(before, null, [], noFaceRefusal(a));
    }
    const m = before.measure;
    const scale = a.scale ?? 1;
    const image = a.image;
    // Geometry in the measured image's pixels (the same pixels compose reads).
    let geom = { headTopPx: m.headTopPx * scale, eyeYPx: m.eyeYPx * scale, faceWidthPx: m.faceWidthPx * scale, faceCenterXPx: m.faceCenterXPx * scale };
    const replace = background === 'blue' || background === 'white' || (background === 'auto' && BG_FAILS(before));
    const target = background === 'blue' ? { colour: BG_LIGHT_BLUE, key: 'blue' as const } : background === 'white' ? { colour: BG_WHITE, key: 'white' as const } : nearestReference(before);
    let mask: { data: Float32Array; width: number; height: number } | null = null;
    const getMask = async () => {
      if (mask) return mask;
      deps.progress?.('segment');
      mask = await segmentBitmap(await deps.segmenter(), a.bitmap!);
      return mask;
    };
    /** The segmenter's mask of `area` (measured image px) alone, cropped from the decoded bitmap. */
    const segmentArea = async (area: { x: number; y: number; width: number; height: number }): Promise<PersonMaskInput> => {
      const bmp = a.bitmap!;
      const k = bmp.width / image.width; // measured image px → bitmap px
      const x = Math.floor(area.x * k), y = Math.floor(area.y * k);
      const crop = { x, y, width: Math.max(1, Math.min(bmp.width - x, Math.round(area.width * k))), height: Math.max(1, Math.min(bmp.height - y, Math.round(area.height * k))) };
      deps.progress?.('segment');
      const m = await segmentBitmap(await deps.segmenter(), bmp, crop);
      return { ...m, area: { x: crop.x / k, y: crop.y / k, width: crop.width / k, height: crop.height / k } };
    };
    const outName = name.replace(/\.[^.]*$/, '') + '_480x640.jpg';
    let result: FixResult | null = null;
    // Two attempts at most: when the re-check finds the framing off (e.g. dark hair on a dark background hid the true
    // hair top until the background was replaced), frame again from what the re-check measured.
    for (let attempt = 0; attempt < 2; attempt++) {
      let framing = solveFraming({ srcWidth: image.width, srcHeight: image.height, ...geom });
      if (!framing.ok) return result ?? refuse(before, null, [], { code: framingRefusalCode(framing.code), params: { ratio: framing.ratio.toFixed(2) } });
      let padded = framing.pad.top + framing.pad.bottom + framing.pad.left + framing.pad.right > 0;
      // the whole-photo mask decides about pads beside the body; the matte may come from the crop's own (below)
      const personMask = padded ? await getMask() : null;
      // below the chin (about 0.8 face widths under the eye line) the pad may continue the shoulders, never above
      const continuePersonFromY = framing.out.eyeYPx + 0.8 * framing.out.faceWidthPx;
      // Honest framing: a pad beside the body (shoulders or chest cut by the photo's edge) could only be a flat band of
      // background or copied streaks — refuse it (the solver already chose the framing with the least such pad).
      if (padded && personMask) {
        let cut = padAcrossPerson(personMask, image.width, image.height, framing.rect, continuePersonFromY);
        if (cut.left > CONTINUE_MAX_PX || cut.right > CONTINUE_MAX_PX) {
          // a shoulder cut by a side edge: move the crop sideways within the centring tolerance, if that helps
          const moved = solveFraming({ srcWidth: image.width, srcHeight: image.height, ...geom, avoidSidePad: true });
          if (moved.ok) {
            framing = moved;
            padded = framing.pad.top + framing.pad.bottom + framing.pad.left + framing.pad.right > 0;
            cut = padAcrossPerson(personMask, image.width, image.height, framing.rect, continuePersonFromY);
          }
        }
        const side = (['bottom', 'left', 'right'] as const).find((k) => cut[k] > CONTINUE_MAX_PX);
        if (side) return result ?? refuse(before, null, [], { code: `photo.refuse.pad-body-${side}`, params: { px: Math.ceil(cut[side]) } });
      }
      deps.progress?.('compose');
      // the matte is made from the segmenter's view of the crop (head and shoulders) when that is clearly smaller than
      // the photo (a finer mask where it matters, see segmentationArea), averaged with a view of the same crop from a
      // little farther, else from the whole-photo mask; a second view must agree on the person's core — the whole photo
      // for the crop, a closer view of the head for the whole photo (the segmenter's mistakes change with the view, e.g.
      // a dog taken for a shoulder; the person does not)
      let matteMask: PersonMaskInput | null = personMask;
      let confirmMask: PersonMaskInput | null = null;
      if (replace) {
        const area = segmentationArea(framing.rect, image.width, image.height);
        if (area.width * area.height < CROP_SEGMENT_MAX_SHARE * image.width * image.height) {
          const wide = await segmentArea(scaleArea(area, WIDE_VIEW, image.width, image.height));
          matteMask = averageMasks(await segmentArea(area), wide, image.width, image.height);
          confirmMask = await getMask();
        } else {
          matteMask = await getMask();
          confirmMask = await segmentArea(scaleArea(area, HEAD_VIEW, image.width, image.height));
        }
      }
      // a bystander half hidden behind the head is person to the segmenter: find its face, the matte drops it
      const otherFaces = replace ? await findOtherFaces(await deps.detector(), a.bitmap, image, geom, framing, await getMask()) : [];
      const r = renderPhoto(image, framing.rect, { personMask: matteMask, confirmMask, background: replace && matteMask ? target.colour : 'keep', continuePersonFromY, face: framing.out, otherFaces });
      const enc = r.encode;
      const changes: FixResult['changes'] = [];
      changes.push({ key: 'photoui.change.scale', params: { percent: Math.round(framing.scale * scale * 100) } });
      if (padded) changes.push({ key: 'photoui.change.pad', params: { top: Math.round(framing.pad.top), bottom: Math.round(framing.pad.bottom), left: Math.round(framing.pad.left), right: Math.round(framing.pad.right) } });
      if (r.backgroundReplaced) changes.push({ key: `photoui.change.bg.${target.key}` });
      if (r.backgroundReplaced && otherFaces.length) changes.push({ key: 'photoui.change.bystander', params: { count: otherFaces.length } });
      if (!enc.ok || !enc.bytes) return refuse(before, null, changes, { code: encodeRefusalCode(enc.failure ?? 'no-fit'), params: {} });
      changes.push({ key: 'photoui.change.encode', params: { quality: enc.quality, bytes: enc.bytes.length, subsampling: enc.subsampling, encodes: enc.encodes } });
      if (enc.denoise > 0) changes.push({ key: 'photoui.change.denoise', params: { level: enc.denoise } });
      deps.progress?.('recheck');
      const check = await analyzeBytes(enc.bytes, outName, deps);
      check.bitmap?.close();
      const after = check.report;
      const fails = after.findings.filter((f) => f.status === 'fail').map((f) => f.rule);
      if (!fails.length) {
        const k = 1 / scale; // measured image px → photo px
        const rect = { x: framing.rect.x * k, y: framing.rect.y * k, width: framing.rect.width * k, height: framing.rect.height * k };
        return { photo: enc.bytes.slice().buffer, before, after, changes, quality: enc.quality, bytes: enc.bytes.length, encodes: enc.encodes, framing: { rect, scale: framing.scale * scale } };
      }
      result = refuse(before, after, changes, { code: 'photo.refuse.still-fails', params: { rules: fails.join(', ') } });
      const am = after.measure;
      if (!am || !fails.every((f) => f.startsWith('P-GEO-'))) break;
      // Map the output measurements back into the measured image.
      const k = 1 / framing.scale;
      geom = {
        headTopPx: framing.rect.y + am.headTopPx * k,
        eyeYPx: framing.rect.y + am.eyeYPx * k,
        faceWidthPx: am.faceWidthPx * k,
        faceCenterXPx: framing.rect.x + am.faceCenterXPx * k,
      };
    }
    return result!;
  } finally {
    a.bitmap?.close();
  }
}

function noFaceRefusal(a: Analysis): Refusal {
  if (!a.image) return { code: 'photo.refuse.unreadable', params: {} };
  const n = a.faces?.length ?? 0;
  if (n === 0 && (a.drawnFaces ?? 0) > 0) return { code: 'photo.refuse.drawn', params: {} };
  if (n === 0) return { code: 'photo.refuse.no-face', params: {} };
  return { code: 'photo.refuse.faces', params: { faces: n } };
}

function framingRefusalCode(code: string): string {
  return code === 'head-too-short' || code === 'head-too-long' ? `photo.refuse.${code}` : 'photo.refuse.unmeasurable';
}

function encodeRefusalCode(failure: string): string {
  return failure === 'too-large' || failure === 'too-small' ? `photo.refuse.${failure}` : 'photo.refuse.no-fit';
}
