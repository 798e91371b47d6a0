import { describe, it, expect } from 'vitest';
import { baseName, outputName, mergedPdfName } from '../../../../src/features/uploads/names.ts';
import { moveItem, moveUp, moveDown, removeAt, pageBudget } from '../../../../src/features/uploads/order.ts';
import { jpegHeader, jpegComplete } from '../../../../src/features/uploads/image-header.ts';
import { jpegHeaderBytes } from './helpers.ts';

describe('download names', () => {
  it('keeps the user\'s base name and sets the real extension', () => {
    expect(outputName('IMG_0001.HEIC', 'jpg')).toBe('IMG_0001.jpg');
    expect(outputName('英语四级证书.png', 'jpg')).toBe('英语四级证书.jpg');
    expect(outputName('证书.pdf', 'jpg')).toBe('证书.jpg');
  });
  it('removes characters no OS allows and path parts', () => {
    expect(baseName('C:\\Users\\a\\scan:1?.png')).toBe('scan_1_');
    expect(outputName('  .hidden.png', 'jpg')).toBe('hidden.jpg');
  });
  it('falls back when nothing is left', () => {
    expect(outputName('.png', 'jpg', '英语四六级证书')).toBe('英语四六级证书.jpg');
  });
  it('merged PDF name carries the page count', () => {
    expect(mergedPdfName('毕业实习鉴定', 5)).toBe('毕业实习鉴定-5页.pdf');
  });
});

describe('page order', () => {
  const pages = ['p1', 'p2', 'p3', 'p4', 'p5'];
  it('moves up and down, clamped at the ends, without mutating', () => {
    expect(moveUp(pages, 4)).toEqual(['p1', 'p2', 'p3', 'p5', 'p4']);
    expect(moveDown(pages, 0)).toEqual(['p2', 'p1', 'p3', 'p4', 'p5']);
    expect(moveUp(pages, 0)).toEqual(pages);
    expect(moveDown(pages, 4)).toEqual(pages);
    expect(pages).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });
  it('drag: moves an item anywhere', () => {
    expect(moveItem(pages, 4, 0)).toEqual(['p5', 'p1', 'p2', 'p3', 'p4']);
    expect(moveItem(pages, 0, 99)).toEqual(['p2', 'p3', 'p4', 'p5', 'p1']);
    expect(moveItem(pages, 9, 0)).toEqual(pages);
  });
  it('removes', () => {
    expect(removeAt(pages, 2)).toEqual(['p1', 'p2', 'p4', 'p5']);
  });
  it('page budget leaves room for the PDF structure', () => {
    const b = pageBudget(4_000_000, 5, 16_000);
    expect(b * 5 + 16_000 + 5 * 1_500).toBeLessThanOrEqual(4_000_000);
    expect(() => pageBudget(4_000_000, 0, 0)).toThrow(RangeError);
  });
});

describe('jpegHeader', () => {
  it('reads size and components from SOF0 and SOF2', () => {
    expect(jpegHeader(jpegHeaderBytes(4000, 3000))).toEqual({ width: 4000, height: 3000, components: 3, progressive: false });
    expect(jpegHeader(jpegHeaderBytes(1600, 1200, { progressive: true, components: 1 }))).toEqual({ width: 1600, height: 1200, components: 1, progressive: true });
  });
  it('null for non-JPEG, end marker detection', () => {
    expect(jpegHeader(Uint8Array.from([0x89, 0x50]))).toBeNull();
    expect(jpegComplete(jpegHeaderBytes(10, 10))).toBe(true);
    expect(jpegComplete(jpegHeaderBytes(10, 10).subarray(0, 20))).toBe(false);
  });
});
