import { describe, it, expect } from 'vitest';
import { cameraErrorCode, CAMERA_ERROR_CODES } from '../../../../src/features/photo/camera-errors.ts';
import { translate } from '../../../../src/i18n/index.ts';

const HAN = /[\u3400-\u9fff]/;

describe('camera errors', () => {
  it('maps every getUserMedia failure name (standard and legacy Chrome) to its code', () => {
    const cases: [unknown, string][] = [
      [new DOMException('Permission denied', 'NotAllowedError'), 'not-allowed'],
      [{ name: 'PermissionDeniedError' }, 'not-allowed'],
      [new DOMException('Requested device not found', 'NotFoundError'), 'not-found'],
      [{ name: 'DevicesNotFoundError' }, 'not-found'],
      [new DOMException('Could not start video source', 'NotReadableError'), 'not-readable'],
      [{ name: 'TrackStartError' }, 'not-readable'],
      [{ name: 'OverconstrainedError', constraint: 'width' }, 'overconstrained'],
      [{ name: 'ConstraintNotSatisfiedError' }, 'overconstrained'],
      [new DOMException('insecure', 'SecurityError'), 'security'],
      [new DOMException('aborted', 'AbortError'), 'aborted'],
      [new TypeError('constraints empty'), 'type'],
      [new Error('something'), 'unknown'],
      ['a string', 'unknown'],
      [null, 'unknown'],
    ];
    for (const [err, code] of cases) expect(cameraErrorCode(err), String((err as { name?: string })?.name ?? err)).toBe(code);
  });

  it('every code has a zh-CN sentence without the browser English and an English sentence without Chinese', () => {
    for (const code of CAMERA_ERROR_CODES) {
      const zh = translate('zh-CN', `photoui.camera.err.${code}`);
      const en = translate('en', `photoui.camera.err.${code}`);
      expect(zh, code).not.toBe(`photoui.camera.err.${code}`);
      expect(zh).toMatch(HAN);
      expect(zh).not.toMatch(/device|denied|Error|not found/i);
      expect(en).not.toMatch(HAN);
      expect(en.length).toBeGreaterThan(20);
    }
  });
});
