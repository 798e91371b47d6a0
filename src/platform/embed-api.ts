/**
 * Embed API (CONTRACT.md "Embed API"): window.postMessage between the official site (host) and embed.html.
 * - Replies go only to `event.source` at `event.origin`, never to '*'.
 * - Works only inside a frame, and only with messages whose `event.source` is `window.parent` (a page that
 *   `window.open()`s embed.html gets nothing); allowed origins: see allowedOrigins().
 */
import { APP_VERSION } from './version.ts';
import type { PhotoReport } from '../features/photo/report-types.ts';
import type { PhotoService } from '../features/photo/service-types.ts';

export interface EmbedOptions {
  search: string;
  /** The photo service, started on the first request (the shell passes the photo area's). */
  service: () => Promise<PhotoService>;
}

let hostPorts: Array<{ win: MessageEventSource; origin: string }> = [];

/** The origin of an http(s) URL, or null (file:, data:, blob:, javascript:, opaque 'null' and junk are refused). */
export function normaliseOrigin(o: string): string | null {
  try {
    const u = new URL(o);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

function originList(values: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    const n = normaliseOrigin(v.trim());
    if (n) out.add(n);
  }
  return out;
}

/**
 * Host origins that may talk to the tool. Pure (the embedder comes from `location.ancestorOrigins[0]`).
 * - build-time list (VITE_EMBED_ORIGINS) set: that list, narrowed to the `?origin=` values when any are given
 *   (a query parameter can never add an origin the build did not allow);
 * - otherwise the `?origin=` values;
 * - with neither, the embedding page's origin as the browser reports it (ancestorOrigins) — never
 *   `document.referrer`, which any page that opens or links to the tool controls.
 * Only http(s) origins count.
 */
export function allowedOrigins(search: string, buildList = String(import.meta.env.VITE_EMBED_ORIGINS ?? ''), embedder: string | null = currentEmbedder()): string[] {
  const built = originList(buildList.split(','));
  const asked = originList(new URLSearchParams(search).getAll('origin'));
  if (built.size > 0) return asked.size > 0 ? [...built].filter((o) => asked.has(o)) : [...built];
  if (asked.size > 0) return [...asked];
  const n = embedder ? normaliseOrigin(embedder) : null;
  return n ? [n] : [];
}

function currentEmbedder(): string | null {
  if (typeof location === 'undefined') return null;
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  return ancestors && ancestors.length > 0 ? ancestors[0] : null;
}

/** True when a message may be served: it comes from our parent frame, at an allowed origin. */
export function acceptsMessage(e: { source: unknown; origin: string }, parent: unknown, self: unknown, origins: readonly string[]): boolean {
  return parent !== self && e.source === parent && origins.includes(e.origin);
}

/** Send a message to the host(s) that may hear it; used for `zk-precheck:photo` from the UI. */
export function postToHost(msg: Record<string, unknown>): void {
  for (const { win, origin } of hostPorts) (win as Window).postMessage(msg, origin);
}

/** The `zk-precheck:report` reply to an analyze request (CONTRACT.md). */
export function reportMessage(id: string, report: PhotoReport): { type: 'zk-precheck:report'; id: string; report: PhotoReport } {
  return { type: 'zk-precheck:report', id, report };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function startEmbedApi(opts: EmbedOptions): () => void {
  const origins = allowedOrigins(opts.search);
  let service: Promise<PhotoService> | null = null;
  const getService = () => (service ??= opts.service());

  // Not framed (opened as a page or a popup): the API stays off; the UI works as a standalone tool.
  hostPorts = [];
  if (window.parent === window) return () => {};
  hostPorts = origins.map((origin) => ({ win: window.parent, origin }));
  postToHost({ type: 'zk-precheck:ready', version: APP_VERSION });

  async function onMessage(e: MessageEvent) {
    const data = e.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith('zk-precheck:')) return;
    if (!acceptsMessage(e, window.parent, window, origins)) return; // not our parent at an allowed origin: ignore silently
    const reply = (msg: Record<string, unknown>) => (e.source as Window).postMessage(msg, e.origin);
    const id = typeof data.id === 'string' ? data.id : undefined;
    const file = data.file;
    const name = typeof data.name === 'string' && data.name ? data.name : file instanceof File ? file.name : 'photo.jpg';
    try {
      if (data.type === 'zk-precheck:analyze' || data.type === 'zk-precheck:fix') {
        if (!id) return reply({ type: 'zk-precheck:error', code: 'bad-request', message: '缺少 id 字段。' });
        if (!(file instanceof Blob)) return reply({ type: 'zk-precheck:error', id, code: 'bad-request', message: 'file 字段必须是 Blob。' });
        const svc = await getService();
        if (data.type === 'zk-precheck:analyze') {
          const report = await svc.analyze(file, name);
          reply(reportMessage(id, report));
        } else {
          // Absent: replace the background only when it fails P-BG-COLOR / P-BG-UNIFORM (issue 4).
          const bg = data.background === 'blue' || data.background === 'white' || data.background === 'keep' ? data.background : 'auto';
          const r = await svc.fix(file, name, bg);
          reply({ type: 'zk-precheck:fixed', id, ...r });
        }
      } else if (data.type !== 'zk-precheck:ready') {
        reply({ type: 'zk-precheck:error', id, code: 'unknown-type', message: `不支持的消息类型：${data.type}` });
      }
    } catch (err) {
      reply({ type: 'zk-precheck:error', id, code: 'internal', message: `处理失败：${errorMessage(err)}` });
    }
  }
  addEventListener('message', onMessage);
  return () => removeEventListener('message', onMessage);
}
