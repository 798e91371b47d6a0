/**
 * codeReport: FileFacts (+ decoded pixels + detected faces) → the PhotoReport of CONTRACT.md ("PhotoReport (JSON)")
 * in codes and numbers. Every photo rule ID of RULES.md appears exactly once in `findings`, each with its message
 * `code` and `params`; the sentences are added once, at the report/embed boundary (src/i18n/photo.ts `wordReport`).
 */
import { analyzeImage, type FaceInput, type PhotoAnalysis } from './analyze.ts';
import type { PersonMask } from './background.ts';
import { buildFindings, type FindingCode } from './findings.ts';
import type { RgbaImage } from './measure.ts';
import type { FileFacts, Finding, PhotoReport, ReportMeasure } from './report-types.ts';

/** A finding before it is worded: the contract's Finding without `message`. */
export type CodedFinding = Omit<Finding, 'message' | 'code' | 'params' | 'official'> & { code: string; params: Record<string, string | number>; official: boolean };
/** A PhotoReport before it is worded. */
export type CodedReport = Omit<PhotoReport, 'findings'> & { findings: CodedFinding[] };

export interface BuildReportInput {
  /** What the file layer learned from the bytes (jpeg/inspect.ts `inspectFile`). */
  facts: FileFacts;
  /** Decoded, EXIF-oriented RGBA pixels; undefined when the file could not be decoded. */
  image?: RgbaImage;
  /** Faces from the detector: landmark arrays (478 × [x, y, z] px) or `{ landmarks }`. */
  faces: readonly FaceInput[];
  /** A precomputed analyzeImage() result (skips the pixel work). */
  measured?: PhotoAnalysis;
  /** Optional person mask from a segmenter (better background selection). */
  personMask?: PersonMask;
  /** Reference time (P-IMG-RECENT). */
  now: Date | number | string;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Width × height after EXIF orientation, from the pixels or else from the header. */
function orientedSize(facts: FileFacts, image?: RgbaImage): [number, number] | [null, null] {
  if (image) return [image.width, image.height];
  if (facts.storedWidth === null || facts.storedHeight === null) return [null, null];
  return facts.orientation >= 5 && facts.orientation <= 8 ? [facts.storedHeight, facts.storedWidth] : [facts.storedWidth, facts.storedHeight];
}

function toFinding(f: FindingCode): CodedFinding {
  return {
    rule: f.rule,
    status: f.status,
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    code: f.code,
    params: f.params,
    official: f.official,
  };
}

export function codeReport(input: BuildReportInput): CodedReport {
  const { facts, image } = input;
  const now = input.now instanceof Date ? input.now : new Date(input.now);
  let analysis: PhotoAnalysis | null = null;
  if (input.measured) analysis = input.measured;
  else if (image) analysis = analyzeImage(image, input.faces, { personMask: input.personMask });
  const [width, height] = orientedSize(facts, image);
  const codes = buildFindings({ facts, width, height, analysis, now });
  const findings = codes.map(toFinding);
  const face = analysis?.face ?? null;
  let measure: ReportMeasure | null = null;
  if (analysis && analysis.faces === 1 && face) {
    const bg = analysis.background;
    measure = {
      headTopPx: Math.round(face.headTopPx),
      eyeYPx: r2(face.eyeYPx),
      eyeLeft: [r2(face.eyeLeft[0]), r2(face.eyeLeft[1])],
      eyeRight: [r2(face.eyeRight[0]), r2(face.eyeRight[1])],
      faceWidthPx: r2(face.faceWidthPx),
      faceCenterXPx: r2(face.faceCenterXPx),
      rollDeg: r2(face.rollDeg),
      yawDeg: r2(face.yawDeg),
      pitchDeg: r2(face.pitchDeg),
      bgRgb: bg ? bg.rgb : null,
      bgDeltaE: bg ? { blue: r2(bg.deltaE.blue), white: r2(bg.deltaE.white) } : null,
    };
  }
  const worst = findings.some((f) => f.status === 'fail') ? 'fail' : findings.some((f) => f.status === 'warn') ? 'warn' : 'pass';
  return {
    schema: 1,
    verdict: worst,
    file: {
      name: facts.name,
      bytes: facts.bytes,
      mime: facts.mime,
      width: width ?? 0,
      height: height ?? 0,
      dpi: facts.dpi,
      components: facts.components,
      bitsPerSample: facts.bitsPerSample,
      quality: facts.quality,
      progressive: facts.progressive,
    },
    faces: analysis ? analysis.faces : 0,
    measure,
    findings,
  };
}
