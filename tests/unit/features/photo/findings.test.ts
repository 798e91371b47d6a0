import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../../../src/features/photo/findings.ts';
import { buildReport, localizeFindings } from './worded-report.ts';
import { PHOTO_RULES, PHOTO_SPEC } from '../../../../src/features/photo/photo-spec.ts';
import { missingKeys, translate } from '../../../../src/i18n/index.ts';
import { wordFinding } from '../../../../src/i18n/photo.ts';
import zh from '../../../../src/i18n/zh-CN/photo.ts';
import en from '../../../../src/i18n/en/photo.ts';
import { analysis, jpegFacts } from './fixtures.ts';
import type { PhotoAnalysis } from '../../../../src/features/photo/analyze.ts';
import type { FaceMeasurement } from '../../../../src/features/photo/measure.ts';

const NOW = new Date('2026-11-29T00:00:00Z');
function findings(face: Partial<FaceMeasurement> = {}, over: Partial<PhotoAnalysis> = {}, facts = jpegFacts()) {
  return buildFindings({ facts, width: over.width ?? 480, height: over.height ?? 640, analysis: analysis(face, over), now: NOW });
}
const rule = (fs: ReturnType<typeof findings>, id: string) => fs.find((f) => f.rule === id)!;

describe('geometry boundaries (480 × 640)', () => {
  it.each([
    [49, 'fail'], [50, 'pass'], [80, 'pass'], [110, 'pass'], [111, 'fail'], [0, 'fail'],
  ] as const)('P-GEO-HEADTOP %i px → %s', (v, status) => {
    expect(rule(findings({ headTopPx: v }), 'P-GEO-HEADTOP').status).toBe(status);
  });
  it.each([
    [199, 'fail'], [200, 'pass'], [300, 'pass'], [301, 'fail'],
  ] as const)('P-GEO-EYES %i px → %s', (v, status) => {
    const f = rule(findings({ eyeYPx: v }), 'P-GEO-EYES');
    expect(f.status).toBe(status);
    expect(f.value).toBe(v);
    expect(f.expected).toBe('200–300 px');
  });
  it.each([
    [179, 'fail'], [180, 'pass'], [300, 'pass'], [301, 'fail'],
  ] as const)('P-GEO-FACEW %i px → %s', (v, status) => {
    expect(rule(findings({ faceWidthPx: v }), 'P-GEO-FACEW').status).toBe(status);
  });
  it.each([
    [216, 'pass'], [215, 'warn'], [264, 'pass'], [265, 'warn'],
  ] as const)('P-GEO-CENTER x = %i → %s', (x, status) => {
    expect(rule(findings({ faceCenterXPx: x }), 'P-GEO-CENTER').status).toBe(status);
  });
  it('rounds to whole pixels before judging (199.6 px counts as 200)', () => {
    expect(rule(findings({ eyeYPx: 199.6 }), 'P-GEO-EYES').status).toBe('pass');
    expect(rule(findings({ eyeYPx: 199.4 }), 'P-GEO-EYES').status).toBe('fail');
  });
  it('says which way and how far to move, in the manual wording', () => {
    const f = rule(findings({ eyeYPx: 318 }), 'P-GEO-EYES');
    expect(f.code).toBe('photo.geo.eyes.low');
    const msg = translate('zh-CN', f.code, f.params);
    expect(msg).toContain('眼睛距上边 318 px，应在 200–300 px');
    expect(msg).toContain('上移约 28 px');
    const h = rule(findings({ headTopPx: 30 }), 'P-GEO-HEADTOP');
    expect(translate('zh-CN', h.code, h.params)).toContain('下移约 30 px');
    const w = rule(findings({ faceWidthPx: 150 }), 'P-GEO-FACEW');
    expect(translate('zh-CN', w.code, w.params)).toMatch(/放大约 33%/);
  });
  it('an estimated head top (not found in the pixels) is at most a warn inside the range', () => {
    expect(rule(findings({ headTopPx: 80, headTopSource: 'landmarks' }), 'P-GEO-HEADTOP').status).toBe('warn');
    expect(rule(findings({ headTopPx: 30, headTopSource: 'landmarks' }), 'P-GEO-HEADTOP').status).toBe('fail');
  });
});

