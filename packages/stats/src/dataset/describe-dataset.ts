import type { Column, Dataset } from './dataset.types.ts';

/** One variable of {@link describeDataset}. */
export interface VariableSummary {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  readonly label?: string;
  /** Number of value labels (SPSS/Stata), 0 when none. */
  readonly valueLabelCount: number;
  /** Rows whose value is missing (`NaN` or code -1), whatever the reason. */
  readonly missingCount: number;
  /** Of those, rows with a stated reason (SPSS user-missing code, Stata `.a`–`.z`). */
  readonly missingWithReasonCount: number;
  /** Distinct non-missing values (numeric) or levels actually used (categorical). */
  readonly distinctCount: number;
}

/** What {@link describeDataset} returns. */
export interface DatasetDescription {
  readonly source?: string;
  readonly nrows: number;
  readonly variables: readonly VariableSummary[];
}

function summarize(c: Column): VariableSummary {
  let missing = 0;
  let distinct = 0;
  if (c.kind === 'numeric') {
    const seen = new Set<number>();
    for (const v of c.values) {
      if (v !== v) missing++;
      else seen.add(v);
    }
    distinct = seen.size;
  } else {
    const used = new Uint8Array(c.levels.length);
    for (const k of c.codes) {
      if (k < 0) missing++;
      else if (used[k] === 0) {
        used[k] = 1;
        distinct++;
      }
    }
  }
  return {
    name: c.name,
    type: c.kind,
    ...(c.label !== undefined ? { label: c.label } : {}),
    valueLabelCount: c.kind === 'numeric' ? (c.valueLabels?.size ?? 0) : 0,
    missingCount: missing,
    missingWithReasonCount: c.missingReasons?.size ?? 0,
    distinctCount: distinct,
  };
}

/**
 * Summarises every variable of a dataset (for `labmig stats describe`): type, label, value-label count, missing
 * count and distinct values.
 *
 * @example
 * const ds = createDataset([numericColumn('age', [30, NaN, 30]), categoricalColumn('sex', ['m', '', 'f'])]);
 * describeDataset(ds).variables;
 * // [ { name: 'age', type: 'numeric', valueLabelCount: 0, missingCount: 1, missingWithReasonCount: 0, distinctCount: 1 },
 * //   { name: 'sex', type: 'categorical', valueLabelCount: 0, missingCount: 1, missingWithReasonCount: 0, distinctCount: 2 } ]
 */
export function describeDataset(ds: Dataset): DatasetDescription {
  return {
    ...(ds.source !== undefined ? { source: ds.source } : {}),
    nrows: ds.nrows,
    variables: ds.columns.map(summarize),
  };
}
