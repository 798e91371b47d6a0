/** Test-only JPEG segment walker (independent of the encoder): markers, payloads, scan end, trailing bytes. */
export interface Segment {
  marker: number;
  offset: number;
  payload: Uint8Array; // without marker and length
}

export interface Walk {
  segments: Segment[];
  /** Offset of the EOI marker. */
  eoi: number;
  /** Bytes after EOI. */
  trailing: number;
}

export function walkJpeg(b: Uint8Array): Walk {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new Error('no SOI');
  const segments: Segment[] = [];
  let p = 2;
  for (;;) {
    if (b[p] !== 0xff) throw new Error(`expected marker at ${p}`);
    while (b[p] === 0xff) p++;
    const marker = 0xff00 | b[p++];
    if (marker === 0xffd9) return { segments, eoi: p - 2, trailing: b.length - p };
    const len = (b[p] << 8) | b[p + 1];
    segments.push({ marker, offset: p - 2, payload: b.subarray(p + 2, p + len) });
    p += len;
    if (marker === 0xffda) {
      // entropy-coded data: skip to the next marker that is not a stuffed 0xFF00 or a restart
      for (;;) {
        if (p >= b.length) throw new Error('no EOI');
        if (b[p] === 0xff && b[p + 1] !== 0x00 && !(b[p + 1] >= 0xd0 && b[p + 1] <= 0xd7)) break;
        p++;
      }
    }
  }
}

/** Quantisation tables of a DQT payload, in zig-zag order as stored, by table id. */
export function dqtTables(payload: Uint8Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let p = 0;
  while (p < payload.length) {
    const pq = payload[p] >> 4, tq = payload[p] & 15;
    p++;
    const t: number[] = [];
    for (let k = 0; k < 64; k++) {
      t.push(pq ? (payload[p] << 8) | payload[p + 1] : payload[p]);
      p += pq ? 2 : 1;
    }
    out.set(tq, t);
  }
  return out;
}
