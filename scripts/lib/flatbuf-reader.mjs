// Minimal read-only FlatBuffer access for the TFLite model files handled by the asset build and its tests.
// Positions are absolute byte offsets into `bytes`. Field ids follow the order of the fields in the schema
// (the vtable slot of field n is at 4 + 2n).

export class FbReader {
  /** @param {Uint8Array} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(p) { return this.dv.getUint8(p); }
  i8(p) { return this.dv.getInt8(p); }
  u16(p) { return this.dv.getUint16(p, true); }
  i32(p) { return this.dv.getInt32(p, true); }
  u32(p) { return this.dv.getUint32(p, true); }
  f32(p) { return this.dv.getFloat32(p, true); }
  u64(p) { return this.dv.getBigUint64(p, true); }

  /** Root table position (honours an optional 4-byte file identifier after the root offset). */
  root(at = 0) { return at + this.u32(at); }

  identifier(at = 0) { return String.fromCharCode(...this.bytes.subarray(at + 4, at + 8)); }

  /** Absolute position of field `id` of the table at `t`, or 0 when absent. */
  field(t, id) {
    const vt = t - this.i32(t);
    const vtLen = this.u16(vt);
    const slot = 4 + 2 * id;
    if (slot >= vtLen) return 0;
    const o = this.u16(vt + slot);
    return o ? t + o : 0;
  }

  /** Follow the uoffset stored at position p. */
  deref(p) { return p + this.u32(p); }

  /** Table-valued field → table position or 0. */
  table(t, id) {
    const p = this.field(t, id);
    return p ? this.deref(p) : 0;
  }

  /** Vector-valued field → { start (first element), length } or null. */
  vector(t, id) {
    const p = this.field(t, id);
    if (!p) return null;
    const v = this.deref(p);
    return { pos: v, start: v + 4, length: this.u32(v) };
  }

  /** Vector of tables → array of table positions. */
  tables(t, id) {
    const v = this.vector(t, id);
    if (!v) return [];
    const out = [];
    for (let i = 0; i < v.length; i++) out.push(this.deref(v.start + 4 * i));
    return out;
  }

  ints(t, id) {
    const v = this.vector(t, id);
    if (!v) return [];
    const out = [];
    for (let i = 0; i < v.length; i++) out.push(this.i32(v.start + 4 * i));
    return out;
  }

  floats(t, id) {
    const v = this.vector(t, id);
    if (!v) return [];
    const out = [];
    for (let i = 0; i < v.length; i++) out.push(this.f32(v.start + 4 * i));
    return out;
  }

  ubytes(t, id) {
    const v = this.vector(t, id);
    return v ? this.bytes.subarray(v.start, v.start + v.length) : null;
  }

  string(t, id) {
    const v = this.vector(t, id);
    if (!v) return null;
    return new TextDecoder().decode(this.bytes.subarray(v.start, v.start + v.length));
  }

  scalar(t, id, kind, dflt = 0) {
    const p = this.field(t, id);
    if (!p) return dflt;
    return this[kind](p);
  }
}
