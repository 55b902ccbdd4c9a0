import { DataFileError, type DataFileErrorCode } from './data-file-error.ts';

/**
 * Reads little- or big-endian values from bytes, checking bounds: reading past the end throws
 * `DataFileError('file.truncated')`, never a RangeError.
 */
export class ByteCursor {
  readonly view: DataView;
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    public littleEndian: boolean,
    readonly file?: string,
    start = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Throws unless `n` more bytes are there. */
  need(n: number, what = 'data'): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new DataFileError(
        'file.truncated',
        `the file ends inside the ${what} (needs ${n} bytes at byte ${this.pos}, has ${this.remaining}). The file is truncated or damaged: export it again.`,
        { file: this.file, offset: this.pos },
      );
    }
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }

  i8(): number {
    this.need(1);
    return this.view.getInt8(this.pos++);
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, this.littleEndian);
    this.pos += 2;
    return v;
  }

  i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos, this.littleEndian);
    this.pos += 2;
    return v;
  }

  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  /** An unsigned 64-bit integer; throws when above 2^53 (no real file is that large). */
  u64(what = 'offset'): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos + (this.littleEndian ? 0 : 4), this.littleEndian);
    const hi = this.view.getUint32(this.pos + (this.littleEndian ? 4 : 0), this.littleEndian);
    this.pos += 8;
    if (hi >= 0x200000) this.fail('file.truncated', `impossible ${what} ${hi} * 2^32. The file is damaged.`);
    return hi * 2 ** 32 + lo;
  }

  f32(): number {
    this.need(4);
    const v = this.view.getFloat32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, this.littleEndian);
    this.pos += 8;
    return v;
  }

  /** The next `n` bytes (a view, not a copy). */
  take(n: number, what?: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number, what?: string): void {
    this.need(n, what);
    this.pos += n;
  }

  /** The next `n` bytes as Latin-1 text (for ASCII tags and markers). */
  ascii(n: number): string {
    const b = this.take(n);
    let s = '';
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
    return s;
  }

  /** Throws a `DataFileError` at the current position. */
  fail(code: DataFileErrorCode, message: string): never {
    throw new DataFileError(code, message, { file: this.file, offset: this.pos });
  }
}
