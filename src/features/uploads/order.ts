/** Page order of a merged PDF. Pure list moves, each returning a new array (the UI stores it in $state.raw). */

/** Move the item at `from` to index `to` (clamped). Out-of-range `from` returns a copy unchanged. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  if (from < 0 || from >= out.length) return out;
  const dest = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(dest, 0, item);
  return out;
}

export const moveUp = <T>(list: readonly T[], i: number): T[] => moveItem(list, i, i - 1);
export const moveDown = <T>(list: readonly T[], i: number): T[] => moveItem(list, i, i + 1);
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);

/** Per-page byte budget for a merged PDF of `pages` pages under `maxBytes` with `overhead` bytes kept free. */
export function pageBudget(maxBytes: number, pages: number, overhead: number, perPageOverhead = 1_500): number {
  if (pages < 1) throw new RangeError(`pageBudget: need ≥ 1 page, got ${pages}`);
  return Math.floor((maxBytes - overhead - perPageOverhead * pages) / pages);
}
