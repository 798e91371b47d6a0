import { describe, it, expect } from 'vitest';
import { nextStep, foldFindings } from '../../../../src/features/photo/findings-view.ts';
import type { PhotoReport, Finding } from '../../../../src/features/photo/report-types.ts';

const measure: PhotoReport['measure'] = {
  headTopPx: 80, eyeYPx: 250, eyeLeft: [200, 250], eyeRight: [280, 250], faceWidthPx: 240, faceCenterXPx: 240,
  rollDeg: 0, yawDeg: 0, pitchDeg: 0, bgRgb: [100, 197, 255], bgDeltaE: { blue: 1, white: 40 },
};
const f = (rule: string, status: Finding['status']): Finding => ({ rule, status, message: rule });
function report(faces: number, findings: Finding[], m: PhotoReport['measure'] = measure): PhotoReport {
  return {
    schema: 1, verdict: findings.some((x) => x.status === 'fail') ? 'fail' : findings.some((x) => x.status === 'warn') ? 'warn' : 'pass',
    file: { name: 'p.jpg', bytes: 30000, mime: 'image/jpeg', width: 480, height: 640, dpi: [300, 300], components: 3, bitsPerSample: 8, quality: 90, progressive: false },
    faces, measure: faces === 1 ? m : null, findings,
  };
}

describe('photo page view helpers', () => {
  it('next step: one measured face → 自动修正; none, several or unmeasurable → 重新拍照 with the refusal code', () => {
    expect(nextStep(report(1, [f('P-FMT-SIZE', 'fail')]))).toEqual({ kind: 'fix' });
    expect(nextStep(report(1, [f('P-FMT-SIZE', 'pass')]))).toEqual({ kind: 'fix' });
    expect(nextStep(report(0, [f('P-FACE-ONE', 'fail')]))).toEqual({ kind: 'retake', code: 'photo.refuse.no-face', params: {} });
    expect(nextStep(report(3, [f('P-FACE-ONE', 'fail')]))).toEqual({ kind: 'retake', code: 'photo.refuse.faces', params: { faces: 3 } });
    expect(nextStep({ ...report(1, []), measure: null })).toEqual({ kind: 'retake', code: 'photo.refuse.unmeasurable', params: {} });
  });

  it('fold: fails then warnings open, notes then passes folded; empty groups left out', () => {
    const r = report(1, [f('A', 'pass'), f('B', 'warn'), f('C', 'fail'), f('D', 'info'), f('E', 'pass')]);
    const { open, folded } = foldFindings(r);
    expect(open.map((g) => [g.status, g.findings.map((x) => x.rule)])).toEqual([['fail', ['C']], ['warn', ['B']]]);
    expect(folded.map((g) => [g.status, g.findings.map((x) => x.rule)])).toEqual([['info', ['D']], ['pass', ['A', 'E']]]);
    const clean = foldFindings(report(1, [f('A', 'pass')]));
    expect(clean.open).toEqual([]);
    expect(clean.folded.map((g) => g.status)).toEqual(['pass']);
  });
});
