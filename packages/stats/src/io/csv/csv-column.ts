import { ByteDict, grow32 } from './byte-dict.ts';
import { latin1Text, numberState, parseNumberBytes } from './number-bytes.ts';

/**
 * How many numbers written non-canonically (`1.50`, `1e3`) a column remembers verbatim, in case it turns out to be
 * text. Past this, a column that turns categorical shows such numbers canonically (`1.5`); force the column
 * categorical with `columnTypes` to keep every text exactly.
 */
const MAX_VERBATIM = 100_000;

/** A column type a caller can force. */
export type CsvColumnType = 'numeric' | 'categorical';

/**
 * Accumulates one CSV column. Starts numeric (unless forced) and turns categorical, once and for good, at the
 * first value that is not a number; numbers read so far become text again exactly as they were written.
 */
export class CsvColumnBuilder {
  kind: CsvColumnType;
  readonly forced: boolean;
  n = 0;
  values: Float64Array | null;
  codes: Int32Array | null = null;
  dict: ByteDict | null = null;
  /** Numbers whose text `String(value)` would not reproduce (e.g. `1.50`), by row, while numeric. */
  private verbatim: Map<number, string> | null = null;
  /** Set once `verbatim` grew past {@link MAX_VERBATIM} and was dropped to bound memory. */
  private verbatimDropped = false;
  private readonly dec: number;

  constructor(forcedType: CsvColumnType | undefined, decimalByte: number, capacity: number) {
    this.kind = forcedType ?? 'numeric';
    this.forced = forcedType !== undefined;
    this.dec = decimalByte;
    this.values = this.kind === 'numeric' ? new Float64Array(capacity) : null;
    if (this.kind === 'categorical') {
      this.codes = new Int32Array(capacity);
      this.dict = new ByteDict();
    }
  }

  /** Adds a missing value. The caller has made room with {@link reserve}. */
  addMissing(): void {
    if (this.values) this.values[this.n++] = NaN;
    else this.codes![this.n++] = -1;
  }

  /**
   * Adds the text `b[s..e)`. Returns false when the column is forced numeric and the text is not a number
   * (the caller reports it); the value is then stored as missing.
   */
  add(b: Uint8Array, s: number, e: number): boolean {
    if (this.values) {
      // fast path: 1-15 plain digits without a superfluous leading zero, the usual case; canonical by construction
      if (e > s && e - s <= 15 && (b[s] !== 48 || e - s === 1)) {
        let m = 0;
        let p = s;
        for (; p < e; p++) {
          const d = b[p] - 48;
          if (d < 0 || d > 9) break;
          m = m * 10 + d;
        }
        if (p === e) {
          this.values[this.n++] = m;
          return true;
        }
      }
      const v = parseNumberBytes(b, s, e, this.dec);
      if (v === v) {
        if (!numberState.canonical && !this.verbatimDropped) this.keepVerbatim(latin1Text(b, s, e));
        this.values[this.n++] = v;
        return true;
      }
      if (this.forced) {
        this.values[this.n++] = NaN;
        return false;
      }
      this.toCategorical();
    }
    this.codes![this.n++] = this.dict!.intern(b, s, e);
    return true;
  }

  /** Makes room for `rows` rows in all. */
  reserve(rows: number): void {
    const cap = this.values ? this.values.length : this.codes!.length;
    if (rows <= cap) return;
    const size = rows;
    if (this.values) {
      const next = new Float64Array(size);
      next.set(this.values);
      this.values = next;
    } else this.codes = grow32(this.codes!, size);
  }

  private keepVerbatim(text: string): void {
    this.verbatim ??= new Map();
    this.verbatim.set(this.n, text);
    if (this.verbatim.size > MAX_VERBATIM) {
      this.verbatim = null;
      this.verbatimDropped = true;
    }
  }

  private toCategorical(): void {
    const values = this.values!;
    const codes = new Int32Array(values.length);
    const dict = new ByteDict();
    const enc = new TextEncoder();
    for (let i = 0; i < this.n; i++) {
      const v = values[i];
      if (v !== v) codes[i] = -1;
      else {
        let text = this.verbatim?.get(i) ?? String(v);
        if (this.dec !== 46 && !this.verbatim?.has(i)) text = text.replace('.', ',');
        const bytes = enc.encode(text);
        codes[i] = dict.intern(bytes, 0, bytes.length);
      }
    }
    this.values = null;
    this.verbatim = null;
    this.codes = codes;
    this.dict = dict;
    this.kind = 'categorical';
  }
}
