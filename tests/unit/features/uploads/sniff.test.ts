import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sniff, extensionMatches, nameExtension, isImageKind } from '../../../../src/features/uploads/sniff.ts';
import { jspdfBytes, randomBytes, enc, jpegHeaderBytes } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'uploads', 'sample.heic');

describe('sniff: the real format from the bytes', () => {
  const cases: [string, Uint8Array, string][] = [
    ['empty', new Uint8Array(0), 'empty'],
    ['jpeg', jpegHeaderBytes(10, 10), 'jpeg'],
    ['png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['webp', enc('RIFF\x10\x00\x00\x00WEBPVP8 '), 'webp'],
    ['gif', enc('GIF89a\x01\x00\x01\x00'), 'gif'],
    ['bmp', enc('BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00'), 'bmp'],
    ['avif (mif1 major, avif compatible)', enc('\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avifmiaf'), 'avif'],
    ['html saved as .pdf', enc('<!DOCTYPE html><html><body>证书</body></html>'), 'html'],
    ['svg', enc('<?xml version="1.0"?><svg xmlns="x"></svg>'), 'svg'],
    ['tiff', Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'tiff'],
    ['avif', enc('\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf'), 'avif'],
    ['pdf', jspdfBytes(1), 'pdf'],
    ['zip', Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0]), 'zip'],
    ['random', randomBytes(4096), 'unknown'],
    ['text', enc('hello world, not a picture'), 'unknown'],
  ];
  for (const [label, bytes, kind] of cases) it(label, () => expect(sniff(bytes)).toBe(kind));

  it('the committed HEIC fixture (heif-enc output) is heic', () => {
    expect(sniff(new Uint8Array(readFileSync(FIXTURE)))).toBe('heic');
  });
  it('an iPhone-style mif1 major brand with heic compatible brand is heic', () => {
    expect(sniff(enc('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic'))).toBe('heic');
  });
});

describe('extensions', () => {
  it('reads the extension case-insensitively', () => {
    expect(nameExtension('证书.JPEG')).toBe('jpeg');
    expect(nameExtension('noext')).toBe('');
  });
  it('matches JPEG/HEIC aliases and rejects a JPEG named .pdf', () => {
    expect(extensionMatches('a.jpg', 'jpeg')).toBe(true);
    expect(extensionMatches('a.JPEG', 'jpeg')).toBe(true);
    expect(extensionMatches('a.heif', 'heic')).toBe(true);
    expect(extensionMatches('a.pdf', 'jpeg')).toBe(false);
    expect(extensionMatches('a.jpg', 'png')).toBe(false);
  });
  it('image kinds', () => {
    expect(isImageKind('heic')).toBe(true);
    expect(isImageKind('pdf')).toBe(false);
    expect(isImageKind('tiff')).toBe(false);
  });
});
