import { categoricalFromCodes, createDataset, numericColumn } from '../../dataset/dataset.ts';
import type { Column, Dataset } from '../../dataset/dataset.types.ts';
import { isValidUtf8, textDecoderFor } from '../text-decode.ts';
import type { CsvRangeColumn, CsvRangeResult } from './csv-range.ts';
import type { TextEncodingName } from './csv-sniff.ts';

/**
 * Fields that came out numeric in some ranges and as text in others: those ranges must be parsed again with the
 * field forced to text before {@link mergeCsvRanges}, so that the numbers keep the text they were written as.
 *
 * @example
 * conflictingFields([r1, r2]); // [3] when field 3 is numeric in r1 and text in r2
 */
export function conflictingFields(results: readonly CsvRangeResult[]): number[] {
  const out: number[] = [];
  const nf = results[0]?.columns.length ?? 0;
  for (let j = 0; j < nf; j++) {
    const kinds = new Set(results.map((r) => r.columns[j]?.kind).filter((k) => k !== undefined));
    if (kinds.size > 1) out.push(j);
  }
  return out;
}

/**
 * Puts the ranges of one CSV file back together into a dataset, in range order: numbers are concatenated, text
 * dictionaries merged into one (levels in order of first appearance, as a one-piece read gives). The text
 * encoding is `encoding` when given, else UTF-8 when every name and value is valid UTF-8, else Windows-1252 — the
 * rule of the one-piece reader.
 *
 * @param names - the header's column names as bytes (every field).
 * @param results - the ranges in file order, after {@link conflictingFields} were resolved.
 * @example
 * mergeCsvRanges(names, [r1, r2], undefined, 'big.csv').nrows; // r1.rows + r2.rows
 */
export function mergeCsvRanges(
  names: readonly Uint8Array[],
  results: readonly CsvRangeResult[],
  encoding: TextEncodingName | undefined,
  source?: string,
): Dataset {
  const nrows = results.reduce((s, r) => s + r.rows, 0);
  const allUtf8 = () =>
    names.every(isValidUtf8) &&
    results.every((r) => r.columns.every((c) => c?.kind !== 'categorical' || isValidUtf8(c.pool)));
  const enc = encoding ?? (allUtf8() ? 'utf-8' : 'windows-1252');
  const decode = textDecoderFor(enc === 'windows-1252' ? 'windows-1252' : 'utf-8');
  const columns: Column[] = [];
  const omitted: string[] = [];
  for (let j = 0; j < names.length; j++) {
    const parts = results.map((r) => r.columns[j]);
    const name = names[j].length ? decode(names[j]) : `V${j + 1}`;
    if (parts.every((p) => p === null)) {
      omitted.push(name);
      continue;
    }
    if (parts.every((p) => p?.kind === 'numeric'))
      columns.push(numericColumn(name, concatNumeric(parts, nrows)));
    else columns.push(mergeCategorical(name, parts, nrows, decode));
  }
  return createDataset(columns, { source, omitted });
}

function concatNumeric(parts: readonly (CsvRangeColumn | null)[], nrows: number): Float64Array {
  if (parts.length === 1) return (parts[0] as { values: Float64Array }).values;
  const out = new Float64Array(nrows);
  let o = 0;
  for (const p of parts) {
    const v = (p as { values: Float64Array }).values;
    out.set(v, o);
    o += v.length;
  }
  return out;
}

function mergeCategorical(
  name: string,
  parts: readonly (CsvRangeColumn | null)[],
  nrows: number,
  decode: (b: Uint8Array) => string,
): Column {
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(nrows);
  let o = 0;
  for (const p of parts) {
    if (p === null || p.kind !== 'categorical')
      throw new Error('mergeCsvRanges: a numeric range was not parsed again as text');
    const remap = new Int32Array(p.starts.length);
    for (let c = 0; c < remap.length; c++) {
      const text = decode(p.pool.subarray(p.starts[c], p.starts[c] + p.lens[c]));
      let code = index.get(text);
      if (code === undefined) {
        code = levels.length;
        index.set(text, code);
        levels.push(text);
      }
      remap[c] = code;
    }
    const src = p.codes;
    for (let i = 0; i < src.length; i++) codes[o + i] = src[i] < 0 ? -1 : remap[src[i]];
    o += src.length;
  }
  return categoricalFromCodes(name, codes, levels);
}
