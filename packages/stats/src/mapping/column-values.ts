import type { Dataset } from '../dataset/dataset.types.ts';
import type { IssueExample } from './mapping-issue.ts';

/** A column read as numbers, or the text values that are not numbers (with their row counts). */
export type NumbersOrNot =
  | { readonly ok: true; readonly values: Float64Array }
  | { readonly ok: false; readonly bad: readonly IssueExample[]; readonly count: number };

/**
 * The values of a column as numbers: a numeric column as is, a text column when every value parses as a number
 * (as the engine's `readNumberColumn` does).
 *
 * @example
 * columnNumbers(createDataset([categoricalColumn('age', ['30', 'x'])]), 'age');
 * // { ok: false, bad: [{ value: 'x', count: 1 }], count: 1 }
 */
export function columnNumbers(ds: Dataset, name: string): NumbersOrNot {
  const col = ds.column(name);
  if (col.kind === 'numeric') return { ok: true, values: col.values };
  const parsed = col.levels.map((l) => Number(l));
  const counts = new Float64Array(col.levels.length);
  for (const c of col.codes) if (c >= 0) counts[c]++;
  const bad = col.levels
    .map((value, k) => ({ value, count: counts[k] }))
    .filter((x, k) => Number.isNaN(parsed[k]) && x.count > 0)
    .sort((a, b) => b.count - a.count);
  if (bad.length) return { ok: false, bad, count: bad.reduce((s, x) => s + x.count, 0) };
  const values = new Float64Array(col.codes.length);
  for (let i = 0; i < values.length; i++) values[i] = col.codes[i] < 0 ? NaN : parsed[col.codes[i]];
  return { ok: true, values };
}

/** Text of each row's value (`''` when missing), for examples. */
export function showValue(ds: Dataset, name: string): (row: number) => string {
  const col = ds.column(name);
  if (col.kind === 'numeric') return (i) => (Number.isNaN(col.values[i]) ? '' : String(col.values[i]));
  return (i) => (col.codes[i] < 0 ? '' : col.levels[col.codes[i]]);
}

/** True when the row's value is missing. */
export function isMissingAt(ds: Dataset, name: string): (row: number) => boolean {
  const col = ds.column(name);
  if (col.kind === 'numeric') return (i) => Number.isNaN(col.values[i]);
  return (i) => col.codes[i] < 0;
}
