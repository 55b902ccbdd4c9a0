import type { Column } from '../dataset/dataset.types.ts';

/** One distinct value of a column: the code as text (numbers written as `String(v)`), its label and row count. */
export interface ValueCount {
  readonly code: string;
  readonly label?: string;
  readonly count: number;
}

/** What the mapping helpers need to know about a column's values. */
export interface ColumnProfile {
  readonly name: string;
  readonly label?: string;
  readonly kind: 'numeric' | 'categorical';
  readonly missing: number;
  /** Rows with a value. */
  readonly present: number;
  /** Distinct non-missing values. */
  readonly distinct: number;
  /** The most frequent values (most frequent first), at most `maxValues`; every labelled value is kept. */
  readonly values: readonly ValueCount[];
  /** True when `values` lists every distinct value. */
  readonly complete: boolean;
  /** Numeric columns: smallest and largest value (NaN when all missing); text columns: NaN. */
  readonly min: number;
  readonly max: number;
  /** Every non-missing value is an integer (numeric columns). */
  readonly integers: boolean;
  /** Share of non-missing rows whose value is three capital letters (an ISO 3166 alpha-3 code). */
  readonly alpha3Share: number;
}

const ALPHA3 = /^[A-Z]{3}$/;

function numericCounts(values: Float64Array): { counts: Map<number, number>; missing: number } {
  const counts = new Map<number, number>();
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { counts, missing };
}

/**
 * Profiles a column: missing count, distinct values with their labels and counts, range, whether the values look
 * like ISO alpha-3 country codes.
 *
 * @param maxValues - how many of the most frequent values to keep (labelled values are always kept).
 * @example
 * profileColumn(numericColumn('sex', [1, 2, 2, NaN], { valueLabels: new Map([[1, 'male'], [2, 'female']]) }));
 * // { name: 'sex', kind: 'numeric', missing: 1, present: 3, distinct: 2, values: [{ code: '2', label: 'female', count: 2 },
 * //   { code: '1', label: 'male', count: 1 }], complete: true, min: 1, max: 2, integers: true, alpha3Share: 0 }
 */
export function profileColumn(col: Column, maxValues = 50): ColumnProfile {
  const base = { name: col.name, ...(col.label !== undefined ? { label: col.label } : {}) };
  if (col.kind === 'numeric') {
    const { counts, missing } = numericCounts(col.values);
    let min = NaN;
    let max = NaN;
    let integers = true;
    for (const v of counts.keys()) {
      if (!(v >= min)) min = v;
      if (!(v <= max)) max = v;
      if (integers && !Number.isInteger(v)) integers = false;
    }
    const labels = col.valueLabels;
    const all = [...counts].map(([v, n]) => ({ v, n })).sort((a, b) => b.n - a.n || a.v - b.v);
    const kept = all.filter((x, i) => i < maxValues || labels?.has(x.v));
    const values = kept.map(({ v, n }) => {
      const label = labels?.get(v);
      return label !== undefined ? { code: String(v), label, count: n } : { code: String(v), count: n };
    });
    return {
      ...base,
      kind: 'numeric',
      missing,
      present: col.values.length - missing,
      distinct: counts.size,
      values,
      complete: kept.length === all.length,
      min,
      max,
      integers,
      alpha3Share: 0,
    };
  }
  const n = new Float64Array(col.levels.length);
  let missing = 0;
  for (const c of col.codes) {
    if (c < 0) missing++;
    else n[c]++;
  }
  const used = col.levels.map((code, k) => ({ code, count: n[k] })).filter((x) => x.count > 0);
  used.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const present = col.codes.length - missing;
  const alpha3 = used.reduce((s, x) => s + (ALPHA3.test(x.code) ? x.count : 0), 0);
  return {
    ...base,
    kind: 'categorical',
    missing,
    present,
    distinct: used.length,
    values: used.slice(0, maxValues),
    complete: used.length <= maxValues,
    min: NaN,
    max: NaN,
    integers: false,
    alpha3Share: present > 0 ? alpha3 / present : 0,
  };
}
