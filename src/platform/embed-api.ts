/**
 * Embed API (CONTRACT.md "Embed API"): window.postMessage between the official site (host) and embed.html.
 * - Replies go only to `event.source` at `event.origin`, never to '*'.
 * - Allowed host origins: build-time list (VITE_EMBED_ORIGINS, comma separated) plus `?origin=` query
 *   parameters; when neither is given, the origin of the page that embeds us (ancestorOrigins / referrer).
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

function normaliseOrigin(o: string): string | null {
  try {
    const u = new URL(o);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

export function allowedOrigins(search: string, buildList = String(import.meta.env.VITE_EMBED_ORIGINS ?? '')): string[] {
  const list = new Set<string>();
  for (const o of buildList.split(',')) {
    const n = normaliseOrigin(o.trim());
    if (n) list.add(n);
  }
  for (const o of new URLSearchParams(search).getAll('origin')) {
    const n = normaliseOrigin(o);
    if (n) list.add(n);
  }
  if (list.size === 0) {
    const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
    const embedder = ancestors && ancestors.length > 0 ? ancestors[0] : document.referrer;
    const n = embedder ? normaliseOrigin(embedder) : null;
    if (n) list.add(n);
  }
  return [...list];
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

  if (window.parent !== window) {
    hostPorts = origins.map((origin) => ({ win: window.parent, origin }));
    postToHost({ type: 'zk-precheck:ready', version: APP_VERSION });
  }

  async function onMessage(e: MessageEvent) {
    const data = e.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith('zk-precheck:')) return;
    if (!origins.includes(e.origin) || !e.source) return; // not an allowed host: ignore silently
    const reply = (msg: Record<string, unknown>) => (e.source as Window).postMessage(msg, e.origin);
    if (!hostPorts.some((p) => p.win === e.source && p.origin === e.origin)) hostPorts.push({ win: e.source, origin: e.origin });
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
