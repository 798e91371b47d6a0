/**
 * Rule findings as codes + numbers (no sentences): one per photo rule ID of RULES.md, in PHOTO_RULES order.
 * report.ts turns them into the PhotoReport (zh-CN messages via the i18n dictionaries 'photo.*'); the UI may
 * render the same codes in English.
 */
import type { FileFacts, Status } from './report-types.ts';
import type { RuleFinding } from '../../lib/finding.ts';
import type { PhotoAnalysis } from './analyze.ts';
import { PHOTO_RULES, PHOTO_SPEC, rangeText, type PhotoRule, type Range } from './photo-spec.ts';

export type FindingParams = Record<string, string | number>;

/** A photo finding: the shared RuleFinding (code = i18n key, e.g. 'photo.geo.eyes.low') plus what was measured. */
export interface FindingCode extends RuleFinding<PhotoRule> {
  /** What was measured, in the rule's unit. */
  value?: number | string;
  expected?: string;
  params: FindingParams;
}

export interface FindingsInput {
  facts: FileFacts;
  /** Pixel size after EXIF orientation (null when the image could not be decoded). */
  width: number | null;
  height: number | null;
  /** Null when the image could not be decoded. */
  analysis: PhotoAnalysis | null;
  /** Reference time for P-IMG-RECENT. */
  now: Date;
}

const S = PHOTO_SPEC;
const round = (v: number, d = 0) => {
  const k = 10 ** d;
  return Math.round(v * k) / k;
};

/** Amount (px) to move something from `v` into range `r`, landing `inset` px inside the nearer edge. */
function shiftInto(v: number, r: Range, inset = 10): number {
  if (v < r.min) return Math.round(Math.min(r.min + inset, (r.min + r.max) / 2) - v);
  if (v > r.max) return Math.round(v - Math.max(r.max - inset, (r.min + r.max) / 2));
  return 0;
}

const FORMAT_NAMES: Record<string, string> = {
  jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', heic: 'HEIC/HEIF', pdf: 'PDF', bmp: 'BMP', tiff: 'TIFF',
  svg: 'SVG', html: 'HTML', empty: 'empty', unknown: 'unknown',
};

export function formatName(f: string): string {
  return FORMAT_NAMES[f] ?? f;
}