describe('P-FMT-BYTES edges', () => {
  it.each([
    [19_999, 'fail'], [20_000, 'warn'], [20_479, 'warn'], [20_480, 'pass'], [40_000, 'pass'], [40_001, 'warn'], [40_960, 'warn'], [40_961, 'fail'], [0, 'fail'],
  ] as const)('%i bytes → %s', (b, status) => {
    const f = rule(findings({}, {}, jpegFacts({ bytes: b })), 'P-FMT-BYTES');
    expect(f.status).toBe(status);
    expect(f.value).toBe(b);
  });
});

describe('file rules', () => {
  it('P-FMT-JPEG: PNG renamed .jpg fails naming the real format; .jpeg warns; padding after EOI warns', () => {
    const png = rule(findings({}, {}, jpegFacts({ format: 'png', mime: 'image/png' })), 'P-FMT-JPEG');
    expect(png.status).toBe('fail');
    expect(translate('zh-CN', png.code, png.params)).toContain('PNG');
    expect(rule(findings({}, {}, jpegFacts({ extension: 'jpeg' })), 'P-FMT-JPEG').status).toBe('warn');
    expect(rule(findings({}, {}, jpegFacts({ extension: 'png' })), 'P-FMT-JPEG').status).toBe('fail');
    expect(rule(findings({}, {}, jpegFacts({ trailingBytes: 5000 })), 'P-FMT-JPEG').status).toBe('warn');
    expect(rule(findings({}, {}, jpegFacts({ problem: 'truncated' })), 'P-FMT-JPEG').code).toBe('photo.fmt.jpeg.broken.truncated');
  });
  it('P-FMT-DPI: 300 passes, 72 and missing fail', () => {
    expect(rule(findings(), 'P-FMT-DPI').status).toBe('pass');
    expect(rule(findings({}, {}, jpegFacts({ dpi: [72, 72] })), 'P-FMT-DPI').status).toBe('fail');
    expect(rule(findings({}, {}, jpegFacts({ dpi: null })), 'P-FMT-DPI').status).toBe('fail');
  });
  it('P-FMT-COLOR: grayscale / CMYK JPEG fail; an all-grey colour photo warns', () => {
    expect(rule(findings({}, {}, jpegFacts({ components: 1, colorSpace: 'gray' })), 'P-FMT-COLOR').status).toBe('fail');
    expect(rule(findings({}, {}, jpegFacts({ components: 4, colorSpace: 'cmyk' })), 'P-FMT-COLOR').status).toBe('fail');
    expect(rule(findings({}, { chroma: 1.2 }), 'P-FMT-COLOR').status).toBe('warn');
    expect(rule(findings({}, { chroma: 30 }), 'P-FMT-COLOR').status).toBe('pass');
  });
  it('P-FMT-QUALITY: 60 passes, 59 fails', () => {
    expect(rule(findings({}, {}, jpegFacts({ quality: 60 })), 'P-FMT-QUALITY').status).toBe('pass');
    expect(rule(findings({}, {}, jpegFacts({ quality: 59 })), 'P-FMT-QUALITY').status).toBe('fail');
  });
  it('P-IMG-RECENT: older than 12 months warns, newer is info', () => {
    expect(rule(findings({}, {}, jpegFacts({ dateTimeOriginal: '2025-10-01T10:00:00' })), 'P-IMG-RECENT').status).toBe('warn');
    expect(rule(findings({}, {}, jpegFacts({ dateTimeOriginal: '2026-06-01T10:00:00' })), 'P-IMG-RECENT').status).toBe('info');
    expect(rule(findings(), 'P-IMG-RECENT').status).toBe('info');
  });
});

