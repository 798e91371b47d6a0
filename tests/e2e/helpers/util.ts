import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHOTOS_DIR } from '../../helpers/shared.ts';

export const OUT_DIR = process.env.E2E_OUTDIR || 'dist';

/** Hand a shared photo to the page as a File-like Blob and run `fn(blob)` in the page. */
export async function withPhotoInPage<T>(page: Page, file: string, fn: string): Promise<T> {
  const b64 = readFileSync(join(PHOTOS_DIR, file)).toString('base64');
  return page.evaluate(
    async ({ b64, name, fn }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const blob = new File([bytes], name);
      // eslint-disable-next-line no-new-func
      return await new Function('blob', `return (${fn})(blob)`)(blob);
    },
    { b64, name: file, fn },
  ) as Promise<T>;
}

/** Collect every request URL the page (and its workers) make. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}

export function isOwnOrigin(url: string, baseURL: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  return new URL(url).origin === new URL(baseURL).origin;
}
