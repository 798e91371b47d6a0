/**
 * `inspectFile(bytes, name)`: the file layer's one entry point for the checker — what the bytes really are and
 * what their headers say, before any decoding. Never throws: damage is reported in `problem`.
 *
 * NOTE what is not handled: SVG/HTML/PDF report the format only; EXIF orientation of HEIC (`irot`) is not
 * read. See the NOTEs of markers.ts, exif.ts, jpeg-facts.ts and other-formats.ts for the per-format limits.
 */
import type { FileFacts } from './file-facts.ts';
import { jfifDpi, readJpegFacts } from './jpeg-facts.ts';
import { bmpFacts, gifFacts, heicFacts, pngFacts, tiffFacts, webpFacts, type HeaderFacts } from './other-formats.ts';
import { heifBrand, mimeOf, sniff } from './sniff.ts';

/**
 * Every `FileFacts.problem` code this layer produces (for message tables: key e.g. `photo.fileProblem.<code>`).
 * JPEG: see `JpegProblem` in markers.ts. PNG/WebP/TIFF: 'truncated', 'bad-chunk'. Any format: 'unreadable'
 * (a last-resort guard that the fuzz tests show is never reached).
 */
export const FILE_PROBLEM_CODES = [
  'not-jpeg', 'truncated', 'bad-marker', 'bad-length', 'no-frame', 'no-scan', 'bad-frame', 'bad-chunk', 'unreadable',
] as const;
export type FileProblem = (typeof FILE_PROBLEM_CODES)[number];

/** Lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').trim();
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

function blank(bytes: Uint8Array, name: string): FileFacts {
  const format = sniff(bytes);
  return {
    name,
    bytes: bytes.length,
    format,
    mime: mimeOf(format),
    extension: extensionOf(name),
    storedWidth: null,
    storedHeight: null,
    orientation: 1,
    dpi: null,
    dpiSource: null,
    components: null,
    bitsPerSample: null,
    quality: null,
    progressive: null,
    colorSpace: null,
    trailingBytes: 0,
    dateTimeOriginal: null,
    metadata: [],
    problem: null,
  };
}

function fromHeader(f: FileFacts, h: HeaderFacts): FileFacts {
  return {
    ...f,
    storedWidth: h.width,
    storedHeight: h.height,
    orientation: h.orientation ?? 1,
    dpi: h.dpi,
    dpiSource: null,
    components: h.components,
    bitsPerSample: h.bitsPerSample,
    colorSpace: h.colorSpace,
    dateTimeOriginal: h.dateTimeOriginal,
    metadata: h.metadata,
    problem: h.problem,
  };
}

/** Inspect any uploaded file. `name` is only used for `extension`; the format comes from the bytes. */
export function inspectFile(bytes: Uint8Array, name: string): FileFacts {
  const f = blank(bytes, name);
  try {
    switch (f.format) {
      case 'jpeg': {
        const j = readJpegFacts(bytes);
        const jfif = jfifDpi(j.jfif);
        const exifDpi = j.exif?.dpi ?? null;
        return {
          ...f,
          storedWidth: j.sof?.width ?? null,
          storedHeight: j.sof && j.sof.height > 0 ? j.sof.height : null,
          orientation: j.exif?.orientation ?? 1,
          dpi: jfif ?? exifDpi,
          dpiSource: jfif ? 'jfif' : exifDpi ? 'exif' : null,
          components: j.sof?.components.length ?? null,
          bitsPerSample: j.sof?.precision ?? null,
          quality: j.quality?.quality ?? null,
          qualityExact: j.quality?.exact ?? null,
          progressive: j.sof ? j.sof.progressive : null,
          colorSpace: j.colorSpace,
          trailingBytes: j.trailingBytes,
          dateTimeOriginal: j.exif?.dateTimeOriginal ?? null,
          metadata: j.metadata,
          problem: j.problem,
          problemAt: j.problemAt,
          jfif: j.jfif !== null,
        };
      }
      case 'png':
        return fromHeader(f, pngFacts(bytes));
      case 'webp':
        return fromHeader(f, webpFacts(bytes));
      case 'gif':
        return fromHeader(f, gifFacts(bytes));
      case 'bmp':
        return fromHeader(f, bmpFacts(bytes));
      case 'tiff':
        return fromHeader(f, tiffFacts(bytes));
      case 'heic': {
        const brand = heifBrand(bytes);
        const g = fromHeader(f, heicFacts(bytes));
        return brand === 'avif' || brand === 'avis' ? { ...g, mime: 'image/avif' } : g;
      }
      default:
        return f;
    }
  } catch {
    // Every parser is bounds-checked; this is a last guard so the UI never sees an exception from bad bytes.
    return { ...f, problem: 'unreadable' };
  }
}
