import type { Dataset } from '../dataset/dataset.types.ts';

/**
 * What to do with a stratum that has a single PSU (R's `options(survey.lonely.psu=)`):
 * - `fail`: refuse (error naming the stratum);
 * - `remove` and `certainty`: the stratum adds nothing to the variance (as R 4.1.1 computes both);
 * - `adjust`: the single PSU is centred at zero (R's "grand mean" adjustment);
 * - `average`: the stratum gets the average variance of the other strata.
 */
export type LonelyPsu = 'fail' | 'remove' | 'adjust' | 'certainty' | 'average';

/** Options for {@link createDesign}, mirroring R's `svydesign(ids, strata, weights, fpc, nest)`. */
export interface DesignOptions {
  /** Cluster columns, one per stage (PSU first). `[]` (default) = every row its own PSU (R's `ids=~1`). */
  readonly ids?: readonly string[];
  /** Stratum column (first stage), or null. */
  readonly strata?: string | null;
  /** Sampling weight column, or null: weights then come from `fpc` (population size / sample size per stage), else 1. */
  readonly weights?: string | null;
  /**
   * Finite population correction columns, one per stage (same length as `ids`, or one when `ids` is empty):
   * population sizes (all values ≥ 1) or sampling fractions (all ≤ 1). `[]` = with-replacement variance.
   */
  readonly fpc?: readonly string[];
  /** PSU ids are only unique within strata (R's `nest=TRUE`). Default false. */
  readonly nest?: boolean;
  /** Single-PSU strata handling, default `fail` (R's default). */
  readonly lonelyPsu?: LonelyPsu;
  /**
   * R's `options(survey.adjust.domain.lonely)`, default false: when true, a domain (or subset) that has one PSU in a
   * stratum of several is treated as lonely by the `adjust` and `average` rules.
   */
  readonly adjustDomainLonely?: boolean;
  /**
   * R's `options(survey.ultimate.cluster = TRUE)`: the variance uses the first stage only (its PSUs and fpc), even
   * when later stages have fpc. Default false (the multistage variance).
   */
  readonly ultimateCluster?: boolean;
  /**
   * PPS sampling without replacement (R's `svydesign(pps =)`): `fpc` then holds each unit's inclusion probability
   * at its stage (given the units above it). `brewer`: Brewer's approximation (R's `pps = "brewer"`), at every
   * stage of a multistage design; `overton`: Overton's approximation of the joint inclusion probabilities with the
   * Horvitz–Thompson (default) or Yates–Grundy variance (`ppsVariance`), one stage (as in R).
   */
  readonly pps?: 'brewer' | 'overton' | null;
  /** Variance form for `pps: 'overton'` (R's `variance`): `HT` (default) or `YG`. */
  readonly ppsVariance?: 'HT' | 'YG';
}

/** One sampling stage, precomputed as integer indices for tight loops. */
export interface DesignStage {
  /** Cluster index of each row at this stage, 0..nClusters-1 (globally unique, nested in earlier stages). */
  readonly cluster: Int32Array;
  /** Stratum index of each cluster at this stage. */
  readonly clusterStratum: Int32Array;
  readonly nClusters: number;
  readonly nStrata: number;
  /** Number of sampled clusters in each stratum (R's `fpc$sampsize`). */
  readonly stratumSampled: Int32Array;
  /** Population number of clusters in each stratum, or null without fpc (R's `fpc$popsize`). */
  readonly stratumPopulation: Float64Array | null;
  /** Stratum labels (for messages). */
  readonly stratumLabels: readonly string[];
  /** PPS designs: the inclusion probability of each cluster. */
  readonly clusterProb?: Float64Array;
}

/** A weight adjustment whose effect on the variance must be removed from influence values (R's `postStrata`). */
export type DesignAdjustment =
  | {
      readonly kind: 'poststratify';
      /** Post-stratum of each row (0..nGroups-1). */
      readonly group: Int32Array;
      readonly nGroups: number;
      readonly oldWeights: Float64Array;
      readonly newWeights: Float64Array;
    }
  | {
      readonly kind: 'calibrate';
      /** Orthonormal basis (n × k, column-major) of the column space of `X * sqrt(w0)`, for residuals. */
      readonly basis: Float64Array[];
      /** Row factors: x is replaced by resid(x / f) * f, f = g * sqrt(w0). */
      readonly factor: Float64Array;
    }
  | {
      readonly kind: 'rake';
      /** One entry per margin in order: group of each row and the weights after that margin's step. */
      readonly margins: readonly {
        readonly group: Int32Array;
        readonly nGroups: number;
        readonly weights: Float64Array;
      }[];
    };

/** A survey design: the data, final weights and the precomputed structure the estimators use. Immutable. */
export interface Design {
  readonly dataset: Dataset;
  readonly n: number;
  /** Final analysis weights (after any adjustment). */
  readonly weights: Float64Array;
  /** Sampling stages; variance uses all of them when fpc is given (R's `multistage`), else the first. */
  readonly stages: readonly DesignStage[];
  readonly hasFpc: boolean;
  readonly lonelyPsu: LonelyPsu;
  readonly adjustDomainLonely: boolean;
  /** Weight adjustments, applied in order to influence values before the variance. */
  readonly adjustments: readonly DesignAdjustment[];
  /** Design degrees of freedom: PSUs − strata among rows with nonzero weight (R's `degf`). */
  readonly degf: number;
  /** PPS without replacement: the method and variance form (see {@link DesignOptions.pps}). */
  readonly pps?: { readonly method: 'brewer' | 'overton'; readonly variance: 'HT' | 'YG' };
  /** The options the design was built with. */
  readonly options: Readonly<Required<DesignOptions>>;
}
