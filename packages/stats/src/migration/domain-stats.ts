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
 * Weighted quantile (inverse of the weighted empirical CDF: the smallest value whose cumulative weight share reaches
 * `p`) with a Woodruff interval: the CDF's linearised SE at the quantile gives a CI for `p`, mapped back through the
 * inverse CDF; SE = CI width / (2 z).
 *
 * @example
 * domainQuantile(design, [0, 1, 2], Float64Array.of(3, 1, 2), 0.5, q).estimate; // 2 with equal weights
 */
export function domainQuantile(d: DesignIndex, rows: DomainRows, y: Float64Array, p: number, q: QualityThresholds): CellEstimate {
  const n = rows.length;
  if (n === 0) return packEstimate(NaN, NaN, 0, q);
  const w = d.weights;
  const order = Array.from(rows).sort((a, b) => y[a] - y[b]);
  const cum = new Float64Array(n);
  let W = 0;
  for (let k = 0; k < n; k++) cum[k] = W += w[order[k]];
  const inv = (pp: number): number => {
    if (pp <= 0) return y[order[0]];
    if (pp >= 1) return y[order[n - 1]];
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] / W >= pp - 1e-12) hi = mid;
      else lo = mid + 1;
    }
    return y[order[lo]];
  };
  const est = inv(p);
  let below = 0;
  for (const i of rows) if (y[i] <= est) below += w[i];
  const F = below / W;
  const u = new Float64Array(d.npsu);
  for (const i of rows) u[d.psuOfRow[i]] += (w[i] * ((y[i] <= est ? 1 : 0) - F)) / W;
  const seF = Math.sqrt(psuVariance(d, u));
  const z = normalQuantile(1 - (1 - q.level) / 2);
  const lo = inv(p - z * seF);
  const hi = inv(p + z * seF);
  const out = packEstimate(est, (hi - lo) / (2 * z), n, q, d.lonelyStrata);
  return { ...out, ci: [lo, hi] };
}
