/**
 * Small bounds-aware readers over `Uint8Array`. The callers check lengths first; these helpers never read
 * outside the array (an out-of-range read returns 0 / '' so a bug can never turn into a RangeError).
 */

export function u8(b: Uint8Array, o: number): number {
  return o >= 0 && o < b.length ? b[o] : 0;
}

export function u16be(b: Uint8Array, o: number): number {
  return (u8(b, o) << 8) | u8(b, o + 1);
}

export function u16le(b: Uint8Array, o: number): number {
  return u8(b, o) | (u8(b, o + 1) << 8);
}

export function u32be(b: Uint8Array, o: number): number {
  return ((u8(b, o) << 24) | (u8(b, o + 1) << 16) | (u8(b, o + 2) << 8) | u8(b, o + 3)) >>> 0;
}

export function u32le(b: Uint8Array, o: number): number {
  return (u8(b, o) | (u8(b, o + 1) << 8) | (u8(b, o + 2) << 16) | (u8(b, o + 3) << 24)) >>> 0;
}

export function u24le(b: Uint8Array, o: number): number {
  return u8(b, o) | (u8(b, o + 1) << 8) | (u8(b, o + 2) << 16);
}

/** Latin-1 text of `len` bytes from `start` (clipped to the array). */
export function ascii(b: Uint8Array, start: number, len: number): string {
  let s = '';
  const end = Math.min(b.length, start + len);
  for (let i = Math.max(0, start); i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Do the bytes at `offset` spell `text` (Latin-1)? */
export function hasAscii(b: Uint8Array, offset: number, text: string): boolean {
  if (offset < 0 || offset + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}
