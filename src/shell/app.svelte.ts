/**
 * App-wide state: locale, route, mode (kiosk / embed) and the "unsaved input" registry used by the
 * update flow. One instance is created in App.svelte / EmbedApp.svelte and passed by context.
 */
import { getContext, setContext } from 'svelte';
import { translator, pickLocale, type Locale, type Translate } from '../i18n/index.ts';

export type Route = 'photo' | 'uploads' | 'eligibility' | 'form';
export const ROUTES: readonly Route[] = ['photo', 'uploads', 'eligibility', 'form'];

export interface AppOptions {
  embed?: boolean;
  search?: string;
  hash?: string;
}

export class AppState {
  locale = $state<Locale>('zh-CN');
  route = $state<Route>('photo');
  readonly embed: boolean;
  readonly kiosk: boolean;
  /** Seconds of inactivity before a kiosk wipes everything (`?idle=` overrides, default 120). */
  readonly kioskIdleSeconds: number;
  #dirty = $state<Record<string, boolean>>({});
  /** Callbacks run on "清除" / kiosk wipe; each area registers one. */
  #wipers = new Set<() => void>();

  t: Translate = $derived(translator(this.locale));
  hasUnsavedInput = $derived(Object.values(this.#dirty).some(Boolean));
  #busy = $state<Record<string, boolean>>({});
  /** Some area is working (analysis, fixing, conversion): a kiosk does not count that time as idle. */
  busy = $derived(Object.values(this.#busy).some(Boolean));

  setBusy(area: string, busy: boolean) {
    if ((this.#busy[area] ?? false) !== busy) this.#busy = { ...this.#busy, [area]: busy };
  }

  constructor(opts: AppOptions = {}) {
    const params = new URLSearchParams(opts.search ?? '');
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

  onWipe(fn: () => void): () => void {
    this.#wipers.add(fn);
    return () => this.#wipers.delete(fn);
  }

  /** Wipe every area's data (kiosk idle, "清除全部数据"). */
  wipeAll() {
    for (const fn of this.#wipers) {
      try {
        fn();
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
