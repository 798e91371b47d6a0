/**
 * The shell's lazily loaded pages (issue 13, start bundle): each page is loaded once however often its tab is
 * opened, the start page needs no loading, and a chunk that fails to load is reported (the shell offers a reload)
 * and may be tried again.
 */
import { describe, it, expect, vi } from 'vitest';
import { LazyPages } from '../../../src/shell/lazy-pages.svelte.ts';

describe('LazyPages', () => {
  it('loads a page once, on demand; areas without a loader resolve at once', async () => {
    const page = { name: 'FormPage' };
    const form = vi.fn(async () => ({ default: page }));
    const pages = new LazyPages({ form });
    expect(pages.get('form')).toBeUndefined();
    await pages.load('photo');
    expect(form).not.toHaveBeenCalled();
    await Promise.all([pages.load('form'), pages.load('form')]);
    await pages.load('form');
    expect(form).toHaveBeenCalledTimes(1);
    expect(pages.get('form')).toBe(page);
    expect(pages.failed('form')).toBe(false);
  });

  it('a failed load is reported and can be tried again', async () => {
    const page = { name: 'UploadsPage' };
    let fail = true;
    const uploads = vi.fn(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return { default: page };
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const pages = new LazyPages({ uploads });
    await pages.load('uploads');
    expect(pages.failed('uploads')).toBe(true);
    expect(pages.get('uploads')).toBeUndefined();
    expect(error).toHaveBeenCalled();
    fail = false;
    await pages.load('uploads');
    expect(uploads).toHaveBeenCalledTimes(2);
    expect(pages.get('uploads')).toBe(page);
    error.mockRestore();
  });
});