describe('pose, face and appearance thresholds', () => {
  it.each([
    [3, 'pass'], [-3, 'pass'], [3.1, 'fail'], [-8, 'fail'],
  ] as const)('P-POSE-LEVEL roll %f° → %s', (deg, status) => {
    expect(rule(findings({ rollDeg: deg }), 'P-POSE-LEVEL').status).toBe(status);
  });
  it('P-POSE-FRONT, eyes, mouth', () => {
    expect(rule(findings({ yawDeg: 15 }), 'P-POSE-FRONT').status).toBe('warn');
    expect(rule(findings({ pitchDeg: -12 }), 'P-POSE-FRONT').code).toBe('photo.pose.front.down');
    expect(rule(findings({ eyeOpenness: 0.05 }), 'P-FACE-EYESOPEN').status).toBe('warn');
    expect(rule(findings({ mouthGap: 0.3 }), 'P-FACE-MOUTH').status).toBe('warn');
  });
  it('P-BG-COLOR: ΔE 10 passes, 10.1 fails (ours, flagged not official)', () => {
    const bg = analysis().background!;
    const ok = rule(findings({}, { background: { ...bg, deltaE: { blue: 10, white: 30 } } }), 'P-BG-COLOR');
    expect(ok.status).toBe('pass');
    expect(ok.code).toBe('photo.bg.color.blue');
    expect(ok.official).toBe(false);
    expect(rule(findings({}, { background: { ...bg, deltaE: { blue: 10.1, white: 30 } } }), 'P-BG-COLOR').status).toBe('fail');
  });
  it('P-IMG-BORDER: black edges and solid bands fail', () => {
    expect(rule(findings({}, { borders: { bands: { top: 0, bottom: 0, left: 0, right: 0 }, black: ['left'] } }), 'P-IMG-BORDER').status).toBe('fail');
    const band = rule(findings({}, { borders: { bands: { top: 8, bottom: 8, left: 0, right: 0 }, black: [] } }), 'P-IMG-BORDER');
    expect(band.status).toBe('fail');
    // The core names the sides by code; the report boundary words them (zh-CN and English, as the report carries).
    expect(band.params).toEqual({ sides: 'top,bottom', px: 8 });
    const worded = wordFinding(band);
    expect(worded.params).toEqual({ sides: '上、下', sidesEn: 'top, bottom', px: 8 });
    expect(worded.message).toContain('照片上、下边有约 8 px');
    expect(wordFinding(band, 'en').message).toContain('along the top, bottom edge(s)');
    expect(translate('en', band.code, worded.params)).toBe(wordFinding(band, 'en').message);
    const black = wordFinding(rule(findings({}, { borders: { bands: { top: 0, bottom: 0, left: 0, right: 0 }, black: ['left'] } }), 'P-IMG-BORDER'));
    expect(black.params).toEqual({ sides: '左', sidesEn: 'left' });
    expect(black.message).toContain('照片左边有黑边');
  });
});

