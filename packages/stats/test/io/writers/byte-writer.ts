/** Appends little- or big-endian values to a growing byte buffer (test-file writers only). */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  constructor(readonly littleEndian = true) {}

  private room(n: number): number {
    if (this.length + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
      next.set(this.buf);
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }

  bytes(b: Uint8Array | readonly number[]): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }

  /** Text as UTF-8, NUL- or space-padded (or cut) to `width` when given. */
  text(s: string, width?: number, pad = 0): this {
    const b = new TextEncoder().encode(s);
    if (width === undefined) return this.bytes(b);
    const out = new Uint8Array(width).fill(pad);
    out.set(b.subarray(0, width));
    return this.bytes(out);
  }

  u8(v: number): this {
    const at = this.room(1);
    this.view.setUint8(at, v);
    return this;
  }
  i8(v: number): this {
    const at = this.room(1);
    this.view.setInt8(at, v);
    return this;
  }
  i16(v: number): this {
    const at = this.room(2);
    this.view.setInt16(at, v, this.littleEndian);
    return this;
  }
  u16(v: number): this {
    const at = this.room(2);
    this.view.setUint16(at, v, this.littleEndian);
    return this;
  }
  i32(v: number): this {
    const at = this.room(4);
    this.view.setInt32(at, v, this.littleEndian);
    return this;
  }
  u32(v: number): this {
    const at = this.room(4);
    this.view.setUint32(at, v, this.littleEndian);
    return this;
  }
  u64(v: number): this {
    const at = this.room(8);
    this.view.setBigUint64(at, BigInt(v), this.littleEndian);
    return this;
  }
  i64(v: number): this {
    const at = this.room(8);
    this.view.setBigInt64(at, BigInt(v), this.littleEndian);
    return this;
  }
  f32(v: number): this {
    const at = this.room(4);
    this.view.setFloat32(at, v, this.littleEndian);
    return this;
  }
  f64(v: number): this {
    const at = this.room(8);
    this.view.setFloat64(at, v, this.littleEndian);
    return this;
  }
  /** Overwrites a u64 at `at` (for offsets known later). */
  patchU64(at: number, v: number): void {
    this.view.setBigUint64(at, BigInt(v), this.littleEndian);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
