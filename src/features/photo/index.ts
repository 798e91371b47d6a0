/** The pure photo engine: one import point for the worker, the fixer and the UI. */
export { PHOTO_SPEC, PHOTO_RULES, FRAMING_RULES, rangeText, type PhotoRule, type Limit, type Range } from './photo-spec.ts';
export { rgbToLab, rgbToL, deltaE2000, deltaERgb, chroma, type Lab, type Rgb } from './color.ts';
export { measureFace, findHeadTop, landmarkHeadTop, LM, type FaceLandmarks, type FaceMeasurement, type HeadTop, type RgbaImage, type Point3 } from './measure.ts';
export {
  analyzeBackground, clothesContrast, faceImageStats, detectBorders, chromaP995, inPersonRegion,
  type BackgroundStats, type ClothesStats, type FaceImageStats, type BorderStats, type PersonMask, type Side,
} from './background.ts';
export { solveFraming, toOutput, type Framing, type FramingFailure, type FramingInput, type FramingResult, type FramingFailCode, type SourceRect } from './crop.ts';
export { analyzeImage, landmarksOf, type PhotoAnalysis, type FaceInput, type AnalyzeOptions } from './analyze.ts';
export { buildFindings, formatName, type FindingCode, type FindingParams, type FindingsInput } from './findings.ts';
export { codeReport, type BuildReportInput, type CodedFinding, type CodedReport } from './report.ts';
export type { PhotoReport, Finding, FileFacts, Status, ReportMeasure, ReportFile } from './report-types.ts';
