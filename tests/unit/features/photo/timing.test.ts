/**
 * Timings of the fixer's pure steps in Node (printed, never asserted: the machine is shared and timing is not a
 * correctness property). Run: npx vitest run tests/unit/fixer/timing.test.ts
 */
import { expect, it } from 'vitest';
import { composeCrop } from '../../../../src/features/photo/compose.ts';
import { refineMatte } from '../../../../src/features/photo/matte.ts';
import { createJpegEncoder, fitJpeg } from '../../../../src/features/photo/encode.ts';
import { loadPhoto, readManifest, simpleCrop } from './pixels.ts';
import { crudeMask } from './masks.ts';

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

it('prints encode, search, compose and matte timings', () => {
  const img = simpleCrop(loadPhoto('a_man-grey-hivision-demo.jpg'));
  const fresh: number[] = [], cached: number[] = [], cachedOpt: number[] = [];
  for (let i = 0; i < 15; i++) {
    let t = performance.now();
    const enc = createJpegEncoder(img);
    enc.encode({ quality: 85 });
    fresh.push(performance.now() - t);
    t = performance.now();
    enc.encode({ quality: 86 });
    cached.push(performance.now() - t);
    t = performance.now();
    enc.encode({ quality: 87, optimizeHuffman: true });
    cachedOpt.push(performance.now() - t);
  }
  const rows: string[] = [];
  rows.push(`encode 480×640 4:2:0 (colour+DCT+quantise+Huffman), median of 15: ${median(fresh).toFixed(1)} ms`);
  rows.push(`re-encode at another quality (cached DCT), standard tables: ${median(cached).toFixed(1)} ms; optimised tables: ${median(cachedOpt).toFixed(1)} ms`);

  const files = readManifest().filter((r) => r.faces === 1).map((r) => r.file);
  const searchMs: number[] = [], encodes: number[] = [], qs: number[] = [], sizes: number[] = [];
  for (const f of files) {
    const c = simpleCrop(loadPhoto(f));
    const t = performance.now();
    const r = fitJpeg(c);
    searchMs.push(performance.now() - t);
    expect(r.ok).toBe(true);
    encodes.push(r.encodes);
    qs.push(r.quality);
    sizes.push(r.bytes!.length);
  }
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  rows.push(`size search over ${files.length} photos: median ${median(searchMs).toFixed(0)} ms, max ${Math.max(...searchMs).toFixed(0)} ms`);
  rows.push(`encodes per photo: mean ${mean(encodes).toFixed(2)}, max ${Math.max(...encodes)}; histogram ${JSON.stringify(encodes.reduce<Record<number, number>>((h, e) => ((h[e] = (h[e] ?? 0) + 1), h), {}))}`);
  rows.push(`quality reached: min ${Math.min(...qs)}, median ${median(qs)}, max ${Math.max(...qs)}; bytes: min ${Math.min(...sizes)}, max ${Math.max(...sizes)}`);

  const src = loadPhoto('b_man-grey-hair-event.jpg'); // 2500×2070
  let t = performance.now();
  composeCrop(src, { x: 600, y: -100, width: 1300, height: 1733.3 });
  rows.push(`compose 2500×2070 → 480×640 (Lanczos, with top padding): ${(performance.now() - t).toFixed(0)} ms`);
  const id = loadPhoto('a_cn-man-blue-idphoto.jpg');
  const composed = composeCrop(id, { x: 0, y: 0, width: 286, height: 381.3 });
  const m = crudeMask(id, 256);
  t = performance.now();
  refineMatte(composed.image, m.data, m.width, m.height);
  rows.push(`refineMatte 480×640 from a 256×256 mask: ${(performance.now() - t).toFixed(0)} ms`);
  console.log('\n' + rows.map((r) => '  ' + r).join('\n'));
});
