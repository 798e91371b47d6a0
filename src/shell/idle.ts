/**
 * Run `fn` once the page is idle after its first paint: the next animation frame, then `requestIdleCallback`
 * (at most `timeoutMs` later on a busy page), or a short timer where the browser has no idle callback (Safari).
 * Returns a function that cancels it if it has not run yet.
 */
export function whenIdle(fn: () => void, timeoutMs = 2000): () => void {
  let cancelled = false;
  const go = () => {
    if (!cancelled) fn();
  };
  const w = globalThis as typeof globalThis & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  let idle: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const raf = requestAnimationFrame(() => {
    if (w.requestIdleCallback) idle = w.requestIdleCallback(go, { timeout: timeoutMs });
    else timer = setTimeout(go, 200);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(raf);
    if (idle !== null) w.cancelIdleCallback?.(idle);
    if (timer) clearTimeout(timer);
  };
}
