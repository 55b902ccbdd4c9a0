import { DataFileError } from '../data-file-error.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Receives each complete record: field `i` is `buf[starts[i]..ends[i])`; `flags[i]` bit 1 = quoted, bit 2 = has `""`. */
export type RecordSink = (
  buf: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  flags: Uint8Array,
  nfields: number,
  line: number,
) => void;

/**
 * Splits bytes into CSV records (RFC 4180 with CR, LF or CRLF line ends), chunk by chunk. A record cut by the end of
 * a chunk is kept and completed by the next one.
 */
export class CsvTokenizer {
  private carry: Uint8Array | null = null;
  private line = 1;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);
  /** Set by `parseRecord`: lines inside quoted fields of the record just parsed. */
  private extraLines = 0;
  /** Bytes of input consumed before the current buffer (the carry excluded). */
  private base = 0;
  /** During a sink call: the input offset just after the record being delivered. */
  recordEnd = 0;

  constructor(
    private readonly delimiter: number,
    private readonly sink: RecordSink,
    private readonly file?: string,
  ) {}

  /** Parses what can be parsed of `chunk`; `final` says no more bytes follow. */
  push(chunk: Uint8Array, final = false): void {
    let buf = chunk;
    if (this.carry) {
      this.base -= this.carry.length;
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const end = this.parseRecord(buf, pos, final);
      if (end < 0) {
        this.carry = buf.slice(pos);
        this.base += n;
        return;
      }
      this.recordEnd = this.base + end;
      this.sink(buf, this.starts, this.ends, this.flags, this.nfields, this.line);
      this.line += 1 + this.extraLines;
      pos = end;
    }
    this.base += n;
  }

  /** Bytes of an incomplete record held back, waiting for more input (0 after a record boundary). */
  get pending(): number {
    return this.carry ? this.carry.length : 0;
  }

  /** The current line number (1-based): the line the next record starts on. */
  get lineNumber(): number {
    return this.line;
  }

  private nfields = 0;

  /** Parses one record from `pos`; returns the position after it, or -1 when the buffer ends first. */
  private parseRecord(buf: Uint8Array, pos: number, final: boolean): number {
    const n = buf.length;
    const d = this.delimiter;
    let p = pos;
    let nf = 0;
    let extra = 0;
    let starts = this.starts;
    let ends = this.ends;
    let flags = this.flags;
    for (;;) {
      if (nf === starts.length) {
        this.growFields();
        starts = this.starts;
        ends = this.ends;
        flags = this.flags;
      }
      let c = p < n ? buf[p] : -1;
      if (c === QUOTE) {
        let q = p + 1;
        let flag = 1;
        for (;;) {
          if (q >= n) {
            if (!final) return -1;
            throw new DataFileError(
              'csv.unterminated_quote',
              `a quoted field opened here is never closed. Close the quote, or double any quote inside the field ("").`,
              { file: this.file, line: this.line + countLf(buf, pos, p), column: nf + 1 },
            );
          }
          const b = buf[q];
          if (b === QUOTE) {
            if (q + 1 >= n && !final) return -1;
            if (q + 1 < n && buf[q + 1] === QUOTE) {
              flag = 3;
              q += 2;
              continue;
            }
            break;
          }
          if (b === LF) extra++;
          q++;
        }
        starts[nf] = p + 1;
        ends[nf] = q;
        flags[nf++] = flag;
        p = q + 1;
        c = p < n ? buf[p] : -1;
        if (c !== d && c !== LF && c !== CR && c !== -1) {
          throw new DataFileError(
            'csv.stray_quote',
            `unexpected text after the closing quote of field ${nf}. Double quotes inside a quoted field ("").`,
            { file: this.file, line: this.line + extra, column: nf },
          );
        }
      } else {
        const fs = p;
        while (p < n) {
          c = buf[p];
          if (c === d || c === LF || c === CR) break;
          p++;
        }
        if (p >= n) c = -1;
        starts[nf] = fs;
        ends[nf] = p;
        flags[nf++] = 0;
      }
      if (c === d) {
        p++;
        continue;
      }
      if (c === LF) p++;
      else if (c === CR) {
        if (p + 1 < n) p += buf[p + 1] === LF ? 2 : 1;
        else if (!final) return -1;
        else p++;
      } else if (!final) return -1;
      break;
    }
    this.nfields = nf;
    this.extraLines = extra;
    return p;
  }

  private growFields(): void {
    const size = this.starts.length * 2;
    const s = new Int32Array(size);
    s.set(this.starts);
    const e = new Int32Array(size);
    e.set(this.ends);
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.starts = s;
    this.ends = e;
    this.flags = f;
  }
}

function countLf(buf: Uint8Array, from: number, to: number): number {
  let k = 0;
  for (let p = from; p < to; p++) if (buf[p] === LF) k++;
  return k;
}
