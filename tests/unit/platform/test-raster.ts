/** A Node stand-in for the canvas rasterizer: a real PNG (grey box per character) of the right proportions. */
import { deflateSync } from 'node:zlib';
import type { Rasterizer } from '../../../src/platform/pdf.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
/** Grey-scale PNG with `fill(x, y)` giving 0–255. */
export function encodePng(width: number, height: number, fill: (x: number, y: number) => number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = fill(x, y);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

export function makeTestRasterizer(calls: string[] = []): Rasterizer {
  return (text, sizePx) => {
    calls.push(text);
    const n = [...text].length;
    const widthPx = n * sizePx;
    const heightPx = Math.ceil(sizePx * 1.4);
    const baselinePx = Math.ceil(sizePx * 1.1);
    const png = encodePng(widthPx, heightPx, (x, y) => (x % sizePx > 8 && x % sizePx < sizePx - 8 && y > 12 && y < baselinePx ? 40 : 255));
    return { png, widthPx, heightPx, baselinePx };
  };
}
