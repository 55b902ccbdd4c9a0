import { categoricalFromCodes, createDataset, numericColumn } from '../../dataset/dataset.ts';
import type { Column, Dataset } from '../../dataset/dataset.types.ts';
import { DataFileError } from '../data-file-error.ts';
import { CsvColumnBuilder } from './csv-column.ts';
import type { CsvOptions } from './csv-options.ts';
import { sniffDecimal, sniffDelimiter, sniffEncoding, type TextEncodingName } from './csv-sniff.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { Utf16Transcoder } from './utf16-transcoder.ts';
import { unescapeQuotes } from './unescape-quotes.ts';
import { isValidUtf8, textDecoderFor } from '../text-decode.ts';
import { suggestNames } from '../../dataset/suggest-names.ts';

const SAMPLE_BYTES = 64 * 1024;

/**
 * Incremental CSV reader: `push` chunks of bytes as they arrive, then `finish()` for the dataset. Memory stays
 * proportional to the columns (typed arrays), never to row objects.
 *
 * @example
 * const r = new CsvReader();
 * r.push(new TextEncoder().encode('a,b\n1,x\n'));
 * r.push(new TextEncoder().encode('2,y\n'));
 * r.finish().nrows; // 2
 */
export class CsvReader {
  private sample: Uint8Array[] = [];
  private sampleBytes = 0;
  private tokenizer: CsvTokenizer | null = null;
  private transcoder: Utf16Transcoder | null = null;
  private encoding: TextEncodingName | undefined;
  private decimal = 46;
  private names: string[] | null = null;
  private nameBytes: Uint8Array[] = [];
  /** One builder per field; null for a field left out by `select`. */
  private columns: (CsvColumnBuilder | null)[] = [];
  private na: Uint8Array[];
  /** `naFirst[b]` is 1 when some NA token starts with byte `b`: most fields are ruled out with one look-up. */
  private naFirst = new Uint8Array(256);
  private rows = 0;
  /** Rows every column has room for; checked once per record instead of once per field. */
  private capacity = 0;
  private scratch = new Uint8Array(256);
  private done = false;
  private bytesIn = 0;

  constructor(private readonly options: CsvOptions = {}) {
    const enc = new TextEncoder();
    this.na = (options.na ?? ['NA']).map((s) => enc.encode(s)).filter((t) => t.length > 0);
    for (const t of this.na) this.naFirst[t[0]] = 1;
    this.encoding = options.encoding;
  }

  /** Feeds the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    if (this.done) throw new Error('CsvReader.push: reader already finished');
    this.bytesIn += chunk.length;
    this.options.onProgress?.(this.bytesIn);
    if (this.tokenizer) return this.feed(chunk, false);
    this.sample.push(chunk);
    this.sampleBytes += chunk.length;
    if (this.sampleBytes >= SAMPLE_BYTES) this.start(false);
  }

  /** Ends the input and returns the dataset. */
  finish(): Dataset {
    if (this.done) throw new Error('CsvReader.finish: reader already finished');
    if (!this.tokenizer) this.start(true);
    else this.feed(new Uint8Array(0), true);
    this.done = true;
    return this.build();
  }

