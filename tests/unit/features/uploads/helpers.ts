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
