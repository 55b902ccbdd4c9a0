import type { Column, Dataset } from '../dataset/dataset.types.ts';

/** Integer codes for the distinct values of a key, in order of first appearance. */
export interface KeyIndex {
  readonly index: Int32Array;
  readonly count: number;
  readonly labels: string[];
}

/**
 * The column named `name` for argument `arg` of function `fn`, with the dataset's suggestion message on failure.
 * @throws RangeError naming the function, argument and variable.
 */
export function designColumn(ds: Dataset, name: string, fn: string, arg: string): Column {
  if (typeof name !== 'string' || name === '')
    throw new TypeError(`${fn}: ${arg} must be a column name, got ${JSON.stringify(name)}`);
  try {
    return ds.column(name);
  } catch (e) {
    throw new RangeError(`${fn}: ${arg}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Codes each row by the value of `col` (numeric value or category).
 * @throws RangeError when a value is missing: design variables may not be missing.
 */
export function indexColumn(col: Column, fn: string, arg: string): KeyIndex {
  const n = col.kind === 'numeric' ? col.values.length : col.codes.length;
  const index = new Int32Array(n);
  const labels: string[] = [];
  if (col.kind === 'categorical') {
    const map = new Int32Array(col.levels.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0)
        throw new RangeError(
          `${fn}: ${arg} "${col.name}" is missing in row ${i + 1}; design variables may not be missing`,
        );
      let k = map[c];
      if (k < 0) {
        k = map[c] = labels.length;
        labels.push(col.levels[c]);
      }
      index[i] = k;
    }
    return { index, count: labels.length, labels };
  }
  const map = new Map<number, number>();
  const v = col.values;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (Number.isNaN(x))
      throw new RangeError(
        `${fn}: ${arg} "${col.name}" is missing in row ${i + 1}; design variables may not be missing`,
      );
    let k = map.get(x);
    if (k === undefined) {
      k = labels.length;
      map.set(x, k);
      labels.push(String(x));
    }
    index[i] = k;
  }
  return { index, count: labels.length, labels };
}

/** Codes each row by the pair (a[i], b[i]) of existing codes; labels join the parts with '.'. */
export function indexPairs(a: KeyIndex, b: KeyIndex): KeyIndex {
  const n = a.index.length;
  const index = new Int32Array(n);
  const labels: string[] = [];
  const map = new Map<number, number>();
  const width = b.count;
  for (let i = 0; i < n; i++) {
    const key = a.index[i] * width + b.index[i];
    let k = map.get(key);
    if (k === undefined) {
      k = labels.length;
      map.set(key, k);
      labels.push(`${a.labels[a.index[i]]}.${b.labels[b.index[i]]}`);
    }
    index[i] = k;
  }
  return { index, count: labels.length, labels };
}

/** Each row its own code (R's `ids=~1`). */
export function indexRows(n: number): KeyIndex {
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  return {
    index,
    count: n,
    get labels() {
      return Array.from({ length: n }, (_, i) => String(i + 1));
    },
  };
}

/** A single code for all rows. */
export function indexConstant(n: number, label = '1'): KeyIndex {
  return { index: new Int32Array(n), count: n > 0 ? 1 : 0, labels: [label] };
}