  private start(final: boolean): void {
    let head = concat(this.sample, this.sampleBytes);
    this.sample = [];
    const sniffed = sniffEncoding(head);
    this.encoding ??= sniffed.encoding;
    const bom = sniffed.encoding === this.encoding ? sniffed.bom : 0;
    head = head.subarray(bom);
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      this.transcoder = new Utf16Transcoder(this.encoding);
      head = this.transcoder.transcode(head, final);
    }
    const o = this.options;
    const delimiter = o.delimiter ? o.delimiter.charCodeAt(0) : sniffDelimiter(head);
    this.decimal = o.decimal ? o.decimal.charCodeAt(0) : sniffDecimal(head, delimiter);
    if (this.decimal === delimiter) {
      throw new DataFileError('file.bad_option', 'the decimal separator cannot be the delimiter.', {
        file: o.source,
      });
    }
    this.tokenizer = new CsvTokenizer(delimiter, this.onRecord, o.source);
    this.tokenizer.push(head, final);
    // Size the arrays once from the rows per byte of the sample, instead of growing them repeatedly.
    if (!final && o.expectedBytes && this.rows > 0 && head.length > 0) {
      const rows = Math.ceil(((this.rows * o.expectedBytes) / head.length) * 1.05);
      this.reserveRows(Math.min(rows, 1 << 27));
    }
  }

  private feed(chunk: Uint8Array, final: boolean): void {
    const bytes = this.transcoder ? this.transcoder.transcode(chunk, final) : chunk;
    this.tokenizer!.push(bytes, final);
  }

  private onRecord = (
    b: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    flags: Uint8Array,
    nf: number,
    line: number,
  ): void => {
    if (nf === 1 && starts[0] === ends[0] && flags[0] === 0) return; // blank line
    if (!this.names) return this.setHeader(b, starts, ends, flags, nf);
    const cols = this.columns;
    if (nf !== cols.length) {
      throw new DataFileError(
        'csv.ragged_row',
        `this row has ${nf} fields but the header has ${cols.length}. Check for a missing or extra delimiter, or an unquoted delimiter inside a value.`,
        { file: this.options.source, line },
      );
    }
    if (this.rows >= this.capacity) this.reserveRows(Math.max(1024, Math.ceil(this.capacity * 1.6)));
    const naFirst = this.naFirst;
    for (let j = 0; j < nf; j++) {
      const col = cols[j];
      if (col === null) continue;
      let s = starts[j];
      let e = ends[j];
      let buf = b;
      const f = flags[j];
      if (s === e || (f === 0 && naFirst[b[s]] === 1 && this.isNa(b, s, e))) {
        col.addMissing();
        continue;
      }
      if (f === 3) {
        if (this.scratch.length < e - s) this.scratch = new Uint8Array(2 * (e - s));
        buf = this.scratch;
        e = unescapeQuotes(b, s, e, buf);
        s = 0;
      }
      if (!col.add(buf, s, e)) {
        throw new DataFileError(
          'csv.not_numeric',
          `"${new TextDecoder().decode(buf.subarray(s, e))}" in column "${this.names[j]}" is not a number, but the column was forced numeric. Fix the value or do not force the type.`,
          { file: this.options.source, line, column: this.names[j] },
        );
      }
    }
    this.rows++;
  };

  private reserveRows(rows: number): void {
    for (const c of this.columns) c?.reserve(rows);
    this.capacity = Math.max(this.capacity, rows);
  }

  private isNa(b: Uint8Array, s: number, e: number): boolean {
    for (let i = 0; i < this.na.length; i++) {
      const t = this.na[i];
      if (t.length !== e - s) continue;
      let k = 0;
      while (k < t.length && t[k] === b[s + k]) k++;
      if (k === t.length) return true;
    }
    return false;
  }

  private setHeader(
    b: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    flags: Uint8Array,
    nf: number,
  ): void {
    const o = this.options;
    const hasHeader = o.header ?? true;
    const decode = textDecoderFor(this.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
    this.nameBytes = [];
    for (let j = 0; j < nf; j++) {
      let raw = b.slice(starts[j], ends[j]);
      if (flags[j] === 3) raw = raw.subarray(0, unescapeQuotes(raw, 0, raw.length, raw));
      this.nameBytes.push(raw);
    }
    const names = this.nameBytes.map((raw, j) => (hasHeader && raw.length ? decode(raw) : `V${j + 1}`));
    checkNames(names, o);
    const keep = o.select ? new Set(o.select) : null;
    this.columns = names.map((n) =>
      keep && !keep.has(n) ? null : new CsvColumnBuilder(o.columnTypes?.[n], this.decimal, 1024),
    );
    this.names = names;
    if (!hasHeader) this.onRecord(b, starts, ends, flags, nf, 1);
  }

  private build(): Dataset {
    const o = this.options;
    if (!this.names)
      throw new DataFileError('file.empty', 'the file has no header and no data.', { file: o.source });
    const enc = this.encoding ?? (this.allUtf8() ? 'utf-8' : 'windows-1252');
    const decode = textDecoderFor(enc === 'windows-1252' ? 'windows-1252' : 'utf-8');
    const names =
      (o.header ?? true)
        ? this.nameBytes.map((raw, j) => (raw.length ? decode(raw) : `V${j + 1}`))
        : this.names;
    const columns: Column[] = [];
    const omitted: string[] = [];
    this.columns.forEach((c, j) => {
      if (c === null) return void omitted.push(names[j]);
      if (c.values) columns.push(numericColumn(names[j], trim(c.values, this.rows)));
      else columns.push(categoricalFromCodes(names[j], trim32(c.codes!, this.rows), c.dict!.decode(decode)));
    });
    return createDataset(columns, { source: o.source, omitted });
  }

  private allUtf8(): boolean {
    return (
      this.nameBytes.every(isValidUtf8) && this.columns.every((c) => !c?.dict || isValidUtf8(c.dict.bytes()))
    );
  }
}

/** Refuses duplicate header names, and `columnTypes` or `select` entries that name no column. */
export function checkNames(names: readonly string[], o: CsvOptions): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) {
      throw new DataFileError(
        'csv.duplicate_header',
        `the header names column "${n}" twice. Rename one of them.`,
        {
          file: o.source,
          line: 1,
          column: n,
        },
      );
    }
    seen.add(n);
  }
  for (const [option, list] of [
    ['columnTypes', Object.keys(o.columnTypes ?? {})],
    ['select', o.selectUnknown === 'ignore' ? [] : (o.select ?? [])],
  ] as const) {
    for (const n of list) {
      if (!seen.has(n)) {
        const close = suggestNames(n, names);
        const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
        throw new DataFileError(
          'csv.unknown_column',
          `${option} names "${n}", which is not in the header.${hint}`,
          {
            file: o.source,
            column: n,
          },
        );
      }
    }
  }
}

// A view is enough when little capacity is wasted; copying costs time and, briefly, memory.
function trim(a: Float64Array, n: number): Float64Array {
  return a.length <= n * 1.15 ? a.subarray(0, n) : a.slice(0, n);
}

function trim32(a: Int32Array, n: number): Int32Array {
  return a.length <= n * 1.15 ? a.subarray(0, n) : a.slice(0, n);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
