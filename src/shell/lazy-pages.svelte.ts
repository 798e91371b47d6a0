/**
 * Pages that are not needed for the first paint of the start page (照片): App.svelte hands in one loader per area
 * (a dynamic `import()`, so each page is its own chunk) and the page is loaded the first time its tab is opened, or
 * when the start URL names it. A page brings its own words (its module script adds src/i18n/area/*.ts), so it never
 * renders a missing key, in either language. Once loaded a page stays mounted, so switching tabs never loses input.
 */
type Loaders = Record<string, () => Promise<{ default: unknown }>>;
type Page<L extends Loaders, K extends keyof L> = Awaited<ReturnType<L[K]>>['default'];

export class LazyPages<L extends Loaders> {
  readonly #loaders: L;
  #pages = $state.raw<{ [K in keyof L]?: Page<L, K> }>({});
  #failed = $state.raw<{ [K in keyof L]?: true }>({});
  #loading = new Map<keyof L, Promise<void>>();

  constructor(loaders: L) {
    this.#loaders = loaders;
  }

  /** The loaded page component of `area`, or undefined while it is not (yet) there. */
  get<K extends keyof L>(area: K): Page<L, K> | undefined {
    return this.#pages[area];
  }

  /** The page's chunk could not be loaded (e.g. an old tab after an update removed it): the shell offers a reload. */
  failed(area: string): boolean {
    return !!this.#failed[area as keyof L];
  }

  /** Load `area`'s page once; resolves when it is there (or failed). Areas without a loader resolve at once. */
  load(area: string): Promise<void> {
    if (!Object.hasOwn(this.#loaders, area)) return Promise.resolve();
    const k = area as keyof L;
    let p = this.#loading.get(k);
    if (!p) {
      p = this.#loaders[k]()
        .then((m) => {
          this.#pages = { ...this.#pages, [k]: m.default };
        })
        .catch((err: unknown) => {
          console.error(`loading the ${area} page failed`, err);
          this.#loading.delete(k);
          this.#failed = { ...this.#failed, [k]: true };
        });
      this.#loading.set(k, p);
    }
    return p;
  }
}
