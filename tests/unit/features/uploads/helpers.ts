/** Test inputs for the uploads area, made here from scratch (no shared data needed). */
import { jsPDF } from 'jspdf';
import { zlibSync } from 'fflate';

export const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

export function jspdfBytes(pages: number, opts: { encrypted?: boolean } = {}): Uint8Array {
  const doc = new jsPDF(opts.encrypted ? { encryption: { userPassword: 'user', ownerPassword: 'owner', userPermissions: ['print'] } } : {});
  for (let i = 1; i <= pages; i++) {
    if (i > 1) doc.addPage();
    doc.text(`Page ${i}`, 20, 20);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/**
 * A PDF 1.5 written the modern way: catalogue and page tree inside a compressed object stream, located by a
 * compressed cross-reference stream (no 'trailer' keyword, no plain '/Type /Page' in the file's bytes).
 */
export function objectStreamPdf(pages: number, opts: { encryptKey?: boolean } = {}): Uint8Array {
  const objs: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  objs.push(`<< /Type /Catalog /Pages 2 0 R >>`); // 1
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`); // 2
  for (let i = 0; i < pages; i++) objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>`);
  let header = '';
  let body = '';
  objs.forEach((o, i) => {
    header += `${i + 1} ${body.length} `;
    body += `${o}\n`;
  });
  const objStm = zlibSync(enc(header + body));
  const objStmNum = objs.length + 1;
  const xrefNum = objs.length + 2;
  const parts: Uint8Array[] = [];
  let pos = 0;
  const push = (b: Uint8Array) => { parts.push(b); pos += b.length; };
  push(enc('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n'));
  const objStmOff = pos;
  push(enc(`${objStmNum} 0 obj\n<< /Type /ObjStm /N ${objs.length} /First ${header.length} /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n`));
  push(objStm);
  push(enc('\nendstream\nendobj\n'));
  const xrefOff = pos;
  // xref stream rows: type(1) field2(4) field3(2); W [1 4 2]
  const rows: number[] = [0, 0, 0, 0, 0, 0xff, 0xff];
  objs.forEach((_, i) => rows.push(2, 0, 0, 0, objStmNum, 0, i));
  rows.push(1, (objStmOff >>> 24) & 255, (objStmOff >>> 16) & 255, (objStmOff >>> 8) & 255, objStmOff & 255, 0, 0);
  rows.push(1, (xrefOff >>> 24) & 255, (xrefOff >>> 16) & 255, (xrefOff >>> 8) & 255, xrefOff & 255, 0, 0);
  const xref = zlibSync(Uint8Array.from(rows));
  const enckey = opts.encryptKey ? ' /Encrypt 99 0 R' : '';
  push(enc(`${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /Root 1 0 R /W [1 4 2] /Filter /FlateDecode /Length ${xref.length}${enckey} >>\nstream\n`));
  push(xref);
  push(enc(`\nendstream\nendobj\nstartxref\n${xrefOff}\n%%EOF\n`));
  const out = new Uint8Array(pos);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 255;
  }
  return out;
}

/** Minimal JPEG header bytes: SOI, APP0 JFIF, SOF (baseline or progressive), EOI. Not decodable; header only. */
export function jpegHeaderBytes(width: number, height: number, opts: { progressive?: boolean; components?: number } = {}): Uint8Array {
  const c = opts.components ?? 3;
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sofLen = 8 + 3 * c;
  const sof = [0xff, opts.progressive ? 0xc2 : 0xc0, sofLen >> 8, sofLen & 255, 8, height >> 8, height & 255, width >> 8, width & 255, c];
  for (let i = 0; i < c; i++) sof.push(i + 1, 0x11, 0);
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

/**
 * Hostile PDFs (issue 16 item 1), each ≤ 4 MiB and well formed at both ends (header, startxref, %%EOF):
 * - 'unclosed': `N 0 obj <<` repeated with no `>>` (every dictionary scan used to run to the end of the file);
 * - 'digits': one long run of digits (a `\d+\s+\d+\s+obj` regular expression backtracks quadratically on it);
 * - 'trailers': `trailer <<` repeated, unclosed (the trailer loop);
 * - 'bomb': a FlateDecode object stream of `inflatedMiB` MiB of zeros (a few hundred KB compressed).
 */
export function hostilePdf(kind: 'unclosed' | 'digits' | 'trailers' | 'bomb', targetBytes = 4_000_000, inflatedMiB = 256): Uint8Array {
  const head = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const tail = '\nstartxref\n0\n%%EOF\n';
  const fill = (unit: (i: number) => string) => {
    const parts: string[] = [];
    let len = head.length + tail.length;
    for (let i = 1; len < targetBytes - 32; i++) { const u = unit(i); parts.push(u); len += u.length; }
    return parts.join('');
  };
  if (kind === 'unclosed') return enc(head + fill((i) => `${i} 0 obj <</Type /Page /Parent 1 0 R\n`) + tail);
  if (kind === 'trailers') return enc(head + fill(() => 'trailer <</Size 3 ') + tail);
  if (kind === 'digits') return enc(head + '1'.repeat(targetBytes - head.length - tail.length - 8) + ' obj' + tail);
  const zeros = new Uint8Array(inflatedMiB << 20);
  const data = zlibSync(zeros, { level: 9 });
  const a = enc(`${head}1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`);
  const b = enc(`\nendstream\nendobj\n2 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj${tail}`);
  const out = new Uint8Array(a.length + data.length + b.length);
  out.set(a); out.set(data, a.length); out.set(b, a.length + data.length);
  return out;
}

/** A valid 1-bit greyscale PNG of `w` × `h` white-and-black... all black pixels: tiny on disk, huge decoded. */
export function bombPng(w: number, h: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b: Uint8Array) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, data.length);
    out.set(enc(type), 4);
    out.set(data, 8);
    dv.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, w); dv.setUint32(4, h); ihdr[8] = 1; ihdr[9] = 0;
  const raw = new Uint8Array((1 + Math.ceil(w / 8)) * h); // filter byte 0 + zero bits per row
  const parts = [Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
