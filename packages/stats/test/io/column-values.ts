import type { Dataset } from '../../src/dataset/dataset.types.ts';

/** The column's values as plain JS: numbers (NaN for missing) or strings (null for missing). */
export function columnValues(ds: Dataset, name: string): (number | string | null)[] {
  const c = ds.column(name);
  if (c.kind === 'numeric') return [...c.values];
  return [...c.codes].map((k) => (k < 0 ? null : c.levels[k]));
}
