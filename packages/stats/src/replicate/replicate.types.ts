import type { Dataset } from '../dataset/dataset.types.ts';

/** Replicate-weight methods, as R's `svrepdesign(type =)`. */
export type ReplicateType = 'BRR' | 'Fay' | 'JK1' | 'JKn' | 'bootstrap' | 'other';

/**
 * A survey design whose variance comes from replicate weights (R's `svyrep.design`). The analysis weight of row
 * `i` in replicate `r` is `base[i] * multipliers[r][index[i]]` (`index` null: `multipliers[r][i]`), which stores
 * designs made from PSUs (one multiplier per PSU) compactly. Immutable.
 */
export interface ReplicateDesign {
  readonly kind: 'replicate';
  readonly dataset: Dataset;
  readonly n: number;
  /** Full-sample analysis weights (R's `weights(design, "sampling")`). */
  readonly weights: Float64Array;
  readonly type: ReplicateType;
  /** Row factor of the replicate weights: 1 for combined weights, else the sampling weights. */
  readonly base: Float64Array;
  /** Row → column of `multipliers` (a PSU), or null when every row has its own. */
  readonly index: Int32Array | null;
  /** One array per replicate. */
  readonly multipliers: readonly Float64Array[];
  /** Overall variance factor (R's `scale`). */
  readonly scale: number;
  /** Per-replicate variance factors (R's `rscales`). */
  readonly rscales: Float64Array;
  /** Centre the squared deviations on the full-sample estimate (true) or on the mean of the replicates (R's `mse`). */
  readonly mse: boolean;
  /** Fay's rho, when type is Fay. */
  readonly rho?: number;
  /** Degrees of freedom: rank of the replicate weight matrix − 1 (R's `degf`). */
  readonly degf: number;
  /** The seed of R's generator the bootstrap replicates were drawn with (`asReplicateDesign` type bootstrap). */
  readonly seed?: number;
}

/** Options of {@link createReplicateDesign} (R's `svrepdesign`). */
export interface ReplicateDesignOptions {
  /** Full-sample weight column (R's `weights`). */
  readonly weights: string;
  /** Replicate weight columns, in order (R's `repweights`). */
  readonly replicates: readonly string[];
  readonly type: ReplicateType;
  /** Whether the replicate columns are whole weights (true, R's default) or multipliers of `weights`. */
  readonly combinedWeights?: boolean;
  /** Fay's rho (type Fay only). */
  readonly rho?: number;
  /** Overall variance factor; defaults by type as R does (required for `other`). */
  readonly scale?: number;
  /** Per-replicate factors, one number or one per replicate (required for JKn with combined weights). */
  readonly rscales?: number | readonly number[];
  /** R's `mse` (option `survey.replicates.mse`, default false). */
  readonly mse?: boolean;
}
