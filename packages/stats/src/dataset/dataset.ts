import type { CategoricalColumn, Column, Dataset, NumericColumn, NumericStorage } from './dataset.types.ts';
import { suggestNames } from './suggest-names.ts';

/** Options for {@link createDataset}. */
export interface CreateDatasetOptions {
  /** Where the data came from (file name), used in error messages. */
  readonly source?: string;
  /** Reader warnings (see `Dataset.warnings`). */
  readonly warnings?: readonly string[];
  /** Columns of the source left out (a reader's `select`): offered as suggestions when a name is not found. */
  readonly omitted?: readonly string[];
}

class ColumnarDataset implements Dataset {
  readonly nrows: number;
  readonly columns: readonly Column[];
  readonly source?: string;
  readonly warnings?: readonly string[];
  readonly #byName: Map<string, Column>;
  readonly #omitted: readonly string[];

  constructor(
    columns: readonly Column[],
    nrows: number,
    byName: Map<string, Column>,
    source?: string,
    warnings?: readonly string[],
    omitted: readonly string[] = [],
  ) {
    this.#omitted = omitted;
    this.columns = Object.freeze([...columns]);
    this.nrows = nrows;
    this.#byName = byName;
    if (source !== undefined) this.source = source;
    if (warnings?.length) this.warnings = Object.freeze([...warnings]);
  }

  column(name: string): Column {
    const col = this.#byName.get(name);
    if (col) return col;
    const close = suggestNames(name, [...this.#byName.keys(), ...this.#omitted]);
    const where = this.source ? ` in ${this.source}` : '';
    const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
    throw new RangeError(`column "${name}" not found${where}.${hint}`);
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }
}

function columnLength(col: Column): number {
  return col.kind === 'numeric' ? col.values.length : col.codes.length;
}

/**
 * Builds an immutable dataset from equal-length columns with unique names.
 *
 * @param columns - the columns, in order.
 * @param options - `source`: file name used in error messages.
 * @returns the dataset; `nrows` is the common column length (0 when there are no columns).
 * @throws RangeError when lengths differ or a name repeats.
 * @example
 * const ds = createDataset([numericColumn('age', [30, 41])]);
 * ds.nrows; // 2
 * ds.column('age').kind; // 'numeric'
 */
export function createDataset(columns: readonly Column[], options: CreateDatasetOptions = {}): Dataset {
  const byName = new Map<string, Column>();
  const nrows = columns.length ? columnLength(columns[0]) : 0;
  for (const col of columns) {
    if (byName.has(col.name)) throw new RangeError(`createDataset: duplicate column name "${col.name}"`);
    const len = columnLength(col);
    if (len !== nrows) {
      throw new RangeError(
        `createDataset: column "${col.name}" has ${len} rows but "${columns[0].name}" has ${nrows}`,
      );
    }
    byName.set(col.name, col);
  }
  return new ColumnarDataset(columns, nrows, byName, options.source, options.warnings, options.omitted);
}

/** Optional metadata for {@link numericColumn}. */
export interface NumericColumnOptions {
  readonly label?: string;
  readonly valueLabels?: ReadonlyMap<number, string>;
  readonly missingReasons?: ReadonlyMap<number, number | string>;
  readonly storage?: NumericStorage;
  readonly missingLabels?: ReadonlyMap<string, string>;
}

/**
 * A numeric column; `null`/`undefined` become `NaN` (missing).
 *
 * @example
 * numericColumn('x', [1, null, 3]).values; // Float64Array [1, NaN, 3]
 */
export function numericColumn(
  name: string,
  values: Float64Array | ArrayLike<number | null | undefined>,
  options: NumericColumnOptions = {},
): NumericColumn {
  let arr: Float64Array;
  if (values instanceof Float64Array) arr = values;
  else {
    arr = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      arr[i] = v === null || v === undefined ? NaN : v;
    }
  }
  const col: { -readonly [K in keyof NumericColumn]: NumericColumn[K] } = {
    kind: 'numeric',
    name,
    values: arr,
  };
  if (options.label !== undefined) col.label = options.label;
  if (options.valueLabels !== undefined) col.valueLabels = options.valueLabels;
  if (options.missingReasons !== undefined) col.missingReasons = options.missingReasons;
  if (options.storage !== undefined) col.storage = options.storage;
  if (options.missingLabels?.size) col.missingLabels = options.missingLabels;
  return col;
}

/**
 * A categorical column, dictionary-encoded in order of first appearance; `null`, `undefined` and `''` are missing (-1).
 *
 * @example
 * const c = categoricalColumn('sex', ['male', 'female', '', 'male']);
 * c.levels; // ['male', 'female']
 * c.codes;  // Int32Array [0, 1, -1, 0]
 */
export function categoricalColumn(
  name: string,
  values: ArrayLike<string | null | undefined>,
  options: { readonly label?: string } = {},
): CategoricalColumn {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const levels: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = levels.length;
      index.set(v, code);
      levels.push(v);
    }
    codes[i] = code;
  }
  return categoricalFromCodes(name, codes, levels, options.label);
}

/**
 * A categorical column from codes already encoded (`-1` = missing) and their levels. No copy is made.
 *
 * @example
 * categoricalFromCodes('x', Int32Array.from([1, 0]), ['a', 'b']).levels; // ['a', 'b']
 */
export function categoricalFromCodes(
  name: string,
  codes: Int32Array,
  levels: readonly string[],
  label?: string,
  extra: {
    readonly missingReasons?: ReadonlyMap<number, string>;
    readonly valueLabels?: ReadonlyMap<string, string>;
    readonly bytes?: ReadonlyMap<number, Uint8Array>;
  } = {},
): CategoricalColumn {
  const col: { -readonly [K in keyof CategoricalColumn]: CategoricalColumn[K] } = {
    kind: 'categorical',
    name,
    codes,
    levels: Object.freeze([...levels]),
  };
  if (label !== undefined) col.label = label;
  if (extra.missingReasons?.size) col.missingReasons = extra.missingReasons;
  if (extra.valueLabels?.size) col.valueLabels = extra.valueLabels;
  if (extra.bytes?.size) col.bytes = extra.bytes;
  return col;
}

/**
 * A new dataset with `cols` added (or replacing same-named columns in place); other column arrays are shared, not copied.
 *
 * @throws RangeError when a new column's length differs from `ds.nrows`.
 * @example
 * const ds = createDataset([numericColumn('a', [1, 2])]);
 * withColumns(ds, [numericColumn('b', [3, 4])]).columns.map((c) => c.name); // ['a', 'b']
 */
export function withColumns(ds: Dataset, cols: readonly Column[]): Dataset {
  const replacing = new Map(cols.map((c) => [c.name, c]));
  const out: Column[] = ds.columns.map((c) => {
    const r = replacing.get(c.name);
    if (r) replacing.delete(c.name);
    return r ?? c;
  });
  for (const c of cols) if (replacing.has(c.name)) out.push(c);
  if (ds.columns.length === 0 && cols.length) return createDataset(out, { source: ds.source });
  for (const c of cols) {
    if (columnLength(c) !== ds.nrows) {
      throw new RangeError(
        `withColumns: column "${c.name}" has ${columnLength(c)} rows, dataset has ${ds.nrows}`,
      );
    }
  }
  return createDataset(out, { source: ds.source });
}
