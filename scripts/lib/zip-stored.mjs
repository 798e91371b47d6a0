// A deterministic ZIP writer/reader for uncompressed (STORED) archives such as MediaPipe `.task` bundles.
// MediaPipe maps the entries in place, so they must be STORED and each entry's data is aligned (64 bytes
// here) by padding the local header's extra field (an "alignment" extra block, id 0xD935, as zipalign does).
// Timestamps are fixed (1980-01-01 00:00), so the same inputs always give the same bytes.

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ALIGN_EXTRA_ID = 0xd935;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

let crcTable;
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @param {Array<{name: string, data: Uint8Array}>} entries  in archive order
 * @param {{align?: number}} [opts]
 * @returns {Uint8Array}
 */
export function writeStoredZip(entries, { align = 64 } = {}) {
  const enc = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = crc32(e.data);
    const headerEnd = offset + 30 + name.length;
    let pad = (align - (headerEnd % align)) % align;
    if (pad > 0 && pad < 6) pad += align; // an extra block needs 4 header bytes + 2 alignment bytes
    const local = new Uint8Array(30 + name.length + pad);
    const dv = new DataView(local.buffer);
    dv.setUint32(0, LOCAL_SIG, true);
    dv.setUint16(4, 10, true); // version needed: 1.0 (stored)
    dv.setUint16(6, 0, true); // flags
    dv.setUint16(8, 0, true); // method: STORED
    dv.setUint16(10, DOS_TIME, true);
    dv.setUint16(12, DOS_DATE, true);
    dv.setUint32(14, crc, true);
    dv.setUint32(18, e.data.length, true);
    dv.setUint32(22, e.data.length, true);
    dv.setUint16(26, name.length, true);
    dv.setUint16(28, pad, true);
    local.set(name, 30);
    if (pad) {
      const x = 30 + name.length;
      dv.setUint16(x, ALIGN_EXTRA_ID, true);
      dv.setUint16(x + 2, pad - 4, true);
      dv.setUint16(x + 4, align, true);
    }
    central.push({ name, crc, size: e.data.length, offset });
    parts.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const cdStart = offset;
  for (const c of central) {
    const rec = new Uint8Array(46 + c.name.length);
    const dv = new DataView(rec.buffer);
    dv.setUint32(0, CENTRAL_SIG, true);
    dv.setUint16(4, 20, true); // version made by (MS-DOS, 2.0)
    dv.setUint16(6, 10, true);
    dv.setUint16(8, 0, true);
    dv.setUint16(10, 0, true);
    dv.setUint16(12, DOS_TIME, true);
    dv.setUint16(14, DOS_DATE, true);
    dv.setUint32(16, c.crc, true);
    dv.setUint32(20, c.size, true);
    dv.setUint32(24, c.size, true);
    dv.setUint16(28, c.name.length, true);
    // extra, comment, disk, internal/external attributes: 0
    dv.setUint32(42, c.offset, true);
    rec.set(c.name, 46);
    parts.push(rec);
    offset += rec.length;
  }
  const end = new Uint8Array(22);
  const dv = new DataView(end.buffer);
  dv.setUint32(0, END_SIG, true);
  dv.setUint16(8, central.length, true);
  dv.setUint16(10, central.length, true);
  dv.setUint32(12, offset - cdStart, true);
  dv.setUint32(16, cdStart, true);
  parts.push(end);
  offset += 22;
  const out = new Uint8Array(offset);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/**
 * Lists a ZIP archive from its central directory (no ZIP64, no multi-disk).
 * @returns {Array<{name: string, method: number, crc: number, compressedSize: number, size: number,
 *   headerOffset: number, dataOffset: number, data: Uint8Array}>}
 */
export function readZip(bytes) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === END_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end-of-central-directory record');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  const out = [];
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== CENTRAL_SIG) throw new Error('bad central directory entry');
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const headerOffset = dv.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (dv.getUint32(headerOffset, true) !== LOCAL_SIG) throw new Error(`bad local header for ${name}`);
    const dataOffset =
      headerOffset + 30 + dv.getUint16(headerOffset + 26, true) + dv.getUint16(headerOffset + 28, true);
    out.push({
      name, method, crc, compressedSize, size, headerOffset, dataOffset,
      data: bytes.subarray(dataOffset, dataOffset + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