describe('report invariants', () => {
  const img = { width: 480, height: 640, data: new Uint8ClampedArray(480 * 640 * 4).fill(255) };
  it('every photo rule ID appears exactly once, in every kind of report', () => {
    const reports = [
      buildReport({ facts: jpegFacts(), measured: analysis(), faces: [], now: NOW }),
      buildReport({ facts: jpegFacts(), image: img, faces: [], now: NOW }),
      buildReport({ facts: jpegFacts({ format: 'heic', mime: 'image/heic', extension: 'jpg' }), faces: [], now: NOW }),
      buildReport({ facts: jpegFacts(), measured: analysis({}, { faces: 2, face: null }), faces: [], now: NOW }),
      // everything wrong at once: every warn/fail message must have all its placeholders filled
      buildReport({
        facts: jpegFacts({ bytes: 50_000, dpi: [72, 72], quality: 40, extension: 'png', metadata: ['exif', 'gps'], dateTimeOriginal: '2020-01-01T00:00:00' }),
        measured: analysis(
          { headTopPx: 30, eyeYPx: 320, faceWidthPx: 150, faceCenterXPx: 300, rollDeg: 8, yawDeg: 20, eyeOpenness: 0.05, mouthGap: 0.3 },
          {
            background: { rgb: [128, 128, 128], lab: [53, 0, 0], deltaE: { blue: 30, white: 35 }, samples: 500, spread: 30, leftRight: 12, topBottom: 3, darkShare: 0.2 },
            clothes: { rgb: [128, 128, 128], deltaE: 3, texture: 1, similarShare: 0.9 },
            faceStats: { sharpness: 2, faceL: 10, clipped: 0.2, balance: 30, cheekBalance: 30, eyeDarkness: 40, eyeDetail: 3, eyeGlare: 0.2 },
            borders: { bands: { top: 10, bottom: 0, left: 0, right: 0 }, black: [] },
            chroma: 1,
          },
        ),
        faces: [],
        now: NOW,
      }),
      buildReport({ facts: jpegFacts(), measured: analysis({ headTopPx: 130, eyeYPx: 180, faceWidthPx: 320, faceCenterXPx: 200, rollDeg: -8, pitchDeg: 15 }, { faceStats: { sharpness: 50, faceL: 95, clipped: 0, balance: 2, cheekBalance: 2, eyeDarkness: 10, eyeDetail: 20, eyeGlare: 0.3 } }), faces: [], now: NOW }),
    ];
    expect(reports[4].findings.filter((f) => f.status === 'fail' || f.status === 'warn').length).toBeGreaterThanOrEqual(18);
    for (const r of reports) {
      expect(r.findings.map((f) => f.rule).sort()).toEqual([...PHOTO_RULES].sort());
      for (const f of localizeFindings(r, 'en')) expect(f.message, f.code).not.toMatch(/\{\w+\}|^photo\./);
      for (const f of r.findings) {
        expect(f.message.length).toBeGreaterThan(5);
        expect(f.message).not.toMatch(/^photo\./); // every code has a zh-CN text
        expect(f.message).not.toMatch(/\{\w+\}/); // every placeholder filled
      }
    }
  });
  it('verdict is the worst status; info never counts', () => {
    const clean = buildReport({ facts: jpegFacts(), measured: analysis(), faces: [], now: NOW });
    expect(clean.verdict).toBe('pass');
    expect(clean.findings.some((f) => f.status === 'info')).toBe(true);
    expect(buildReport({ facts: jpegFacts({ bytes: 20_100 }), measured: analysis(), faces: [], now: NOW }).verdict).toBe('warn');
    expect(buildReport({ facts: jpegFacts(), measured: analysis({ eyeYPx: 320 }), faces: [], now: NOW }).verdict).toBe('fail');
  });
  it('an undecodable file: faces 0, measure null, P-FMT-JPEG fail naming the format', () => {
    const r = buildReport({ facts: jpegFacts({ format: 'heic', mime: 'image/heic', storedWidth: null, storedHeight: null }), faces: [], now: NOW });
    expect(r.faces).toBe(0);
    expect(r.measure).toBeNull();
    const j = r.findings.find((f) => f.rule === 'P-FMT-JPEG')!;
    expect(j.status).toBe('fail');
    expect(j.message).toContain('HEIC');
    expect(r.verdict).toBe('fail');
  });
  it('0 or ≥ 2 faces: P-FACE-ONE fails and measure is null', () => {
    const none = buildReport({ facts: jpegFacts(), image: img, faces: [], now: NOW });
    expect(none.findings.find((f) => f.rule === 'P-FACE-ONE')!.status).toBe('fail');
    expect(none.measure).toBeNull();
    const two = buildReport({ facts: jpegFacts(), measured: analysis({}, { faces: 2, face: null }), faces: [], now: NOW });
    expect(two.faces).toBe(2);
    expect(two.measure).toBeNull();
    expect(two.findings.find((f) => f.rule === 'P-FACE-ONE')!.message).toContain('2');
  });
  it('other sizes: P-FMT-SIZE fails and the framing rules are info with the value after the fix', () => {
    const framing = { ok: true as const, scale: 0.5, rect: { x: 0, y: 0, width: 960, height: 1280 }, pad: { top: 0, bottom: 0, left: 0, right: 0 }, out: { headTopPx: 80, eyeYPx: 250, faceWidthPx: 240, faceCenterXPx: 240 }, marginPx: 30, upscale: 0.5 };
    const r = buildReport({ facts: jpegFacts({ storedWidth: 960, storedHeight: 1280 }), measured: analysis({ eyeYPx: 500 }, { width: 960, height: 1280, framing }), faces: [], now: NOW });
    expect(r.file.width).toBe(960);
    expect(r.findings.find((f) => f.rule === 'P-FMT-SIZE')!.status).toBe('fail');
    for (const id of ['P-GEO-HEADTOP', 'P-GEO-EYES', 'P-GEO-FACEW', 'P-GEO-CENTER']) expect(r.findings.find((f) => f.rule === id)!.status).toBe('info');
    expect(r.findings.find((f) => f.rule === 'P-GEO-EYES')!.value).toBe(250);
    // hair touching the top edge of the original: the head-top line warns that the fix pads above it
    const edge = buildReport({ facts: jpegFacts({ storedWidth: 960, storedHeight: 1280 }), measured: analysis({ headTopPx: 0, headTopSource: 'edge' }, { width: 960, height: 1280, framing }), faces: [], now: NOW });
    expect(edge.findings.find((f) => f.rule === 'P-GEO-HEADTOP')!.code).toBe('photo.geo.afterFix.edge');
    // no framing possible: the reason and the ratio are given
    const bad = { ok: false as const, code: 'head-too-long' as const, ratio: 2, minRatio: 0.3, maxRatio: 1.39, best: { ...framing, marginPx: -40 } };
    const r2 = buildReport({ facts: jpegFacts({ storedWidth: 960, storedHeight: 1280 }), measured: analysis({}, { width: 960, height: 1280, framing: bad }), faces: [], now: NOW });
    const eyes = r2.findings.find((f) => f.rule === 'P-GEO-EYES')!;
    expect(eyes.code).toBe('photo.geo.cannotFix.long');
    expect(eyes.message).toContain('2 倍');
  });
  it('findings carry codes so the UI can render English', () => {
    const r = buildReport({ facts: jpegFacts({ bytes: 50_000 }), measured: analysis(), faces: [], now: NOW });
    const enF = localizeFindings(r, 'en');
    expect(enF.find((f) => f.rule === 'P-FMT-BYTES')!.message).toMatch(/too large/);
    expect(r.findings.find((f) => f.rule === 'P-FMT-BYTES')!.message).toContain('图片过大');
  });
  it('the English dictionary covers every photo key and uses the same placeholders', () => {
    expect(missingKeys('en').filter((k) => k.startsWith('photo.'))).toEqual([]);
    for (const [k, v] of Object.entries(zh)) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'sides' && p !== 'sidesEn').sort();
      expect(ph(en[k]), k).toEqual(ph(v));
    }
  });
  it('spec constants keep the manual numbers', () => {
    expect([PHOTO_SPEC.headTop.min, PHOTO_SPEC.headTop.max, PHOTO_SPEC.eyes.min, PHOTO_SPEC.eyes.max, PHOTO_SPEC.faceWidth.min, PHOTO_SPEC.faceWidth.max]).toEqual([50, 110, 200, 300, 180, 300]);
    expect(PHOTO_SPEC.headTop.official).toBe(true);
    expect(PHOTO_SPEC.maxRoll.official).toBe(false);
  });
});
