/** A numeric range condition: every bound given must hold; `present: true` keeps non-missing values only. */
export interface WhereRange {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly ne?: number;
  readonly present?: boolean;
}

/**
 * Rows to keep: variable name → accepted values (strings or numbers), or a {@link WhereRange} for a numeric
 * variable; several variables are combined with AND. `{ "stype": ["E"], "age": { "gte": 15 } }`.
 */
export type WhereFilter = Readonly<Record<string, readonly (string | number | boolean)[] | WhereRange>>;

import type { QualityFlag, QualityThresholds } from '../quality/quality.ts';

export type { QualityFlag, QualityThresholds } from '../quality/quality.ts';
export { DEFAULT_QUALITY } from '../quality/quality.ts';

/** Options shared by the estimators. */
export interface EstimateOptions {
  /** Domain variables (R's `svyby`): one result row per present combination, full design kept. */
  readonly by?: readonly string[];
  /** Restrict to a subpopulation (R's `subset`), full design kept. A list of filters is combined with AND. */
  readonly where?: WhereFilter | readonly WhereFilter[] | null;
  /** Numeric variables to treat as categorical (one term per level). Text variables always are. */
  readonly factor?: readonly string[];
  /**
   * Also compute the design effect: `true` as R's `deff=TRUE` (against without-replacement SRS),
   * `'replace'` as R's `deff="replace"` (against with-replacement SRS).
   */
  readonly deff?: boolean | 'replace';
  /** Confidence level, default 0.95. */
  readonly level?: number;
  /** Quality-flag thresholds; defaults {@link DEFAULT_QUALITY}. */
  readonly quality?: Partial<QualityThresholds>;
}

/** One estimate. */
export interface EstimateRow {
  /** Domain values (by-variable → level), or null without `by`. */
  readonly domain: Readonly<Record<string, string>> | null;
  /** `var`, `VAR=LEVEL` for a categorical level, `num/den` for a ratio. */
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  /** se / |estimate|. */
  readonly cv: number;
  readonly ci: readonly [number, number];
  readonly deff?: number;
  /** Probability of a quantile estimate. */
  readonly quantile?: number;
  /** Unweighted number of observations used (domain rows with non-missing analysis variables). */
  readonly n: number;
  readonly flags: readonly QualityFlag[];
}

/** What every estimator returns. */
export interface EstimateTable {
  readonly rows: readonly EstimateRow[];
  /** Rows left out because an analysis variable was missing (R's `na.rm=TRUE`), within `where`. */
  readonly missing: number;
  /** Design degrees of freedom of the whole design. */
  readonly df: number;
}
