import { DataFileError } from '../data-file-error.ts';
import { CsvColumnBuilder, type CsvColumnType } from './csv-column.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { unescapeQuotes } from './unescape-quotes.ts';

/** How to parse one byte range of a CSV file whose header and dialect are already known. */
export interface CsvRangeSetup {
  readonly delimiter: number;
  readonly decimal: number;
  /** Field texts that mean missing besides the empty field. */
  readonly na: readonly string[];
  /** Number of fields every record must have. */
  readonly nfields: number;
  /** Per field: `null` to skip it, else the forced type or `'auto'`. */
  readonly fields: readonly (CsvColumnType | 'auto' | null)[];
  /** Rows to make room for at once. */
  readonly expectedRows: number;
  /** Whether the range ends the file (a last record without a newline is then complete). */
  readonly last?: boolean;
  readonly source?: string;
}

/** A column of one range: numbers, or codes into that range's own dictionary of byte strings. */
export type CsvRangeColumn =
  | { readonly kind: 'numeric'; readonly values: Float64Array }
  | {
      readonly kind: 'categorical';
      readonly codes: Int32Array;
      /** The dictionary: entry `c` is `pool[starts[c] .. starts[c] + lens[c])`. */
      readonly pool: Uint8Array;
      readonly starts: Int32Array;
      readonly lens: Int32Array;
    };

/** What parsing one range gave. */
export interface CsvRangeResult {
  readonly rows: number;
  /** Lines the range spans (records plus newlines inside quoted fields). */
  readonly lines: number;
  /**
   * False when the range ended inside a record (a newline inside a quoted field was taken for a record end by the
   * split): the caller must parse the file in one piece instead.
   */
  readonly complete: boolean;
  /** One entry per field of the setup; null for skipped fields. */
  readonly columns: readonly (CsvRangeColumn | null)[];
}

/**
 * Parses a range of CSV bytes that starts at a record boundary, without a header: the unit of work of the parallel
 * reader (each worker thread parses ranges; {@link mergeCsvRanges} puts them together). Errors carry the line
 * counted from the start of the range.
 *
 * @example
 * const r = parseCsvRange(new TextEncoder().encode('1,x\n2,y\n'), {
 *   delimiter: 44, decimal: 46, na: ['NA'], nfields: 2, fields: ['auto', 'auto'], expectedRows: 2 });
 * r.rows; // 2
 * r.columns[0]; // { kind: 'numeric', values: Float64Array [1, 2] }
 */
export function parseCsvRange(
  bytes: Uint8Array,
  setup: CsvRangeSetup,
  onProgress?: (bytesDone: number) => void,
): CsvRangeResult {
  const builders = setup.fields.map((f) =>
    f === null ? null : new CsvColumnBuilder(f === 'auto' ? undefined : f, setup.decimal, setup.expectedRows),
  );
  const enc = new TextEncoder();
  const na = setup.na.map((t) => enc.encode(t)).filter((t) => t.length > 0);
  const naFirst = new Uint8Array(256);
  for (const t of na) naFirst[t[0]] = 1;
  let rows = 0;
  let capacity = setup.expectedRows;
  let scratch = new Uint8Array(256);
  const isNa = (b: Uint8Array, s: number, e: number): boolean => {
    for (const t of na) {
      if (t.length !== e - s) continue;
      let k = 0;
      while (k < t.length && t[k] === b[s + k]) k++;
      if (k === t.length) return true;
    }
    return false;
  };
  const onRecord = (
    b: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    flags: Uint8Array,
    nf: number,
    line: number,
  ): void => {
    if (nf === 1 && starts[0] === ends[0] && flags[0] === 0) return;
    if (nf !== setup.nfields) {
      throw new DataFileError(
        'csv.ragged_row',
        `this row has ${nf} fields but the header has ${setup.nfields}. Check for a missing or extra delimiter, or an unquoted delimiter inside a value.`,
        { file: setup.source, line },
      );
    }
    if (rows >= capacity) {
      capacity = Math.max(1024, Math.ceil(capacity * 1.6));
      for (const c of builders) c?.reserve(capacity);
    }
    for (let j = 0; j < nf; j++) {
      const col = builders[j];
      if (col === null) continue;
      let s = starts[j];
      let e = ends[j];
      let buf = b;
      const f = flags[j];
      if (s === e || (f === 0 && naFirst[b[s]] === 1 && isNa(b, s, e))) {
        col.addMissing();
        continue;
      }
      if (f === 3) {
        if (scratch.length < e - s) scratch = new Uint8Array(2 * (e - s));
        buf = scratch;
        e = unescapeQuotes(b, s, e, buf);
        s = 0;
      }
      if (!col.add(buf, s, e)) {
        throw new DataFileError(
          'csv.not_numeric',
          `"${new TextDecoder().decode(buf.subarray(s, e))}" in field ${j + 1} is not a number, but the column was forced numeric. Fix the value or do not force the type.`,
          { file: setup.source, line, column: j + 1 },
        );
      }
    }
    rows++;
  };
  const tokenizer = new CsvTokenizer(setup.delimiter, onRecord, setup.source);
  const STEP = 1 << 22;
  for (let o = 0; o < bytes.length; o += STEP) {
    const end = Math.min(o + STEP, bytes.length);
    tokenizer.push(bytes.subarray(o, end), setup.last === true && end === bytes.length);
    onProgress?.(end);
  }
  if (bytes.length === 0 && setup.last) tokenizer.push(bytes, true);
  const complete = tokenizer.pending === 0;
  const columns = builders.map((c): CsvRangeColumn | null => {
    if (c === null) return null;
    if (c.values) return { kind: 'numeric', values: fit(c.values, rows) };
    const d = c.dict!;
    return {
      kind: 'categorical',
      codes: fit(c.codes!, rows),
      pool: d.pool.slice(0, d.poolLen),
      starts: d.starts.slice(0, d.count),
      lens: d.lens.slice(0, d.count),
    };
  });
  return { rows, lines: tokenizer.lineNumber - 1, complete, columns };
}

function fit<T extends Float64Array | Int32Array>(a: T, n: number): T {
  return (a.length === n ? a : a.slice(0, n)) as T;
}
