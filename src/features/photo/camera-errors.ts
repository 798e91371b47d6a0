/**
 * getUserMedia failures → one message code each ('photoui.camera.err.<code>'), so the user reads a sentence in
 * their language and never the browser's English text. Legacy Chrome names map to their standard equivalents.
 */
export type CameraErrorCode = 'not-allowed' | 'not-found' | 'not-readable' | 'overconstrained' | 'security' | 'aborted' | 'type' | 'unknown';

const BY_NAME: Record<string, CameraErrorCode> = {
  NotAllowedError: 'not-allowed',
  PermissionDeniedError: 'not-allowed',
  NotFoundError: 'not-found',
  DevicesNotFoundError: 'not-found',
  NotReadableError: 'not-readable',
  TrackStartError: 'not-readable',
  OverconstrainedError: 'overconstrained',
  ConstraintNotSatisfiedError: 'overconstrained',
  SecurityError: 'security',
  AbortError: 'aborted',
  TypeError: 'type',
};

export const CAMERA_ERROR_CODES: readonly CameraErrorCode[] = ['not-allowed', 'not-found', 'not-readable', 'overconstrained', 'security', 'aborted', 'type', 'unknown'];

/** The code of a getUserMedia rejection (a DOMException, a TypeError or anything else). */
export function cameraErrorCode(err: unknown): CameraErrorCode {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  return BY_NAME[name] ?? 'unknown';
}
