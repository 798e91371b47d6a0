/**
 * Verdict and plan for one candidate file (U-FORMAT, U-BYTES): what is wrong, in codes the UI translates, and
 * what the tool will do about it. Pure: facts in (sniffed kind, size, decoded image size, PDF structure), no I/O.
 */
import { MAX_BYTES, MAX_BYTES_MIB, MAX_DECODE_PIXELS, MAX_PDF_INSPECT_BYTES, MIN_LONG_SIDE_PX, PDF_INSPECT_TIME_LIMIT_MS, TOO_SMALL_LONG_SIDE_PX } from './spec.ts';
import { extensionMatches, isImageKind, nameExtension, type FileKind } from './sniff.ts';
import type { PdfInfo } from './pdf-inspect.ts';
import type { Sharpness } from './readability.ts';

import type { RuleFinding, Status } from '../../lib/finding.ts';
import { worstStatus } from '../../lib/finding.ts';

export type Severity = Status;
export type UploadRule = 'U-FORMAT' | 'U-BYTES';

export type UploadCode =
  | 'empty' | 'unknown' | 'unsupported' | 'ext-mismatch' | 'needs-conversion' | 'too-big' | 'pdf-too-big' | 'bytes-ambiguous'
  | 'pdf-encrypted' | 'pdf-truncated' | 'pdf-no-pages' | 'pdf-bad-xref' | 'pdf-pages' | 'pdf-unreadable' | 'pdf-timeout' | 'pdf-not-inspected'
  | 'image-undecodable' | 'image-too-large' | 'image-too-small' | 'image-small' | 'image-blurry' | 'image-blank' | 'ok';

/** One upload finding (the shared shape); `params` are numbers in their unit (bytes, px, pages), `kind`/`ext` codes. */
export type UploadFinding = RuleFinding<UploadRule, UploadCode>;

/** What the tool does with the file. */
export type Action =
  /** Already acceptable: offer it back unchanged. */
  | 'keep'
  /** A JPEG/PDF with the wrong extension: same bytes, corrected name. */
  | 'rename'
  /** Not JPEG: decode and write a JPEG (compressing as needed). */
  | 'convert'
  /** A JPEG over the limit: re-encode smaller. */
  | 'compress'
  /** Nothing the tool can do in the browser; the finding says how to fix it. */
  | 'reject';

export interface FileFacts {
  name: string;
  bytes: number;
  kind: FileKind;
  /** Decoded picture (after EXIF orientation); null when decoding failed; undefined when not tried. */
  image?: { width: number; height: number; sharpness?: Sharpness | null } | null;
  pdf?: PdfInfo;
  /** Stored size read from the header when it is over MAX_DECODE_PIXELS: the picture was not decoded. */
  tooLarge?: { width: number; height: number };
}

export interface Assessment {
  findings: UploadFinding[];
  /** Worst severity among findings (info/pass count as pass). */
  verdict: 'pass' | 'warn' | 'fail';
  action: Action;
}

export function worst(findings: readonly UploadFinding[]): Assessment['verdict'] {
  return worstStatus(findings);
}

function imageFindings(facts: FileFacts, out: UploadFinding[]): void {
  const img = facts.image;
  if (!img) return;
  const long = Math.max(img.width, img.height);
  const dims = { width: img.width, height: img.height, longSide: long, min: MIN_LONG_SIDE_PX };
  if (long < TOO_SMALL_LONG_SIDE_PX) out.push({ code: 'image-too-small', rule: 'U-FORMAT', status: 'warn', params: { ...dims, min: TOO_SMALL_LONG_SIDE_PX }, official: false });
  else if (long < MIN_LONG_SIDE_PX) out.push({ code: 'image-small', rule: 'U-FORMAT', status: 'info', params: dims, official: false });
  const sh = img.sharpness;
  if (sh?.blank) out.push({ code: 'image-blank', rule: 'U-FORMAT', status: 'warn', params: { contrast: sh.contrast }, official: false });
  else if (sh?.blurry) out.push({ code: 'image-blurry', rule: 'U-FORMAT', status: 'warn', params: { score: Math.round(sh.score * 100) / 100 }, official: false });
}