export function buildFindings(input: FindingsInput): FindingCode[] {
  const { facts, analysis: a, now } = input;
  const w = input.width;
  const h = input.height;
  const decoded = a !== null;
  const isJpeg = facts.format === 'jpeg';
  const standard = w === S.width.value && h === S.height.value;
  const face = a?.face ?? null;
  const out: Partial<Record<PhotoRule, FindingCode>> = {};
  const put = (rule: PhotoRule, status: Status, code: string, params: FindingParams = {}, extra: Partial<FindingCode> = {}) => {
    out[rule] = { rule, status, code, params, official: true, ...extra };
  };
  /** Rule cannot be judged: no image or no single face. */
  const na = (rule: PhotoRule) => {
    if (!decoded) put(rule, 'info', 'photo.na.image');
    else if (!face) put(rule, 'info', a!.faces === 0 ? 'photo.na.noFace' : 'photo.na.manyFaces', { faces: a!.faces });
  };

  // ---- P-FMT-JPEG
  {
    const ext = facts.extension;
    const fmt = formatName(facts.format);
    if (!isJpeg) {
      put('P-FMT-JPEG', 'fail', decoded ? 'photo.fmt.jpeg.other' : 'photo.fmt.jpeg.undecodable', { format: fmt, ext: ext || '—' }, { value: fmt, expected: 'JPEG, .jpg' });
    } else if (facts.problem || !decoded) {
      const problem = facts.problem ?? 'decode';
      const key = JPEG_PROBLEMS.includes(problem) ? problem : 'other';
      put('P-FMT-JPEG', 'fail', `photo.fmt.jpeg.broken.${key}`, { problem, width: facts.storedWidth ?? 0, height: facts.storedHeight ?? 0 }, { value: problem, expected: 'JPEG, .jpg' });
    } else if (ext !== 'jpg') {
      put('P-FMT-JPEG', ext === 'jpeg' ? 'warn' : 'fail', 'photo.fmt.jpeg.ext', { ext: ext ? '.' + ext : '—' }, { value: ext ? '.' + ext : '—', expected: '.jpg' });
    } else if (facts.trailingBytes > 0) {
      put('P-FMT-JPEG', 'warn', 'photo.fmt.jpeg.trailing', { bytes: facts.trailingBytes }, { value: 'JPEG', expected: 'JPEG, .jpg' });
    } else {
      put('P-FMT-JPEG', 'pass', 'photo.fmt.jpeg.ok', {}, { value: 'JPEG', expected: 'JPEG, .jpg' });
    }
  }

  // ---- P-FMT-SIZE
  {
    const expected = `${S.width.value} × ${S.height.value} px`;
    if (w === null || h === null) put('P-FMT-SIZE', 'info', 'photo.na.image', {}, { expected });
    else if (standard) put('P-FMT-SIZE', 'pass', 'photo.fmt.size.ok', { width: w, height: h }, { value: `${w} × ${h} px`, expected });
    else put('P-FMT-SIZE', 'fail', 'photo.fmt.size.bad', { width: w, height: h }, { value: `${w} × ${h} px`, expected });
  }

  // ---- P-FMT-DPI
  {
    const expected = `${S.dpi.value} dpi`;
    const d = facts.dpi;
    if (!isJpeg) put('P-FMT-DPI', 'info', 'photo.fmt.dpi.notJpeg', {}, { expected, ...(d ? { value: `${round(d[0])} × ${round(d[1])} dpi` } : {}) });
    else if (!d) put('P-FMT-DPI', 'fail', 'photo.fmt.dpi.none', {}, { expected });
    else if (round(d[0]) === S.dpi.value && round(d[1]) === S.dpi.value) put('P-FMT-DPI', 'pass', 'photo.fmt.dpi.ok', {}, { value: `${round(d[0])} × ${round(d[1])} dpi`, expected });
    else put('P-FMT-DPI', 'fail', 'photo.fmt.dpi.bad', { x: round(d[0], 1), y: round(d[1], 1) }, { value: `${round(d[0], 1)} × ${round(d[1], 1)} dpi`, expected });
  }

  // ---- P-FMT-COLOR
  {
    const expected = '24 位真彩色（3 × 8 bit）';
    const bw = a !== null && a.chroma < S.maxGreyChroma.value;
    if (!isJpeg) {
      if (bw) put('P-FMT-COLOR', 'warn', 'photo.fmt.color.bw', { chroma: round(a!.chroma, 1) }, { value: 'B/W', expected });
      else put('P-FMT-COLOR', 'info', 'photo.fmt.color.notJpeg', {}, { expected });
    } else if (facts.components !== S.components.value || (facts.bitsPerSample !== null && facts.bitsPerSample !== S.bitsPerSample.value) || facts.colorSpace === 'cmyk' || facts.colorSpace === 'ycck' || facts.colorSpace === 'gray') {
      const bits = (facts.components ?? 0) * (facts.bitsPerSample ?? 8);
      put('P-FMT-COLOR', 'fail', 'photo.fmt.color.bad', { components: facts.components ?? '?', bits, space: facts.colorSpace ?? '?' }, { value: `${facts.components ?? '?'} × ${facts.bitsPerSample ?? '?'} bit`, expected });
    } else if (bw) {
      put('P-FMT-COLOR', 'warn', 'photo.fmt.color.bw', { chroma: round(a!.chroma, 1) }, { value: 'B/W', expected, official: false });
    } else {
      put('P-FMT-COLOR', 'pass', 'photo.fmt.color.ok', {}, { value: `${facts.components} × ${facts.bitsPerSample ?? 8} bit`, expected });
    }
  }

  // ---- P-FMT-QUALITY
  {
    const expected = `≥ ${S.minQuality.value}`;
    const q = facts.quality;
    if (!isJpeg || q === null) put('P-FMT-QUALITY', 'info', isJpeg ? 'photo.fmt.quality.unknown' : 'photo.fmt.quality.notJpeg', {}, { expected });
    else if (q >= S.minQuality.value) put('P-FMT-QUALITY', 'pass', 'photo.fmt.quality.ok', { q }, { value: q, expected });
    else put('P-FMT-QUALITY', 'fail', 'photo.fmt.quality.low', { q }, { value: q, expected });
  }

  // ---- P-FMT-BYTES
  {
    const b = facts.bytes;
    const expected = `${S.bytesPass.min.toLocaleString('en-US')}–${S.bytesPass.max.toLocaleString('en-US')} B（20–40 KB）`;
    const p = { bytes: b, kb: round(b / 1024, 1) };
    if (b < S.bytesFail.min) put('P-FMT-BYTES', 'fail', 'photo.fmt.bytes.small', p, { value: b, expected });
    else if (b > S.bytesFail.max) put('P-FMT-BYTES', 'fail', 'photo.fmt.bytes.big', p, { value: b, expected });
    else if (b < S.bytesPass.min) put('P-FMT-BYTES', 'warn', 'photo.fmt.bytes.lowBand', p, { value: b, expected });
    else if (b > S.bytesPass.max) put('P-FMT-BYTES', 'warn', 'photo.fmt.bytes.highBand', p, { value: b, expected });
    else put('P-FMT-BYTES', 'pass', 'photo.fmt.bytes.ok', p, { value: b, expected });
  }

  // ---- P-FMT-META
  {
    const m = facts.metadata;
    if (m.length) put('P-FMT-META', 'info', 'photo.fmt.meta.found', { list: m.join(', ') }, { value: m.join(', ') });
    else put('P-FMT-META', 'info', 'photo.fmt.meta.none');
  }

  // ---- P-FACE-ONE
  {
    const expected = '1';
    if (!decoded) put('P-FACE-ONE', 'fail', 'photo.face.one.none', {}, { value: 0, expected });
    else if (a!.faces === 1) put('P-FACE-ONE', 'pass', 'photo.face.one.ok', {}, { value: 1, expected });
    else if (a!.faces === 0) put('P-FACE-ONE', 'fail', 'photo.face.one.none', {}, { value: 0, expected });
    else put('P-FACE-ONE', 'fail', 'photo.face.one.many', { faces: a!.faces }, { value: a!.faces, expected });
  }

  // ---- Geometry (P-GEO-*): the image as given when 480 × 640; otherwise the value after the automatic fix.
  if (!face) {
    for (const r of ['P-GEO-HEADTOP', 'P-GEO-EYES', 'P-GEO-FACEW', 'P-GEO-CENTER'] as const) na(r);
  } else if (standard) {
    const estimated = face.headTopSource === 'landmarks';
    geo('P-GEO-HEADTOP', S.headTop, face.headTopPx, 'headtop', estimated);
    geo('P-GEO-EYES', S.eyes, face.eyeYPx, 'eyes', false);
    geo('P-GEO-FACEW', S.faceWidth, face.faceWidthPx, 'facew', false);
    const dx = face.faceCenterXPx - S.centerX.value;
    const expected = `${S.centerX.value} ± ${S.centerTolerance.value} px`;
    const v = round(face.faceCenterXPx);
    if (Math.abs(dx) <= S.centerTolerance.value) put('P-GEO-CENTER', 'pass', 'photo.geo.center.ok', { x: v, dx: round(Math.abs(dx)), tol: S.centerTolerance.value }, { value: v, expected, official: false });
    else put('P-GEO-CENTER', 'warn', dx < 0 ? 'photo.geo.center.left' : 'photo.geo.center.right', { x: v, dx: round(Math.abs(dx)), tol: S.centerTolerance.value }, { value: v, expected, official: false });
  } else {
    const f = a!.framing;
    const predicted = f ? (f.ok ? f.out : f.best?.out ?? null) : null;
    const fixable = !!f && f.ok;
    const rules: [PhotoRule, Range | null, number | null][] = [
      ['P-GEO-HEADTOP', S.headTop, predicted?.headTopPx ?? null],
      ['P-GEO-EYES', S.eyes, predicted?.eyeYPx ?? null],
      ['P-GEO-FACEW', S.faceWidth, predicted?.faceWidthPx ?? null],
      ['P-GEO-CENTER', null, predicted?.faceCenterXPx ?? null],
    ];
    for (const [rule, r, v] of rules) {
      const expected = r ? rangeText(r) : `${S.centerX.value} ± ${S.centerTolerance.value} px`;
      if (v === null || !Number.isFinite(v) || (f && !f.ok && f.code === 'bad-input')) put(rule, 'info', 'photo.geo.unmeasurable', {}, { expected });
      else if (fixable) {
        const edge = rule === 'P-GEO-HEADTOP' && face.headTopSource === 'edge';
        put(rule, 'info', edge ? 'photo.geo.afterFix.edge' : 'photo.geo.afterFix', { value: round(v), expected }, { value: round(v), expected, official: rule !== 'P-GEO-CENTER' });
      }
      else {
        const fail = f && !f.ok ? f : null;
        put(rule, 'info', fail?.code === 'head-too-long' ? 'photo.geo.cannotFix.long' : 'photo.geo.cannotFix.short', {
          value: round(v),
          expected,
          ratio: round(fail?.ratio ?? 0, 2),
          min: round(fail?.minRatio ?? 0, 2),
          max: round(fail?.maxRatio ?? 0, 2),
        }, { value: round(v), expected });
      }
    }
  }

  // ---- Pose and face (unchanged by scaling/cropping, judged as is)
  if (!face) {
    for (const r of ['P-POSE-LEVEL', 'P-POSE-FRONT', 'P-FACE-EYESOPEN', 'P-FACE-MOUTH'] as const) na(r);
  } else {
    const roll = face.rollDeg;
    const expected = `≤ ${S.maxRoll.value}°`;
    const v = round(Math.abs(roll), 1);
    if (Math.abs(roll) <= S.maxRoll.value) put('P-POSE-LEVEL', 'pass', 'photo.pose.level.ok', { deg: v }, { value: v, expected, official: false });
    else if (Math.abs(roll) >= 135) put('P-POSE-LEVEL', 'fail', 'photo.pose.level.upside', { deg: v }, { value: v, expected, official: false });
    else if (Math.abs(roll) >= 60) put('P-POSE-LEVEL', 'fail', 'photo.pose.level.sideways', { deg: v }, { value: v, expected, official: false });
    else put('P-POSE-LEVEL', 'fail', roll > 0 ? 'photo.pose.level.right' : 'photo.pose.level.left', { deg: v, max: S.maxRoll.value }, { value: v, expected, official: false });

    const yaw = Math.abs(face.yawDeg);
    const pitch = Math.abs(face.pitchDeg);
    const pe = `≤ ${S.maxYaw.value}°`;
    const pv = `${round(yaw)}° / ${round(pitch)}°`;
    if (yaw > S.maxYaw.value) put('P-POSE-FRONT', 'warn', 'photo.pose.front.yaw', { yaw: round(yaw), pitch: round(pitch), max: S.maxYaw.value }, { value: pv, expected: pe, official: false });
    else if (pitch > S.maxPitch.value) put('P-POSE-FRONT', 'warn', face.pitchDeg > 0 ? 'photo.pose.front.up' : 'photo.pose.front.down', { yaw: round(yaw), pitch: round(pitch), max: S.maxPitch.value }, { value: pv, expected: pe, official: false });
    else put('P-POSE-FRONT', 'pass', 'photo.pose.front.ok', { yaw: round(yaw), pitch: round(pitch) }, { value: pv, expected: pe, official: false });

    const eo = round(face.eyeOpenness, 2);
    if (face.eyeOpenness < S.minEyeOpenness.value) put('P-FACE-EYESOPEN', 'warn', 'photo.face.eyes.closed', { v: eo }, { value: eo, expected: `≥ ${S.minEyeOpenness.value}`, official: false });
    else put('P-FACE-EYESOPEN', 'pass', 'photo.face.eyes.ok', { v: eo }, { value: eo, expected: `≥ ${S.minEyeOpenness.value}`, official: false });

    const mg = round(face.mouthGap, 2);
    if (face.mouthGap > S.maxMouthGap.value) put('P-FACE-MOUTH', 'warn', 'photo.face.mouth.open', { v: mg }, { value: mg, expected: `≤ ${S.maxMouthGap.value}`, official: false });
    else put('P-FACE-MOUTH', 'pass', 'photo.face.mouth.ok', { v: mg }, { value: mg, expected: `≤ ${S.maxMouthGap.value}`, official: false });
  }

  // ---- P-FACE-OCCLUSION: always a reminder; measurable hints raise it to warn.
  {
    const fs = a?.faceStats ?? null;
    const lf = fs?.lowerFace ?? null;
    if (lf && ((lf.dL > S.lowerFaceLift.value && lf.dC > S.lowerFaceChromaDrop.value) || lf.dHue > S.lowerFaceHue.value))
      put('P-FACE-OCCLUSION', 'warn', 'photo.face.occl.lower', { d: round(lf.dL) }, { value: `ΔL* ${round(lf.dL)}`, expected: `ΔL* ≤ ${S.lowerFaceLift.value}`, official: false });
    else if (fs && fs.eyeDarkness > S.eyeDarkness.value && fs.eyeDetail < 10) put('P-FACE-OCCLUSION', 'warn', 'photo.face.occl.dark', { d: round(fs.eyeDarkness) }, { value: round(fs.eyeDarkness), official: false });
    else if (fs && fs.eyeGlare > S.eyeGlare.value) put('P-FACE-OCCLUSION', 'warn', 'photo.face.occl.glare', { p: round(fs.eyeGlare * 100) }, { value: `${round(fs.eyeGlare * 100)} %`, official: false });
    else put('P-FACE-OCCLUSION', 'info', 'photo.face.occl.info');
  }

  // ---- Background
  if (!face) {
    for (const r of ['P-BG-COLOR', 'P-BG-UNIFORM', 'P-BG-CLOTHES'] as const) na(r);
  } else {
    const bg = a!.background;
    const expected = `ΔE00 ≤ ${S.maxBgDeltaE.value}（浅蓝 100,197,255 或白 255,255,255）`;
    if (!bg) {
      put('P-BG-COLOR', 'info', 'photo.bg.none', {}, { expected });
      put('P-BG-UNIFORM', 'info', 'photo.bg.none');
      put('P-BG-CLOTHES', 'info', 'photo.bg.none');
    } else {
      const rgb = bg.rgb.join(',');
      const dB = round(bg.deltaE.blue, 1);
      const dW = round(bg.deltaE.white, 1);
      const best = Math.min(dB, dW);
      const p = { rgb, blue: dB, white: dW, max: S.maxBgDeltaE.value };
      if (best <= S.maxBgDeltaE.value) put('P-BG-COLOR', 'pass', dB <= dW ? 'photo.bg.color.blue' : 'photo.bg.color.white', p, { value: `RGB ${rgb}`, expected, official: false });
      else put('P-BG-COLOR', 'fail', 'photo.bg.color.bad', p, { value: `RGB ${rgb}`, expected, official: false });

      const side = Math.max(bg.leftRight ?? 0, bg.topBottom ?? 0);
      const ue = `ΔE00 ≤ ${S.maxBgSpread.value}`;
      const sp = round(bg.spread, 1);
      if (bg.spread > S.maxBgSpread.value) put('P-BG-UNIFORM', 'warn', 'photo.bg.uniform.busy', { spread: sp, max: S.maxBgSpread.value }, { value: sp, expected: ue, official: false });
      else if (side > S.maxBgSideDelta.value) put('P-BG-UNIFORM', 'warn', (bg.leftRight ?? 0) >= (bg.topBottom ?? 0) ? 'photo.bg.uniform.leftRight' : 'photo.bg.uniform.topBottom', { d: round(side, 1) }, { value: sp, expected: ue, official: false });
      else if (bg.darkShare > S.maxBgDarkShare.value) put('P-BG-UNIFORM', 'warn', 'photo.bg.uniform.dark', { p: round(bg.darkShare * 100) }, { value: sp, expected: ue, official: false });
      else put('P-BG-UNIFORM', 'pass', 'photo.bg.uniform.ok', { spread: sp }, { value: sp, expected: ue, official: false });

      const c = a!.clothes;
      const ce = `ΔE00 ≥ ${S.minClothesDeltaE.value}`;
      if (!c) put('P-BG-CLOTHES', 'info', 'photo.bg.clothes.none', {}, { expected: ce });
      else if (c.deltaE < S.minClothesDeltaE.value || c.similarShare > 0.5) put('P-BG-CLOTHES', 'warn', 'photo.bg.clothes.similar', { d: round(c.deltaE, 1), min: S.minClothesDeltaE.value }, { value: round(c.deltaE, 1), expected: ce, official: false });
      else put('P-BG-CLOTHES', 'pass', 'photo.bg.clothes.ok', { d: round(c.deltaE, 1) }, { value: round(c.deltaE, 1), expected: ce, official: false });
    }
  }

  // ---- Image quality
  if (!face) na('P-IMG-SHARP');
  else {
    const fs = a!.faceStats!;
    const v = round(fs.sharpness, 1);
    const e = `≥ ${S.minSharpness.value}`;
    if (fs.sharpness < S.minSharpness.value) put('P-IMG-SHARP', 'warn', 'photo.img.sharp.blurry', { v, min: S.minSharpness.value }, { value: v, expected: e, official: false });
    else put('P-IMG-SHARP', 'pass', 'photo.img.sharp.ok', { v }, { value: v, expected: e, official: false });
  }
  if (!face) na('P-IMG-LIGHT');
  else {
    const fs = a!.faceStats!;
    const L = round(fs.faceL);
    const lv = `L* ${L}`;
    if (fs.cheekBalance > S.maxFaceBalance.value) put('P-IMG-LIGHT', 'warn', 'photo.img.light.side', { d: round(fs.cheekBalance) }, { value: lv, official: false });
    else if (fs.clipped > S.maxFaceClipped.value) put('P-IMG-LIGHT', 'warn', 'photo.img.light.hot', { p: round(fs.clipped * 100, 1) }, { value: lv, official: false });
    else if (fs.faceL < S.minFaceL.value) put('P-IMG-LIGHT', 'warn', 'photo.img.light.dark', { L }, { value: lv, official: false });
    else if (fs.faceL > S.maxFaceL.value) put('P-IMG-LIGHT', 'warn', 'photo.img.light.bright', { L }, { value: lv, official: false });
    else put('P-IMG-LIGHT', 'pass', 'photo.img.light.ok', { L }, { value: lv, official: false });
  }
  if (!a) put('P-IMG-BORDER', 'info', 'photo.na.image');
  else {
    const sides = (Object.keys(a.borders.bands) as (keyof typeof a.borders.bands)[]).filter((k) => a.borders.bands[k] > 0);
    // `sides` is a list of side codes ('top,bottom'); src/i18n/photo.ts words it for each language.
    if (a.borders.black.length) put('P-IMG-BORDER', 'fail', 'photo.img.border.black', { sides: a.borders.black.join(',') }, { value: a.borders.black.join(',') });
    else if (sides.length) {
      const px = Math.max(...sides.map((s) => a.borders.bands[s]));
      put('P-IMG-BORDER', 'fail', 'photo.img.border.band', { sides: sides.join(','), px }, { value: `${px} px` });
    } else put('P-IMG-BORDER', 'pass', 'photo.img.border.ok');
  }
  put('P-IMG-NOTRANSFORM', 'info', 'photo.img.notransform.info');

  // ---- P-IMG-RECENT
  {
    const d = facts.dateTimeOriginal;
    const taken = d ? new Date(d.replace(' ', 'T')) : null;
    if (!taken || Number.isNaN(taken.getTime())) put('P-IMG-RECENT', 'info', 'photo.img.recent.unknown', {}, { expected: `≤ ${S.maxAgeMonths.value} 个月` });
    else {
      const months = (now.getFullYear() - taken.getFullYear()) * 12 + (now.getMonth() - taken.getMonth()) - (now.getDate() < taken.getDate() ? 1 : 0);
      const date = d!.slice(0, 10);
      if (months >= S.maxAgeMonths.value) put('P-IMG-RECENT', 'warn', 'photo.img.recent.old', { date, months }, { value: date, expected: `≤ ${S.maxAgeMonths.value} 个月` });
      else put('P-IMG-RECENT', 'info', 'photo.img.recent.ok', { date, months: Math.max(0, months) }, { value: date, expected: `≤ ${S.maxAgeMonths.value} 个月` });
    }
  }

  return PHOTO_RULES.map((r) => out[r]!);

  function geo(rule: PhotoRule, r: Range, raw: number, key: string, estimated: boolean) {
    const v = Math.round(raw);
    const expected = rangeText(r);
    const est = estimated ? '.est' : '';
    if (v >= r.min && v <= r.max) put(rule, estimated ? 'warn' : 'pass', `photo.geo.${key}.ok${est}`, { v, expected }, { value: v, expected });
    else if (key === 'facew') {
      const target = v < r.min ? r.min + 20 : r.max - 20;
      const pct = Math.round(Math.abs(target / raw - 1) * 100);
      put(rule, 'fail', v < r.min ? 'photo.geo.facew.small' : 'photo.geo.facew.large', { v, expected, pct }, { value: v, expected });
    } else {
      const dy = shiftInto(v, r);
      put(rule, 'fail', v < r.min ? `photo.geo.${key}.high${est}` : `photo.geo.${key}.low${est}`, { v, expected, dy }, { value: v, expected });
    }
  }
}

const JPEG_PROBLEMS = ['not-jpeg', 'truncated', 'bad-marker', 'bad-length', 'no-frame', 'no-scan', 'bad-frame', 'decode', 'too-large-to-decode'];
