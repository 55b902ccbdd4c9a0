import type { Dataset } from '../dataset/dataset.types.ts';
import { createDesign } from '../design/create-design.ts';
import { designVariance } from '../design/design-variance.ts';
import type { Design } from '../design/design.types.ts';
import { MappingError } from './mapping-error.ts';
import type { MappingDesign } from './mapping.types.ts';

/**
 * A survey design (from `createDesign`) plus what the table kernels need to linearise many estimates at once:
 * the PSU of each row and one representative row per PSU, so that PSU totals of influence values can be handed to
 * `designVariance` directly.
 */
export interface DesignIndex {
  readonly design: Design;
  readonly nrows: number;
  readonly weights: Float64Array;
  /** First-stage cluster (PSU) of each row, 0..npsu-1. */
  readonly psuOfRow: Int32Array;
  readonly npsu: number;
  /** One row of each PSU. */
  readonly psuRow: Int32Array;
  /** True when a stratum has a single PSU (estimates get the `lonely_psu` flag). */
  readonly lonelyStrata: boolean;
  /** Stratum of each PSU and PSUs per stratum (first stage). */
  readonly stratumOfPsu: Int32Array;
  readonly psuPerStratum: Int32Array;
  /** No fpc and no single-PSU stratum: the variance is the plain with-replacement formula (fast path). */
  readonly plain: boolean;
  /**
   * When the PSUs of each stratum are numbered consecutively (data sorted by stratum, the usual case): PSUs of
   * stratum h are `stratumStart[h] .. stratumStart[h+1]-1`. Null otherwise.
   */
  readonly stratumStart: Int32Array | null;
}

/**
 * Wraps a design for the table kernels.
 *
 * @throws RangeError when the design carries weight adjustments (post-stratification, calibration, raking) or
 *   multistage fpc: their variances need row-level influence values, which the table kernels do not form.
 * @example
 * indexDesign(createDesign(ds, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true })).npsu; // 957 on lfs_small
 */
export function indexDesign(design: Design): DesignIndex {
  if (design.adjustments.length > 0)
    throw new RangeError(
      'indexDesign: designs with weight adjustments are not supported by the migration tables',
    );
  if ((design.hasFpc || design.pps) && design.stages.length > 1)
    throw new RangeError(
      'indexDesign: multistage designs with fpc are not supported by the migration tables',
    );
  const st = design.stages[0];
  const psuRow = new Int32Array(st.nClusters).fill(-1);
  for (let i = 0; i < design.n; i++) if (psuRow[st.cluster[i]] < 0) psuRow[st.cluster[i]] = i;
  const lonelyStrata = st.stratumSampled.some((c) => c === 1);
  return {
    design,
    nrows: design.n,
    weights: design.weights,
    psuOfRow: st.cluster,
    npsu: st.nClusters,
    psuRow,
    lonelyStrata,
    stratumOfPsu: st.clusterStratum,
    psuPerStratum: st.stratumSampled,
    plain: !design.hasFpc && !design.pps && !lonelyStrata,
    stratumStart: consecutiveStrata(st.clusterStratum, st.nStrata),
  };
}

function consecutiveStrata(stratumOfPsu: Int32Array, nStrata: number): Int32Array | null {
  const start = new Int32Array(nStrata + 1).fill(-1);
  let prev = -1;
  for (let j = 0; j < stratumOfPsu.length; j++) {
    const h = stratumOfPsu[j];
    if (h === prev) continue;
    if (start[h] >= 0) return null; // stratum h seen before: not consecutive
    start[h] = j;
    prev = h;
  }
  if (start.subarray(0, nStrata).some((x) => x < 0)) return null;
  const order = Array.from({ length: nStrata }, (_, h) => h).sort((a, b) => start[a] - start[b]);
  // ranges must follow stratum index order for start[h+1] to close stratum h
  if (order.some((h, k) => h !== k)) return null;
  start[nStrata] = stratumOfPsu.length;
  return start;
}

/**
 * Builds the design of a variable mapping (`ids = [psu]`, `strata`, `weights`, `nest = true`, lonely PSUs as
 * `design.lonelyPsu`, default `fail` as in R) and indexes it.
 *
 * @throws MappingError (`mapping.invalid`, field `design`) with the design error's message: unknown columns,
 *   missing or negative weights, a single PSU in a stratum under `fail`.
 * @example
 * buildDesignIndex(ds, { weight: 'weight', strata: 'stratum', psu: 'psu' }).npsu; // 957 on lfs_small.csv
 */
export function buildDesignIndex(ds: Dataset, d: MappingDesign): DesignIndex {
  let design: Design;
  try {
    design = createDesign(ds, {
      ids: d.psu ? [d.psu] : [],
      strata: d.strata ?? null,
      weights: d.weight,
      nest: true,
      lonelyPsu: d.lonelyPsu ?? 'fail',
    });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError)
      throw new MappingError('mapping.invalid', 'design', e.message);
    throw e;
  }
  return indexDesign(design);
}

/**
 * Linearisation variance of an estimator whose influence values, summed by PSU, are `u` (length `npsu`): the design's
 * own variance (`designVariance`: strata, lonely-PSU rule, first-stage fpc as R's `survey`). Without fpc and
 * single-PSU strata that is Σ_h n_h/(n_h−1) Σ_j (u_hj − ū_h)², computed here directly (same result, no allocation
 * per call beyond one array of strata).
 *
 * @example
 * psuVariance(index, psuTotalsOfInfluence); // variance of the estimate
 */
export function psuVariance(d: DesignIndex, u: Float64Array): number {
  if (!d.plain) return designVariance(d.design, { rows: d.psuRow, values: u }, null);
  const nh = d.psuPerStratum;
  const hOf = d.stratumOfPsu;
  const mean = new Float64Array(nh.length);
  for (let j = 0; j < d.npsu; j++) mean[hOf[j]] += u[j];
  for (let h = 0; h < nh.length; h++) mean[h] /= nh[h];
  let v = 0;
  for (let j = 0; j < d.npsu; j++) {
    const h = hOf[j];
    const dev = u[j] - mean[h];
    v += (nh[h] / (nh[h] - 1)) * dev * dev;
  }
  return v;
}
