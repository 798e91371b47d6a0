/** The shared platform helpers every session uses: object URLs, opt-in persistence, error codes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObjectUrls } from '../../../src/platform/object-urls.ts';
import { OptInStore } from '../../../src/platform/storage.ts';
import { errorCode } from '../../../src/platform/errors.ts';
import { WorkerRequestError } from '../../../src/platform/worker-bridge.ts';
import { worstStatus } from '../../../src/lib/finding.ts';

describe('ObjectUrls', () => {
  it('revokes what it made, once, and everything at revokeAll', async () => {
    const urls = new ObjectUrls();
    const a = urls.make(new Blob(['a']));
    const b = urls.make(new Blob(['b']));
    expect(urls.size).toBe(2);
    urls.revoke(a);
    urls.revoke(a);
    urls.revoke('blob:not-ours');
    urls.revoke(null);
    expect(urls.size).toBe(1);
    // a revoked URL no longer resolves (Node's blob registry, like the browser's)
    const { resolveObjectURL } = await import('node:buffer');
    expect(resolveObjectURL(a)).toBeUndefined();
    expect(resolveObjectURL(b)).toBeDefined();
    urls.revokeAll();
    expect(urls.size).toBe(0);
    expect(resolveObjectURL(b)).toBeUndefined();
  });
});

describe('OptInStore', () => {
  let mem: Map<string, string>;
  beforeEach(() => {
    mem = new Map();
    (globalThis as Record<string, unknown>).localStorage = {
      getItem: (k: string) => mem.get(k) ?? null,
      setItem: (k: string, v: string) => void mem.set(k, v),
      removeItem: (k: string) => void mem.delete(k),
    };
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).localStorage;
  });
  const valid = (v: unknown): v is { v: 1; n: number } => !!v && (v as { v: unknown }).v === 1 && typeof (v as { n: unknown }).n === 'number';

  it('reads back only a copy that passes the validity guard', () => {
    const s = new OptInStore('t', valid, false);
    expect(s.load()).toBeNull();
    expect(s.save({ v: 1, n: 3 })).toBe(true);
    expect(mem.get('zk-precheck:t')).toBe('{"v":1,"n":3}');
    expect(s.load()).toEqual({ v: 1, n: 3 });
    mem.set('zk-precheck:t', '{"v":2,"n":3}');
    expect(s.load()).toBeNull();
    mem.set('zk-precheck:t', '{not json');
    expect(s.load()).toBeNull();
    s.forget();
    expect(mem.has('zk-precheck:t')).toBe(false);
  });
  it('never reads or writes in kiosk mode', () => {
    mem.set('zk-precheck:t', '{"v":1,"n":1}');
    const s = new OptInStore('t', valid, true);
    expect(s.load()).toBeNull();
    expect(s.save({ v: 1, n: 2 })).toBe(false);
    expect(mem.get('zk-precheck:t')).toBe('{"v":1,"n":1}');
  });
});

describe('errorCode and worstStatus', () => {
  it('keeps known codes, everything else is internal', () => {
    expect(errorCode(new WorkerRequestError('worker-crashed', 'x'))).toBe('worker-crashed');
    expect(errorCode(Object.assign(new Error('x'), { code: 'too-large' }))).toBe('too-large');
    expect(errorCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('internal');
    expect(errorCode('boom')).toBe('internal');
    expect(errorCode(null)).toBe('internal');
  });
  it('info never counts; fail beats warn', () => {
    expect(worstStatus([])).toBe('pass');
    expect(worstStatus([{ status: 'info' }, { status: 'pass' }])).toBe('pass');
    expect(worstStatus([{ status: 'warn' }, { status: 'info' }])).toBe('warn');
    expect(worstStatus([{ status: 'warn' }, { status: 'fail' }])).toBe('fail');
  });
});
