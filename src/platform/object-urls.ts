/**
 * Object URLs owned by one session: every URL made through it is revoked by `revoke(url)` or, at the latest, by
 * `revokeAll()` (clear, kiosk wipe, unmount) — so no blob of a previous candidate stays reachable.
 */
export class ObjectUrls {
  #live = new Set<string>();

  make(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.#live.add(url);
    return url;
  }

  /** Revoke one URL (null/undefined or a URL not made here is ignored). */
  revoke(url: string | null | undefined): void {
    if (!url || !this.#live.has(url)) return;
    URL.revokeObjectURL(url);
    this.#live.delete(url);
  }

  revokeAll(): void {
    for (const url of this.#live) URL.revokeObjectURL(url);
    this.#live.clear();
  }

  get size(): number {
    return this.#live.size;
  }
}
