/**
 * Safe file stems for downloads: the user's own base name, with what no OS allows (\ / : * ? " < > |), control
 * characters and the bidirectional overrides that can disguise an extension (U+202A–U+202E, U+2066–U+2069)
 * replaced by `_`, runs of white space folded, leading/trailing dots and spaces dropped, at most `max` characters
 * (code points, so a Chinese name is never cut in half). The one cleaner for every area's download names.
 */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g;

/** `name` without its path and extension (an extension is 1–8 ASCII letters or digits after the last dot). */
export function stripExtension(name: string): string {
  const noPath = name.split(/[\\/]/).pop() ?? '';
  return noPath.replace(/\.[A-Za-z0-9]{1,8}$/, '');
}

/** Clean base name of `name` (path and extension removed); `fallback` when nothing is left. */
export function safeFileStem(name: string, fallback: string, max = 80): string {
  const clean = stripExtension(name).replace(UNSAFE, '_').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  return Array.from(clean).slice(0, max).join('') || fallback;
}
