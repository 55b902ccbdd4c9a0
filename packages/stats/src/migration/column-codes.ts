import type { Dataset } from '../dataset/dataset.types.ts';
import { MappingError } from './mapping-error.ts';

/** Text of each row of a column: dictionary codes (-1 = missing) and their levels. Numbers are written as text. */
export interface TextColumn {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
  /** Value label of each level (SPSS/Stata labelled numbers), when there is one. */
  readonly labels?: readonly (string | undefined)[];
}

/**
 * The column named by mapping field `field`, as dictionary-encoded text.
 *
 * @throws MappingError (`mapping.column_missing`) naming the field and the column, with close names.
 * @example
 * readTextColumn(createDataset([numericColumn('x', [41, NaN])]), 'x', 'columns.isco').levels; // ['41']
 */
export function readTextColumn(ds: Dataset, column: string, field: string): TextColumn {
  let col;
  try {
    col = ds.column(column);
  } catch (e) {
    throw new MappingError('mapping.column_missing', field, `names ${(e as Error).message}`);
  }
  if (col.kind === 'categorical') return { codes: col.codes, levels: col.levels };
  const index = new Map<number, number>();
  const levels: string[] = [];
  const codes = new Int32Array(col.values.length);
  // small non-negative integer codes (the usual case) go through a lookup table instead of the Map
  const small = new Int32Array(1024).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    const fast = v >= 0 && v < 1024 && (v | 0) === v;
    if (fast && small[v] >= 0) {
      codes[i] = small[v];
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = levels.length;
      index.set(v, c);
      levels.push(String(v));
    }
    if (fast) small[v] = c;
    codes[i] = c;
  }
  const vl = col.valueLabels;
  return vl ? { codes, levels, labels: levels.map((l) => vl.get(Number(l))) } : { codes, levels };
}

/**
 * Recodes a column into concept indices (position in `order`), -1 for missing.
 *
 * @param groups - concept → codes as written in the file.
 * @throws MappingError naming `codesField` when a non-missing value is not listed under any concept.
 * @example
 * // lfs levels employed/outside_lf with groups { employed: ['employed'], outside_lf: ['outside_lf'] }
 * recodeColumn(ds, 'lfs', 'columns.lfs', 'codes.lfs', groups, ['employed', 'outside_lf']); // Int32Array [0, 1, …]
 */
export function recodeColumn(
  ds: Dataset,
  column: string,
  field: string,
  codesField: string,
  groups: Readonly<Record<string, readonly string[]>>,
  order: readonly string[],
): Int32Array {
  const text = readTextColumn(ds, column, field);
  const byCode = new Map<string, number>();
  order.forEach((concept, idx) => (groups[concept] ?? []).forEach((code) => byCode.set(code, idx)));
  // a labelled number matches by its code ("1") or by its value label ("employed")
  const levelMap = text.levels.map(
    (lv, k) => byCode.get(lv) ?? byCode.get(text.labels?.[k] ?? '\u0000') ?? -2,
  );
  const out = new Int32Array(text.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = text.codes[i];
    const m = c < 0 ? -1 : levelMap[c];
    if (m === -2) {
      throw new MappingError(
        'mapping.invalid',
        codesField,
        `does not list the value "${text.levels[c]}" of column "${column}" (row ${i + 1}); add it to one of: ${order.join(', ')}`,
      );
    }
    out[i] = m;
  }
  return out;
}

/**
 * A numeric column named by a mapping field; text columns are parsed, non-numbers rejected.
 *
 * @throws MappingError naming the field when the column is missing or holds non-numeric text.
 * @example
 * readNumberColumn(createDataset([numericColumn('age', [30])]), 'age', 'columns.age'); // Float64Array [30]
 */
export function readNumberColumn(ds: Dataset, column: string, field: string): Float64Array {
  if (ds.has(column)) {
    const col = ds.column(column);
    if (col.kind === 'numeric') return col.values;
  }
  const text = readTextColumn(ds, column, field);
  const lv = text.levels.map((s) => Number(s));
  const bad = lv.findIndex((v) => Number.isNaN(v));
  if (bad >= 0)
    throw new MappingError(
      'mapping.invalid',
      field,
      `column "${column}" holds non-numeric value "${text.levels[bad]}"`,
    );
  const out = new Float64Array(text.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = text.codes[i] < 0 ? NaN : lv[text.codes[i]];
  return out;
}
