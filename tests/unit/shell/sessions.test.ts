// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { AppState } from '../../../src/shell/app.svelte.ts';
import { AreaSessions } from '../../../src/shell/sessions.svelte.ts';

type IdleWindow = typeof globalThis & { requestIdleCallback?: unknown; cancelIdleCallback?: unknown };

function make() {
  const app = new AppState({ search: '' });
  const sessions = new AreaSessions(app, new Date('2026-03-15T10:00:00'));
  const warm = vi.spyOn(sessions.photo, 'warmup').mockResolvedValue(undefined);
  return { app, sessions, warm };
}

describe('AreaSessions', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('creates each area session once and reads them for the overview (a fresh page: nothing started)', () => {
    const { app, sessions } = make();
    expect(sessions.photo).toBe(sessions.photo);
    const r = sessions.readiness(app.t);
    expect(r.areas.map((a) => a.level)).toEqual(['empty', 'empty', 'empty', 'empty']);
    sessions.form.setField(0, 'start', '2019.09');
    expect(sessions.readiness(app.t).areas[3].level).toBe('problem');
  });

  it('warms the photo worker in an idle moment after the first frame (requestIdleCallback, 2 s timeout)', () => {
    vi.useFakeTimers();
    const { sessions, warm } = make();
    const idle: { cb: () => void; timeout?: number }[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void, o?: { timeout: number }) => idle.push({ cb, timeout: o?.timeout }));
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number);
    sessions.warmWhenIdle();
    expect(idle).toHaveLength(0); // not before the first frame
    vi.advanceTimersByTime(20);
    expect(idle).toHaveLength(1);
    expect(idle[0].timeout).toBe(2000);
    expect(warm).not.toHaveBeenCalled();
    idle[0].cb();
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('without requestIdleCallback it falls back to a timer; cancelling before it fires warms nothing', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number);
    const g = globalThis as IdleWindow;
    vi.stubGlobal('requestIdleCallback', undefined);
    expect(g.requestIdleCallback).toBeUndefined();
    const a = make();
    a.sessions.warmWhenIdle();
    vi.advanceTimersByTime(300);
    expect(a.warm).toHaveBeenCalledTimes(1);
    const b = make();
    const cancel = b.sessions.warmWhenIdle();
    vi.advanceTimersByTime(20);
    cancel();
    vi.advanceTimersByTime(500);
    expect(b.warm).not.toHaveBeenCalled();
  });

  it('after a kiosk wipe: warms once, at the next person\'s first touch or key', () => {
    const { sessions, warm } = make();
    sessions.warmOnNextInteraction();
    expect(warm).not.toHaveBeenCalled();
    dispatchEvent(new Event('pointerdown'));
    expect(warm).toHaveBeenCalledTimes(1);
    dispatchEvent(new Event('keydown'));
    expect(warm).toHaveBeenCalledTimes(1);
  });
});
