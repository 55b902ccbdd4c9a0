import { describeDataset, type VariableSummary } from '../dataset/describe-dataset.ts';
import type { Column, Dataset } from '../dataset/dataset.types.ts';

/** One variable of {@link overviewDataset}: the summary of `describeDataset` plus value labels and range. */
export interface VariableOverview extends VariableSummary {
  /** Value labels (SPSS/Stata), code as text, at most `maxValueLabels`. */
  readonly valueLabels: readonly { readonly code: string; readonly label: string }[];
  readonly valueLabelsTruncated: boolean;
  /** Smallest and largest value of a numeric variable (null when all missing, and for text variables). */
  readonly min: number | null;
  readonly max: number | null;
}

/** What a dataset page shows: size, variables, and the first rows. */
export interface DatasetOverview {
  readonly source?: string;
  readonly nrows: number;
  readonly variables: readonly VariableOverview[];
  /** The first rows, one cell per variable: a number, a text, or null when missing. */
  readonly preview: readonly (readonly (number | string | null)[])[];
}

/** Options of {@link overviewDataset}. */
export interface OverviewOptions {
  readonly previewRows?: number;
  readonly maxValueLabels?: number;
}

function range(c: Column): { min: number | null; max: number | null } {
  if (c.kind !== 'numeric') return { min: null, max: null };
  let min = Infinity;
  let max = -Infinity;
  for (const v of c.values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: null, max: null };
}

function cell(c: Column, i: number): number | string | null {
  if (c.kind === 'numeric') return Number.isNaN(c.values[i]) ? null : c.values[i];
  return c.codes[i] < 0 ? null : c.levels[c.codes[i]];
}

/**
 * A dataset's overview for the Lab's dataset page: every variable (type, label, missing and distinct counts, value
 * labels, range) and the first rows.
 *
 * @example
 * const o = overviewDataset(lfsSmallSav, { previewRows: 2 });
 * o.nrows;                               // 21473
 * o.variables.find((v) => v.name === 'sex')?.valueLabels; // [{ code: '1', label: 'male' }, { code: '2', label: 'female' }]
 * o.preview.length;                      // 2
 */
export function overviewDataset(ds: Dataset, options: OverviewOptions = {}): DatasetOverview {
  const maxLabels = options.maxValueLabels ?? 100;
  const nPreview = Math.min(ds.nrows, options.previewRows ?? 10);
  const summary = describeDataset(ds);
  const variables = ds.columns.map((c, k) => {
    const labels = c.kind === 'numeric' && c.valueLabels ? [...c.valueLabels] : [];
    return {
      ...summary.variables[k],
      valueLabels: labels.slice(0, maxLabels).map(([code, label]) => ({ code: String(code), label })),
      valueLabelsTruncated: labels.length > maxLabels,
      ...range(c),
    };
  });
  const preview = Array.from({ length: nPreview }, (_, i) => ds.columns.map((c) => cell(c, i)));
  return { ...(ds.source !== undefined ? { source: ds.source } : {}), nrows: ds.nrows, variables, preview };
}
