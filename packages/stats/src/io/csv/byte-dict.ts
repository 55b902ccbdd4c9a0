/**
 * A dictionary of byte strings → dense codes in order of first appearance, without making JS strings while
 * parsing: the bytes are kept in one pool and decoded once at the end, when the encoding is known.
 */
export class ByteDict {
  pool = new Uint8Array(1024);
  poolLen = 0;
  starts = new Int32Array(64);
  lens = new Int32Array(64);
  hashes = new Int32Array(64);
  count = 0;
  private table = new Int32Array(128);
  private mask = 127;

  /** The code of `b[s..e)`, adding it when new. */
  intern(b: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0;
    for (let p = s; p < e; p++) h = Math.imul(h ^ b[p], 16777619);
    const len = e - s;
    const table = this.table;
    let i = h & this.mask;
    for (;;) {
      const t = table[i];
      if (t === 0) break;
      const code = t - 1;
      if (this.hashes[code] === h && this.lens[code] === len && this.equals(code, b, s, len)) return code;
      i = (i + 1) & this.mask;
    }
    return this.add(b, s, len, h, i);
  }

  private equals(code: number, b: Uint8Array, s: number, len: number): boolean {
    const pool = this.pool;
    const o = this.starts[code] - s;
    for (let p = s, end = s + len; p < end; p++) if (pool[p + o] !== b[p]) return false;
    return true;
  }

  private add(b: Uint8Array, s: number, len: number, h: number, slot: number): number {
    const code = this.count++;
    if (code === this.starts.length) {
      this.starts = grow32(this.starts, code * 2);
      this.lens = grow32(this.lens, code * 2);
      this.hashes = grow32(this.hashes, code * 2);
    }
    if (this.poolLen + len > this.pool.length) {
      const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolLen + len));
      next.set(this.pool.subarray(0, this.poolLen));
      this.pool = next;
    }
    this.pool.set(b.subarray(s, s + len), this.poolLen);
    this.starts[code] = this.poolLen;
    this.lens[code] = len;
    this.hashes[code] = h;
    this.poolLen += len;
    this.table[slot] = code + 1;
    if (this.count * 2 > this.mask) this.rehash();
    return code;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let c = 0; c < this.count; c++) {
      let i = this.hashes[c] & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = c + 1;
    }
    this.table = table;
    this.mask = mask;
  }

  /** All entries' bytes, back to back (to validate an encoding in one go). */
  bytes(): Uint8Array {
    return this.pool.subarray(0, this.poolLen);
  }

  /** The entries as strings, in code order. */
  decode(decode: (bytes: Uint8Array) => string): string[] {
    const out = new Array<string>(this.count);
    for (let c = 0; c < this.count; c++) {
      const s = this.starts[c];
      out[c] = decode(this.pool.subarray(s, s + this.lens[c]));
    }
    return out;
  }
}

/** A copy of `a` with room for `size` entries. */
export function grow32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(a);
  return next;
}
