/** Download names: the user's own base name, cleaned for every OS, with the extension of the real format. */
import { safeFileStem } from '../../lib/text/file-stem.ts';

/** Base name without extension, unsafe characters replaced, at most `max` characters; `fallback` when empty. */
export function baseName(name: string, fallback = '材料', max = 60): string {
  return safeFileStem(name, fallback, max);
}

/** `证书.HEIC` → `证书.jpg`; `scan.png` → `scan.jpg`; a renamed `x.pdf` that is a JPEG → `x.jpg`. */
export function outputName(original: string, ext: 'jpg' | 'pdf', fallback?: string): string {
  return `${baseName(original, fallback)}.${ext}`;
}

/** Name of a merged PDF: the label (e.g. 护理毕业实习鉴定) or the first page's name, plus the page count. */
export function mergedPdfName(label: string, pages: number, pagesWord = '页'): string {
  return `${baseName(label, '合并材料')}-${pages}${pagesWord}.pdf`;
}