export function assess(facts: FileFacts): Assessment {
  const f: UploadFinding[] = [];
  const { kind, bytes, name } = facts;
  const ext = nameExtension(name);
  const done = (action: Action): Assessment => {
    if (worst(f) === 'pass' && !f.some((x) => x.status === 'pass')) f.push({ code: 'ok', rule: 'U-FORMAT', status: 'pass', params: { kind, bytes }, official: true });
    return { findings: f, verdict: worst(f), action };
  };

  if (kind === 'empty' || bytes === 0) {
    f.push({ code: 'empty', rule: 'U-FORMAT', status: 'fail', params: { bytes: 0 }, official: true });
    return done('reject');
  }
  if (kind === 'unknown' || kind === 'zip' || kind === 'tiff') {
    f.push({ code: kind === 'unknown' ? 'unknown' : 'unsupported', rule: 'U-FORMAT', status: 'fail', params: { kind, ext: ext || '-' }, official: true });
    return done('reject');
  }

  const mismatch = !extensionMatches(name, kind);
  // > 4 MiB fails under any reading of "4 MB"; 4,000,000 < bytes ≤ 4 MiB depends on the reading (warn), and the
  // tool still brings it under 4,000,000 (product target, U-BYTES).
  const tooBig = bytes > MAX_BYTES_MIB;
  const ambiguous = !tooBig && bytes > MAX_BYTES;
  if (kind === 'pdf') {
    const pdf = facts.pdf;
    if (mismatch) f.push({ code: 'ext-mismatch', rule: 'U-FORMAT', status: 'fail', params: { ext: ext || '-', kind }, official: true });
    if (pdf?.problems.includes('timeout')) f.push({ code: 'pdf-timeout', rule: 'U-FORMAT', status: 'fail', params: { seconds: PDF_INSPECT_TIME_LIMIT_MS / 1000 }, official: false });
    else if (pdf?.problems.includes('unreadable')) f.push({ code: 'pdf-unreadable', rule: 'U-FORMAT', status: 'fail', official: true });
    if (pdf?.encrypted) f.push({ code: 'pdf-encrypted', rule: 'U-FORMAT', status: 'fail', official: true });
    if (pdf?.problems.includes('no-eof')) f.push({ code: 'pdf-truncated', rule: 'U-FORMAT', status: 'fail', official: true });
    if (pdf?.problems.includes('no-pages') && !pdf.encrypted && !pdf.problems.includes('unreadable')) f.push({ code: 'pdf-no-pages', rule: 'U-FORMAT', status: 'fail', official: true });
    if (pdf?.problems.includes('bad-xref') && !pdf.problems.includes('no-eof')) f.push({ code: 'pdf-bad-xref', rule: 'U-FORMAT', status: 'warn', official: true });
    if (pdf?.pages) f.push({ code: 'pdf-pages', rule: 'U-FORMAT', status: 'info', params: { pages: pdf.pages }, official: true });
    if (tooBig) f.push({ code: 'pdf-too-big', rule: 'U-BYTES', status: 'fail', params: { bytes, max: MAX_BYTES }, official: true }, { code: 'pdf-not-inspected', rule: 'U-FORMAT', status: 'info', params: { max: MAX_PDF_INSPECT_BYTES }, official: true });
    else if (ambiguous) f.push({ code: 'bytes-ambiguous', rule: 'U-BYTES', status: 'warn', params: { bytes, max: MAX_BYTES }, official: true });
    const broken = f.some((x) => x.status === 'fail' && x.code !== 'ext-mismatch');
    return done(broken ? 'reject' : mismatch ? 'rename' : 'keep');
  }

  if (!isImageKind(kind)) {
    f.push({ code: 'unsupported', rule: 'U-FORMAT', status: 'fail', params: { kind, ext: ext || '-' }, official: true });
    return done('reject');
  }
  if (facts.tooLarge) {
    const { width, height } = facts.tooLarge;
    f.push({ code: 'image-too-large', rule: 'U-FORMAT', status: 'fail', params: { kind, width, height, megapixels: Math.round((width * height) / 1e6), max: Math.round(MAX_DECODE_PIXELS / 1e6) }, official: false });
    return done('reject');
  }
  if (facts.image === null) {
    f.push({ code: 'image-undecodable', rule: 'U-FORMAT', status: 'fail', params: { kind }, official: true });
    return done('reject');
  }
  if (kind !== 'jpeg') f.push({ code: 'needs-conversion', rule: 'U-FORMAT', status: 'fail', params: { kind, ext: ext || '-' }, official: true });
  else if (mismatch) f.push({ code: 'ext-mismatch', rule: 'U-FORMAT', status: 'fail', params: { ext: ext || '-', kind }, official: true });
  if (tooBig) f.push({ code: 'too-big', rule: 'U-BYTES', status: 'fail', params: { bytes, max: MAX_BYTES }, official: true });
  else if (ambiguous) f.push({ code: 'bytes-ambiguous', rule: 'U-BYTES', status: 'warn', params: { bytes, max: MAX_BYTES }, official: true });
  imageFindings(facts, f);
  const action: Action = kind !== 'jpeg' ? 'convert' : bytes > MAX_BYTES ? 'compress' : mismatch ? 'rename' : 'keep';
  return done(action);
}
