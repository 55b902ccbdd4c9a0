import { normalQuantile } from '../estimate/distributions.ts';
import { packEstimate, type CellEstimate, type QualityThresholds } from './cell-estimate.ts';
import { psuVariance, type DesignIndex } from './design-index.ts';

/** Rows of one domain (indices into the design's rows). */
export type DomainRows = Int32Array | readonly number[];

/**
 * Weighted mean of `y` over a domain, SE by linearisation (influence w·(y − ȳ)/W summed by PSU; the rest of the
 * design kept, as R's `svyby`).
 *
 * @example
 * domainMean(design, [0, 1], Float64Array.of(1, 3), q).estimate; // 2 when both weights are equal
 */
export function domainMean(d: DesignIndex, rows: DomainRows, y: Float64Array, q: QualityThresholds): CellEstimate {
  return domainRatio(d, rows, y, null, q);
}

/**
 * Ratio of weighted totals Σw·y / Σw·x over a domain (x = 1 when null), linearised SE.
 *
 * @example
 * domainRatio(design, [0, 1], Float64Array.of(2, 4), Float64Array.of(1, 1), q).estimate; // 3 with equal weights
 */
export function domainRatio(d: DesignIndex, rows: DomainRows, y: Float64Array, x: Float64Array | null, q: QualityThresholds): CellEstimate {
  const w = d.weights;
  let ty = 0, tx = 0;
  for (const i of rows) {
    ty += w[i] * y[i];
    tx += w[i] * (x ? x[i] : 1);
  }
  if (rows.length === 0 || tx === 0) return packEstimate(NaN, NaN, rows.length, q);
  const r = ty / tx;
  const u = new Float64Array(d.npsu);
  for (const i of rows) u[d.psuOfRow[i]] += (w[i] * (y[i] - r * (x ? x[i] : 1))) / tx;
  return packEstimate(r, Math.sqrt(psuVariance(d, u)), rows.length, q, d.lonelyStrata);
}

/**
 * Weighted quantiles (inverse of the weighted empirical CDF: the smallest value whose cumulative weight share reaches
 * `p`) with Woodruff intervals: the CDF's linearised SE at the quantile gives a CI for `p`, mapped back through the
 * inverse CDF; SE = CI width / (2 z). The domain is sorted once for all `probs`.
 *
 * @example
 * domainQuantiles(design, [0, 1, 2], Float64Array.of(3, 1, 2), [0.5], q)[0].estimate; // 2 with equal weights
 */
export function domainQuantiles(d: DesignIndex, rows: DomainRows, y: Float64Array, probs: readonly number[], q: QualityThresholds): CellEstimate[] {
  const n = rows.length;
  if (n === 0) return probs.map(() => packEstimate(NaN, NaN, 0, q));
  const w = d.weights;
  const order = Int32Array.from(rows);
  const keys = Float64Array.from(order, (i) => y[i]);
  const perm = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => keys[a] - keys[b]);
  const sorted = Float64Array.from(perm, (k) => keys[k]);
  const cum = new Float64Array(n);
  let W = 0;
  for (let k = 0; k < n; k++) cum[k] = W += w[order[perm[k]]];
  const inv = (pp: number): number => {
    if (pp <= 0) return sorted[0];
    if (pp >= 1) return sorted[n - 1];
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] / W >= pp - 1e-12) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo];
  };
  const z = normalQuantile(1 - (1 - q.level) / 2);
  return probs.map((p) => {
    const est = inv(p);
    let below = 0;
    for (let k = 0; k < n; k++) if (y[order[k]] <= est) below += w[order[k]];
    const F = below / W;
    const u = new Float64Array(d.npsu);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      u[d.psuOfRow[i]] += (w[i] * ((y[i] <= est ? 1 : 0) - F)) / W;
    }
    const seF = Math.sqrt(psuVariance(d, u));
    const lo = inv(p - z * seF);
    const hi = inv(p + z * seF);
    return { ...packEstimate(est, (hi - lo) / (2 * z), n, q, d.lonelyStrata), ci: [lo, hi] as const };
  });
}

/**
 * One weighted quantile with its Woodruff interval; see {@link domainQuantiles}.
 *
 * @example
 * domainQuantile(design, [0, 1, 2], Float64Array.of(3, 1, 2), 0.5, q).estimate; // 2 with equal weights
 */
export function domainQuantile(d: DesignIndex, rows: DomainRows, y: Float64Array, p: number, q: QualityThresholds): CellEstimate {
  return domainQuantiles(d, rows, y, [p], q)[0];
}
