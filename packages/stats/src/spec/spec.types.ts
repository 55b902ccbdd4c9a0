import type { LonelyPsu } from '../design/design.types.ts';
import type { CiPropMethod } from '../estimate/ciprop.ts';
import type { WhereFilter } from '../estimate/estimate.types.ts';
import type { QuantileRule } from '../estimate/qrule.ts';
import type { DeriveRule } from './derive.ts';

/** The design part of a spec (R's `svydesign`). */
export interface DesignSpec {
  readonly ids?: readonly string[];
  readonly strata?: string | null;
  readonly weights?: string | null;
  readonly fpc?: readonly string[];
  readonly nest?: boolean;
  readonly lonelyPsu?: LonelyPsu;
  /** R's `survey.adjust.domain.lonely`, default false. */
  readonly adjustDomainLonely?: boolean;
  /** R's `survey.ultimate.cluster`, default false. */
  readonly ultimateCluster?: boolean;
  /** PPS without replacement (fpc = inclusion probabilities): `brewer` or `overton` (R's `pps`). */
  readonly pps?: 'brewer' | 'overton' | null;
  /** Overton variance form: `HT` (default) or `YG`. */
  readonly ppsVariance?: 'HT' | 'YG';
  /**
   * Replicate weights: with `columns`, the data's replicate weight columns (R's `svrepdesign`, `weights` being the
   * full-sample weight); without, replicates made from `ids`/`strata` (R's `as.svrepdesign`, types auto, JK1, JKn,
   * BRR, Fay, bootstrap with `replicates` and `seed`).
   */
  readonly replicate?: ReplicateSpec | null;
}

/** Replicate weights of a spec design. */
export interface ReplicateSpec {
  readonly type: 'BRR' | 'Fay' | 'JK1' | 'JKn' | 'bootstrap' | 'other' | 'auto';
  readonly columns?: readonly string[];
  readonly rho?: number;
  readonly scale?: number;
  readonly rscales?: number | readonly number[];
  readonly mse?: boolean;
  /** Whether `columns` are whole weights (default) or multipliers of `weights`. */
  readonly combinedWeights?: boolean;
  /** Bootstrap made from PSUs: number of replicates (default 50) and the seed of R's generator (R's `set.seed`). */
  readonly replicates?: number;
  readonly seed?: number;
}

/** Weight adjustment of a spec: exactly one of the three keys. */
export type AdjustSpec =
  | {
      readonly postStratify: {
        readonly by: string | readonly string[];
        readonly totals: Readonly<Record<string, number>>;
      };
    }
  | {
      readonly calibrate: {
        readonly method?: 'linear' | 'raking';
        /** Bounds on new weight / old weight, R's `bounds = c(lower, upper)`. */
        readonly bounds?: readonly [number, number];
        readonly totals: Readonly<Record<string, number | Readonly<Record<string, number>>>>;
      };
    }
  | { readonly rake: { readonly margins: Readonly<Record<string, Readonly<Record<string, number>>>> } };

/** One estimate request. */
export interface EstimateSpec {
  readonly kind: 'total' | 'mean' | 'ratio' | 'var' | 'quantile' | 'ciprop';
  readonly variables: readonly string[];
  readonly denominator?: string;
  readonly by?: readonly string[];
  readonly factor?: readonly string[];
  /** `true` (R's `deff=TRUE`) or `"replace"` (R's `deff="replace"`). */
  readonly deff?: boolean | 'replace';
  readonly probs?: readonly number[];
  readonly qrule?: QuantileRule;
  /** Quantile interval (R's `interval.type`): mean (default), beta, xlogit, asin. */
  readonly intervalType?: 'mean' | 'beta' | 'xlogit' | 'asin' | 'score' | 'quantile';
  readonly method?: CiPropMethod;
  readonly level?: number;
  readonly success?: string | number;
  /** Applied after the spec's top-level `where`; a list of filters is combined with AND. */
  readonly where?: WhereFilter | readonly WhereFilter[] | null;
  readonly quality?: { readonly minN?: number; readonly maxCv?: number };
}

/** A spec file (`labmig stats run --spec`). */
export interface StatsSpec {
  /** Data file, relative to the spec file (used by the CLI). */
  readonly data?: string;
  /** Derived 0/1 variables added before the design is built (see {@link DeriveRule}). */
  readonly derive?: Readonly<Record<string, DeriveRule>> | null;
  readonly design: DesignSpec;
  readonly adjust?: AdjustSpec | null;
  /** Subpopulation: variable → accepted values, or a numeric range `{ gte, gt, lte, lt, ne, present }`. */
  readonly where?: WhereFilter | readonly WhereFilter[] | null;
  readonly estimate: EstimateSpec | readonly EstimateSpec[];
}

/** One estimate in a result. */
export interface SpecEstimate {
  readonly domain: Readonly<Record<string, string>> | null;
  readonly term: string;
  readonly estimate: number | null;
  readonly se: number | null;
  readonly cv: number | null;
  readonly ci: readonly [number | null, number | null];
  readonly deff?: number | null;
  readonly quantile?: number;
  readonly n: number;
  readonly flags: readonly string[];
}

/** Result of one estimate request. NaN becomes null in JSON, with the `undefined` flag. */
export interface SpecResult {
  /** Rows in the design. */
  readonly n: number;
  /** Design degrees of freedom. */
  readonly df: number;
  /** Rows left out for missing analysis values. */
  readonly missing: number;
  readonly estimates: readonly SpecEstimate[];
  /** The seed of R's generator that drew bootstrap replicates (given in the spec, or drawn when it was not). */
  readonly seed?: number;
}
