/**
 * Service-worker registration and the update flow (workbox-window).
 * The new version is only activated when the user accepts; we never reload under them.
 */
import { Workbox } from 'workbox-window';

export interface UpdateHandle {
  /** Activate the waiting service worker and reload once it controls the page. */
  apply(): void;
  /** 'other-tab': another tab of the tool applied the update; this page runs the old code (its lazy chunks are gone). */
  kind?: 'waiting' | 'other-tab';
}

/** Tabs of the tool tell each other that an update was applied (same origin only). */
export const UPDATE_CHANNEL = 'zk-precheck:update';

/**
 * Listen for an update applied in another tab. Once the new service worker controls the origin, the old version's
 * files are gone from its cache, so this page must reload before it loads any lazy part (a chunk would fail).
 */
export function onOtherTabUpdated(cb: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(UPDATE_CHANNEL);
  ch.onmessage = (e: MessageEvent) => { if ((e.data as { type?: string })?.type === 'updated') cb(); };
  return () => ch.close();
}

function tellOtherTabs(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(UPDATE_CHANNEL);
  ch.postMessage({ type: 'updated' });
  ch.close();
}

export function registerServiceWorker(onUpdate: (h: UpdateHandle) => void, onReady?: () => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox(new URL('sw.js', document.baseURI).href, { scope: './' });
  wb.addEventListener('waiting', () => {
    onUpdate({
      kind: 'waiting',
      apply() {
        wb.addEventListener('controlling', () => { tellOtherTabs(); window.location.reload(); });
        wb.messageSkipWaiting();
      },
    });
  });
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) onReady?.();
  });
  wb.register().catch((err) => console.warn('service worker registration failed', err));
}
