/**
 * Service-worker registration and the update flow (workbox-window).
 * The new version is only activated when the user accepts; we never reload under them.
 */
import { Workbox } from 'workbox-window';

export interface UpdateHandle {
  /** Activate the waiting service worker and reload once it controls the page. */
  apply(): void;
}

export function registerServiceWorker(onUpdate: (h: UpdateHandle) => void, onReady?: () => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox(new URL('sw.js', document.baseURI).href, { scope: './' });
  wb.addEventListener('waiting', () => {
    onUpdate({
      apply() {
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) onReady?.();
  });
  wb.register().catch((err) => console.warn('service worker registration failed', err));
}
