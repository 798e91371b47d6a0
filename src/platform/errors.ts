/**
 * Last line of defence: an error nobody caught is logged and shown as a zh-CN notice;
 * the page keeps running and nothing the user typed is lost.
 */
export type ErrorListener = (message: string) => void;
const listeners = new Set<ErrorListener>();

export function onUncaughtError(fn: ErrorListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function report(err: unknown) {
  const message = err instanceof Error ? err.message : String(err);
  console.error('[zk-precheck] uncaught', err);
  for (const l of listeners) l(message);
}

export function installGlobalErrorGuard(): void {
  addEventListener('error', (e) => {
    report(e.error ?? e.message);
  });
  addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    report(e.reason);
  });
}

/** Error codes the UI words ('<area>.err.<code>'); anything else is 'internal'. */
export const ERROR_CODES = ['internal', 'worker-crashed', 'too-large', 'undecodable', 'unsupported', 'unknown-op'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The code of a caught error (a worker's WorkerRequestError, a DecodeError …), 'internal' when it has none. */
export function errorCode(err: unknown): ErrorCode {
  const c = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c) ? (c as ErrorCode) : 'internal';
}
