/**
 * The file layer: pure `Uint8Array` code, no DOM, no I/O. See docs/readme/jpeg.md.
 */
export { JpegParseError } from './errors.ts';
export { sniff, mimeOf, heifBrand, ftypBrands, pdfHeaderOffset, HEIF_BRANDS, PDF_HEADER_WINDOW } from './sniff.ts';
export type { SniffedFormat } from './sniff.ts';
export { inspectFile, extensionOf, FILE_PROBLEM_CODES } from './inspect.ts';
export type { FileProblem } from './inspect.ts';
export {
  walkJpeg, eoiOffset, entropyEnd, imageEnd, scanEntropyData, parseSof, parseDqt, isSof, ZIGZAG,
  SOI, EOI, SOF0, SOF1, SOF2, SOF3, DHT, DQT, DRI, SOS, APP0, APP1, APP2, APP13, APP14, APP15, COM,
} from './markers.ts';
export type { JpegSegment, JpegWalk, JpegProblem, SofInfo, QuantTable } from './markers.ts';
export { estimateQuality, ijgScale, ijgTable, IJG_LUMA, IJG_CHROMA } from './quality.ts';
export type { QualityEstimate } from './quality.ts';
export { readJpegFacts, estimateJpegQuality, jfifDpi, jpegColorSpace } from './jpeg-facts.ts';
export type { JpegFacts, JfifInfo, ColorSpace } from './jpeg-facts.ts';
export { parseTiffExif, parseExifApp1, exifDate } from './exif.ts';
export type { ExifFacts } from './exif.ts';
export { setJfifDensity, stripMetadata } from './edit.ts';
