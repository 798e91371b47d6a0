import { describe, it, expect } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { writeStoredZip, readZip, crc32 } from '../../../scripts/lib/zip-stored.mjs';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('writeStoredZip', () => {
  const data = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

  it('aligns every entry for any name length and round-trips', () => {
    for (let nameLen = 1; nameLen <= 70; nameLen += 3) {
      const entries = [
        { name: 'a'.repeat(nameLen), data: data(1000 + nameLen, 1) },
        { name: `b/${'x'.repeat(nameLen)}.bin`, data: data(77, 2) },
        { name: 'empty', data: new Uint8Array(0) },
      ];
      const zip = writeStoredZip(entries, { align: 64 });
      const back = readZip(zip);
      expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      back.forEach((e, i) => {
        expect(e.method).toBe(0);
        expect(e.dataOffset % 64).toBe(0);
        expect(Buffer.compare(e.data, entries[i].data)).toBe(0);
        expect(e.crc).toBe(crc32(entries[i].data));
      });
    }
  });

  it('is deterministic and uses a well-formed alignment extra field', () => {
    const entries = [{ name: 'm.tflite', data: data(500, 3) }];
    const a = writeStoredZip(entries);
    const b = writeStoredZip(entries);
    expect(Buffer.compare(a, b)).toBe(0);
    const dv = new DataView(a.buffer, a.byteOffset);
    const extraLen = dv.getUint16(28, true);
    expect(extraLen).toBeGreaterThanOrEqual(6);
    expect(dv.getUint16(30 + 8, true)).toBe(0xd935);
    expect(dv.getUint16(30 + 8 + 2, true)).toBe(extraLen - 4);
  });

  it('is readable by a generic ZIP reader path (local header sizes agree with the central directory)', () => {
    const zip = writeStoredZip([{ name: 'x.txt', data: new TextEncoder().encode('hello') }]);
    const [e] = readZip(zip);
    const dv = new DataView(zip.buffer, zip.byteOffset);
    expect(dv.getUint32(e.headerOffset + 18, true)).toBe(5);
    expect(dv.getUint16(e.headerOffset + 8, true)).toBe(0);
    // A STORED entry is not deflate data: inflating it must fail, i.e. nothing was compressed.
    expect(() => inflateRawSync(e.data)).toThrow();
    expect(new TextDecoder().decode(e.data)).toBe('hello');
  });
});
