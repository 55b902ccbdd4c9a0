import type { CellEstimate } from './cell-estimate.ts';

/** Level name used for the margin ("all") of a dimension. */
export const TOTAL = 'total';

/** Unit of a table's estimates. */
export type TableUnit = 'persons' | 'percent' | 'percentage_points' | 'ratio';

/** One cell: its level in each dimension, and the estimate. */
export interface TableRow extends CellEstimate {
  readonly dims: Readonly<Record<string, string>>;
}

/** A statistical table in tidy form: one row per cell, margins included (level `total`). */
export interface StatTable {
  /** Stable id, e.g. `wap_sex_age`; used as file and sheet name. */
  readonly id: string;
  readonly title: string;
  /** ILOSTAT indicator code (MST_/MFL_/MNA_ grammar), or null when the table has no ILOSTAT counterpart. */
  readonly indicator: string | null;
  readonly unit: TableUnit;
  /** Dimension names in order, e.g. `['migrant', 'sex', 'age']`. */
  readonly dims: readonly string[];
  readonly rows: readonly TableRow[];
  readonly notes: readonly string[];
}

/** Progress callback: `done` of `total` steps, with a label. */
export type ProgressFn = (done: number, total: number, label: string) => void;
