/**
 * App-wide state: locale, route, mode (kiosk / embed) and the "unsaved input" registry used by the
 * update flow. One instance is created in App.svelte / EmbedApp.svelte and passed by context.
 */
import { getContext, setContext } from 'svelte';
import { registerServiceWorker, onOtherTabUpdated, type UpdateHandle } from '../platform/pwa.ts';
import { wipeBrowserStorage } from '../platform/storage.ts';
import { copyText, clearCopiedText } from '../platform/clipboard.ts';
import { startEmbedApi } from '../platform/embed-api.ts';
import type { PhotoService } from '../features/photo/service-types.ts';
import { translator, pickLocale, type Locale, type Translate } from '../i18n/ui.ts';

/** A session that holds a candidate's data: the kiosk guard and 清除全部数据 call `wipe()` on every registered one. */
export interface Wipeable {
  wipe(): void;
}

export type Route = 'photo' | 'uploads' | 'eligibility' | 'form' | 'overview';
export const ROUTES: readonly Route[] = ['photo', 'uploads', 'eligibility', 'form', 'overview'];

export interface AppOptions {
  embed?: boolean;
  search?: string;
  hash?: string;
}

export class AppState {
  locale = $state<Locale>('zh-CN');
  route = $state<Route>('photo');
  readonly embed: boolean;
  readonly #search: string;
  readonly kiosk: boolean;
  /** Seconds of inactivity before a kiosk wipes everything (`?idle=` overrides, default 120). */
  readonly kioskIdleSeconds: number;
  #dirty = $state<Record<string, boolean>>({});
  /** Sessions wiped on "清除全部数据" / kiosk wipe; each area registers its own while it is mounted. */
  #wipers = new Set<Wipeable>();

  t: Translate = $derived(translator(this.locale));
  hasUnsavedInput = $derived(Object.values(this.#dirty).some(Boolean));
  #busy = $state<Record<string, boolean>>({});
  /** Some area is working (analysis, fixing, conversion): a kiosk does not count that time as idle. */
  busy = $derived(Object.values(this.#busy).some(Boolean));

  setBusy(area: string, busy: boolean) {
    if ((this.#busy[area] ?? false) !== busy) this.#busy = { ...this.#busy, [area]: busy };
  }

  constructor(opts: AppOptions = {}) {
    this.#search = opts.search ?? '';
    const params = new URLSearchParams(this.#search);
    this.embed = !!opts.embed;
    this.kiosk = !this.embed && (params.get('kiosk') === '1' || params.get('kiosk') === 'true');
    const idle = Number(params.get('idle'));
    this.kioskIdleSeconds = Number.isFinite(idle) && idle >= 10 ? Math.round(idle) : 120;
    const lang = params.get('lang');
    // zh-CN is the default whatever the browser says; `?lang=en` or the switch selects English.
    this.locale = lang ? pickLocale([lang]) : 'zh-CN';
    const fromHash = (opts.hash ?? '').replace(/^#\/?/, '') as Route;
    if (ROUTES.includes(fromHash)) this.route = fromHash;
  }

  /** A new deployment waiting to be applied (set by the service worker; the update banner shows it). */
  update = $state.raw<UpdateHandle | null>(null);

  /** Register the service worker (offline use); a waiting update is offered through `update`, never forced. */
  startServiceWorker(onReady?: () => void): void {
    registerServiceWorker((h) => (this.update = h), onReady);
    // Another tab applied an update: reload now when nothing would be lost, else ask (the banner).
    onOtherTabUpdated(() => {
      const reload: UpdateHandle = { kind: 'other-tab', apply: () => location.reload() };
      if (!this.hasUnsavedInput) reload.apply();
      else this.update = reload;
    });
  }

  /** Embedded (embed.html): answer the official site's postMessage requests with this photo service. */
  startEmbedApi(service: () => Promise<PhotoService>): () => void {
    return startEmbedApi({ search: this.#search, service });
  }

  dismissUpdate(): void {
    this.update = null;
  }

  /** Called after each kiosk wipe (the shell warms the photo worker again at the next person's first touch). */
  onWiped: (() => void) | null = null;

  /** The kiosk's wipe between two people: every session, then every trace in browser storage. */
  async wipeForNextPerson(): Promise<void> {
    this.wipeAll();
    await Promise.all([wipeBrowserStorage(), clearCopiedText()]);
    this.go('photo');
    this.onWiped?.();
  }

  /** Copy text for the user (never offered in kiosk mode); what is copied is taken back at a kiosk wipe. */
  async copy(text: string): Promise<void> {
    if (this.kiosk) throw new Error('no clipboard in kiosk mode');
    await copyText(text);
  }

  go(route: Route) {
    this.route = route;
  }

  toggleLocale() {
    this.locale = this.locale === 'zh-CN' ? 'en' : 'zh-CN';
  }

  /** An area says whether it holds input the user has not saved (blocks silent reloads). */
  setDirty(area: string, dirty: boolean) {
    if ((this.#dirty[area] ?? false) !== dirty) this.#dirty = { ...this.#dirty, [area]: dirty };
  }

  /**
   * Register a session to be wiped; returns the disposer. Call it from an `$effect` so the registration ends when
   * the component that owns the session unmounts: `$effect(() => app.register(session))`.
   */
  register(w: Wipeable): () => void {
    this.#wipers.add(w);
    return () => {
      this.#wipers.delete(w);
    };
  }

  /** How many sessions are registered (tests: no registration outlives its component). */
  get registered(): number {
    return this.#wipers.size;
  }

  /** Wipe every area's data (kiosk idle, "清除全部数据"). */
  wipeAll() {
    for (const w of this.#wipers) {
      try {
        w.wipe();
      } catch (e) {
        console.error('wipe failed', e);
      }
    }
    this.#dirty = {};
  }
}

const KEY = Symbol('app');
export function setApp(app: AppState): AppState {
  return setContext(KEY, app);
}
export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('AppState context missing');
  return app;
}
