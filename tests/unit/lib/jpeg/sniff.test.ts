import { describe, expect, it } from 'vitest';
import { mimeOf, sniff, heifBrand, pdfHeaderOffset, type SniffedFormat } from '../../../../src/lib/jpeg/index.ts';
import { PNG_SIG, be32, box, concat, le32, text } from './build.ts';

const ftyp = (major: string, compat: string[]) => box('ftyp', [...text(major), 0, 0, 0, 0, ...compat.flatMap(text)]);
const bmp = (dib: number) => concat(text('BM'), le32(70), le32(0), le32(54), le32(dib), le32(2), le32(2), [1, 0, 24, 0]);
const utf8 = (s: string) => new TextEncoder().encode(s);

const cases: [string, Uint8Array, SniffedFormat][] = [
  ['empty', new Uint8Array(0), 'empty'],
  ['JPEG SOI + APP0', concat([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'jpeg'],
  ['JPEG SOI + DQT (no APP)', concat([0xff, 0xd8, 0xff, 0xdb]), 'jpeg'],
  ['SOI without a third 0xFF', concat([0xff, 0xd8, 0x00, 0xe0]), 'unknown'],
  ['PNG signature', concat(PNG_SIG, be32(13), text('IHDR')), 'png'],
  ['PNG signature cut to 7 bytes', concat(PNG_SIG.slice(0, 7)), 'unknown'],
  ['WebP', concat(text('RIFF'), le32(100), text('WEBPVP8 ')), 'webp'],
  ['RIFF WAVE is not WebP', concat(text('RIFF'), le32(100), text('WAVEfmt ')), 'unknown'],
  ['GIF87a', concat(text('GIF87a'), [1, 0, 1, 0]), 'gif'],
  ['GIF89a', concat(text('GIF89a'), [1, 0, 1, 0]), 'gif'],
  ['BMP (BITMAPINFOHEADER)', bmp(40), 'bmp'],
  ['BMP (V5 header)', bmp(124), 'bmp'],
  ['"BM" text is not BMP', utf8('BMW owners club'), 'unknown'],
  ['TIFF II', concat(text('II'), [42, 0], le32(8)), 'tiff'],
  ['TIFF MM', concat(text('MM'), [0, 42], be32(8)), 'tiff'],
  ['HEIC major brand heic', concat(ftyp('heic', ['mif1', 'heic'])), 'heic'],
  ['HEIF mif1 major', concat(ftyp('mif1', ['heic'])), 'heic'],
  ['HEIF msf1 (sequence)', concat(ftyp('msf1', ['hevc'])), 'heic'],
  ['HEIC heix', concat(ftyp('heix', [])), 'heic'],
  ['AVIF (HEIF family)', concat(ftyp('avif', ['mif1', 'miaf'])), 'heic'],
  ['iPhone-style: compatible brand only', concat(ftyp('isom', ['mif1'])), 'heic'],
  ['MP4 video is not HEIF', concat(ftyp('isom', ['iso2', 'mp41'])), 'unknown'],
  ['PDF at 0', utf8('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
  ['PDF after 1000 junk bytes', concat(new Array(1000).fill(0x20), utf8('%PDF-1.4\n')), 'pdf'],
  ['PDF header beyond 1024 bytes', concat(new Array(1100).fill(0x20), utf8('%PDF-1.4\n')), 'unknown'],
  ['SVG', utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
  ['SVG after XML declaration, BOM and comment', concat([0xef, 0xbb, 0xbf], utf8('  <?xml version="1.0"?>\n<!-- x -->\n<svg width="1">')), 'svg'],
  ['SVG doctype', utf8('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ""><svg>'), 'svg'],
  ['HTML doctype', utf8('<!doctype html><html lang="zh">'), 'html'],
  ['HTML with leading whitespace, upper case', utf8('\r\n\t <HTML>\n<BODY>'), 'html'],
  ['HTML starting with <p>', utf8('<p>hello</p>'), 'html'],
  ['XHTML', utf8('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>'), 'html'],
  ['"<pre>" is not one of the sniffed tags', utf8('<pre>text'), 'unknown'],
  ['plain text', utf8('hello world'), 'unknown'],
  ['one zero byte', new Uint8Array(1), 'unknown'],
];

describe('sniff', () => {
  it.each(cases)('%s', (_label, bytes, want) => {
    expect(sniff(bytes)).toBe(want);
  });

  it('every format has a MIME type', () => {
    const formats: SniffedFormat[] = ['jpeg', 'png', 'webp', 'gif', 'heic', 'pdf', 'bmp', 'tiff', 'svg', 'html', 'empty', 'unknown'];
    const mimes = formats.map(mimeOf);
    expect(mimes).toEqual([
      'image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf', 'image/bmp', 'image/tiff',
      'image/svg+xml', 'text/html', 'application/octet-stream', 'application/octet-stream',
    ]);
  });

  it('heifBrand tells AVIF from HEIC; pdfHeaderOffset finds the header', () => {
    expect(heifBrand(concat(ftyp('avif', ['mif1'])))).toBe('avif');
    expect(heifBrand(concat(ftyp('isom', ['mp41', 'heic'])))).toBe('heic');
    expect(heifBrand(concat(ftyp('isom', ['mp41'])))).toBeNull();
    expect(pdfHeaderOffset(concat([0, 0, 0], utf8('%PDF-1.5')))).toBe(3);
    expect(pdfHeaderOffset(utf8('%PDF'))).toBe(-1);
  });
});
