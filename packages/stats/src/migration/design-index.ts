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
  if (design.adjustments.length > 0) throw new RangeError('indexDesign: designs with weight adjustments are not supported by the migration tables');
  if (design.hasFpc && design.stages.length > 1) throw new RangeError('indexDesign: multistage designs with fpc are not supported by the migration tables');
  const st = design.stages[0];
  const psuRow = new Int32Array(st.nClusters).fill(-1);
  for (let i = 0; i < design.n; i++) if (psuRow[st.cluster[i]] < 0) psuRow[st.cluster[i]] = i;
  return {
    design,
    nrows: design.n,
    weights: design.weights,
    psuOfRow: st.cluster,
    npsu: st.nClusters,
    psuRow,
    lonelyStrata: st.stratumSampled.some((c) => c === 1),
  };
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
      ids: d.psu ? [d.psu] : [], strata: d.strata ?? null, weights: d.weight, nest: true, lonelyPsu: d.lonelyPsu ?? 'fail',
    });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new MappingError('mapping.invalid', 'design', e.message);
    throw e;
  }
  return indexDesign(design);
}

/**
 * Linearisation variance of an estimator whose influence values, summed by PSU, are `u` (length `npsu`), computed
 * by the design's own variance (`designVariance`: strata, lonely-PSU rule and first-stage fpc as R's `survey`).
 *
 * @example
 * psuVariance(index, psuTotalsOfInfluence); // variance of the estimate
 */
export function psuVariance(d: DesignIndex, u: Float64Array): number {
  return designVariance(d.design, { rows: d.psuRow, values: u }, null);
}
