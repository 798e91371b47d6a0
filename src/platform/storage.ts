/**
 * Local persistence, strictly opt-in: nothing is written unless the user ticked "在本机保存".
 * Keys are namespaced `zk-precheck:`; kiosk mode never saves (callers check `app.kiosk`).
 */
const PREFIX = 'zk-precheck:';

export function loadSaved<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function save(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forget(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    /* storage unavailable: nothing to forget */
  }
}

/** Remove every trace of user data: our localStorage keys, sessionStorage, IndexedDB, non-precache caches. */
export async function wipeBrowserStorage(): Promise<void> {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
    sessionStorage.clear();
  } catch {
    /* ignore */
  }
  try {
    const dbs = (await indexedDB.databases?.()) ?? [];
    await Promise.all(dbs.map((d) => d.name && new Promise((r) => { const q = indexedDB.deleteDatabase(d.name!); q.onsuccess = q.onerror = q.onblocked = r; })));
  } catch {
    /* ignore */
  }
  try {
    // The precache holds only the app's own files; any other cache could hold user data.
    for (const name of await caches.keys()) if (!name.includes('precache')) await caches.delete(name);
  } catch {
    /* ignore */
  }
}

/**
 * One area's opt-in saved copy ("在本机保存"): read back only when it passes the area's validity guard (an old or
 * damaged copy is ignored, never trusted), never read or written in kiosk mode.
 */
export class OptInStore<T> {
  constructor(private readonly key: string, private readonly valid: (v: unknown) => v is T, private readonly kiosk: boolean) {}

  /** The saved copy, or null when there is none, it is not valid, or this is a kiosk. */
  load(): T | null {
    if (this.kiosk) return null;
    const v = loadSaved<unknown>(this.key);
    return this.valid(v) ? v : null;
  }

  save(value: T): boolean {
    return this.kiosk ? false : save(this.key, value);
  }

  forget(): void {
    forget(this.key);
  }
}
