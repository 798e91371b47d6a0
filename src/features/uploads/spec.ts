/**
 * Every number the uploads area uses, with the RULES.md ID it comes from. Numbers marked "ours" are this
 * tool's own tolerances (the manual gives none) and are shown to the user as advice, not as the platform's rule.
 */

/** U-BYTES: the platform accepts at most 4 MB; we always produce ≤ 4,000,000 bytes (passes under 1000 and 1024). */
export const MAX_BYTES = 4_000_000;
/** U-BYTES: between 4,000,000 and 4 MiB the reading of "4 MB" matters: a warn, never a pass. */
export const MAX_BYTES_MIB = 4 * 1024 * 1024;

/** U-FORMAT: the only formats the platform takes. */
export const ACCEPTED_KINDS = ['jpeg', 'pdf'] as const;

/** Ours: a certificate photo is readable when its long side has at least this many pixels. */
export const MIN_LONG_SIDE_PX = 1600;
/** Ours: below this the text of an A4 page is very likely unreadable (a warn even before any compression). */
export const TOO_SMALL_LONG_SIDE_PX = 1000;
/** Ours: we never keep more pixels than this on the long side (a 12 MP photo stays whole; 50 MP is halved). */
export const MAX_LONG_SIDE_PX = 4200;
/** Ours: JPEG quality never goes below this (keeps small print free of blocking artefacts). */
export const QUALITY_FLOOR = 0.6;
/** Qualities tried at every size, best first; all ≥ QUALITY_FLOOR. */
export const QUALITY_STEPS = [0.9, 0.82, 0.74, 0.66] as const;
/** Each size step keeps this share of the long side. */
export const SCALE_STEP = 0.85;

/** Merged PDF: at most this many page photos (the platform takes one file per item). */
export const MAX_PDF_PAGES = 20;
/** Bytes kept free in a merged PDF for its objects, page dictionaries and cross-reference table. */
export const PDF_OVERHEAD_BYTES = 16_000;
/** Long side of a merged PDF page, in millimetres (A4's long side); the short side follows the photo. */
export const PDF_PAGE_LONG_MM = 297;

/** Ours: sharpness score (see readability.ts) below which the picture is probably too blurry to read. */
export const BLUR_SCORE_MIN = 0.12;
/** Long side of the grey copy the sharpness score is measured on. */
export const SHARPNESS_SAMPLE_PX = 1024;

/** PDFs are inspected only up to this size: a larger one fails U-BYTES whatever its content (it is never read). */
export const MAX_PDF_INSPECT_BYTES = MAX_BYTES_MIB;
/** A PDF inspection (in the uploads worker) that takes longer than this is stopped: "could not be read". */
export const PDF_INSPECT_TIME_LIMIT_MS = 8000;
/** Pictures with more pixels than this are refused from their header, before decoding (as the photo area does). */
export const MAX_DECODE_PIXELS = 100_000_000;

/** Largest file we even try to read (a 200 MB "photo" is not a phone picture). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;
