import type { Dataset } from '../dataset/dataset.types.ts';
import { readNumberColumn, readTextColumn } from './column-codes.ts';
import { MappingError } from './mapping-error.ts';
import type { MappingDesign } from './mapping.types.ts';

/**
 * A stratified multistage design reduced to what with-replacement Taylor linearisation needs: the weight of each row,
 * its primary sampling unit (numbered 0..npsu-1 across strata) and the stratum of each PSU. PSUs are identified by
 * (stratum, psu) so PSU numbers may restart in each stratum (R's `nest = TRUE`).
 */
export interface DesignIndex {
  readonly nrows: number;
  readonly weights: Float64Array;
  readonly psuOfRow: Int32Array;
  readonly npsu: number;
  readonly stratumOfPsu: Int32Array;
  readonly nstrata: number;
  /** PSUs per stratum. */
  readonly psuPerStratum: Int32Array;
  /** Strata with a single PSU; they add nothing to variances (flagged `lonely_psu`). */
  readonly lonelyStrata: number;
}

/**
 * Builds the design index from the mapping's weight, strata and PSU columns (no strata = one stratum; no PSU = each
 * row is its own PSU).
 *
 * @throws MappingError naming `design.weight` and the row when a weight is missing, negative or not finite.
 * @example
 * const d = buildDesignIndex(ds, { weight: 'weight', strata: 'stratum', psu: 'psu' });
 * d.npsu; // 957 on lfs_small.csv
 */
export function buildDesignIndex(ds: Dataset, design: MappingDesign): DesignIndex {
  const n = ds.nrows;
  const weights = readNumberColumn(ds, design.weight, 'design.weight');
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || w === Infinity) {
      throw new MappingError('mapping.invalid', 'design.weight', `column "${design.weight}" has a ${Number.isNaN(w) ? 'missing' : 'negative or infinite'} weight at row ${i + 1}; weights must be finite and ≥ 0`);
    }
  }
  const strata = design.strata ? readTextColumn(ds, design.strata, 'design.strata') : null;
  const psu = design.psu ? readTextColumn(ds, design.psu, 'design.psu') : null;
  const nPsuLevels = psu ? psu.levels.length : 0;
  const keyToPsu = new Map<number, number>();
  const psuOfRow = new Int32Array(n);
  const stratumList: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = strata ? strata.codes[i] : 0;
    if (h < 0) throw new MappingError('mapping.invalid', 'design.strata', `column "${design.strata}" is missing at row ${i + 1}`);
    const j = psu ? psu.codes[i] : i;
    if (j < 0) throw new MappingError('mapping.invalid', 'design.psu', `column "${design.psu}" is missing at row ${i + 1}`);
    const key = psu ? h * nPsuLevels + j : i;
    let id = keyToPsu.get(key);
    if (id === undefined) {
      id = stratumList.length;
      keyToPsu.set(key, id);
      stratumList.push(h);
    }
    psuOfRow[i] = id;
  }
  const nstrata = strata ? strata.levels.length : 1;
  const stratumOfPsu = Int32Array.from(stratumList);
  const psuPerStratum = new Int32Array(nstrata);
  for (const h of stratumList) psuPerStratum[h]++;
  let lonelyStrata = 0;
  for (const c of psuPerStratum) if (c === 1) lonelyStrata++;
  return { nrows: n, weights, psuOfRow, npsu: stratumList.length, stratumOfPsu, nstrata, psuPerStratum, lonelyStrata };
}

/**
 * With-replacement linearisation variance of an estimator whose influence values, summed by PSU, are `u`:
 * Σ_h n_h/(n_h−1) Σ_j (u_hj − ū_h)² (as R's `survey` for `svydesign(ids, strata, weights)` without fpc).
 * Strata with one PSU contribute nothing.
 *
 * @example
 * // two strata of two PSUs: u = [1, 3 | 2, 2] → 2·(1+1) + 0 = 4
 * psuVariance(design, Float64Array.of(1, 3, 2, 2)); // 4
 */
export function psuVariance(d: DesignIndex, u: Float64Array): number {
  const sum = new Float64Array(d.nstrata);
  for (let j = 0; j < d.npsu; j++) sum[d.stratumOfPsu[j]] += u[j];
  let v = 0;
  for (let j = 0; j < d.npsu; j++) {
    const h = d.stratumOfPsu[j];
    const nh = d.psuPerStratum[h];
    if (nh < 2) continue;
    const dev = u[j] - sum[h] / nh;
    v += (nh / (nh - 1)) * dev * dev;
  }
  return v;
}
