import type { Cube } from './cube.ts';
import { psuVariance } from './design-index.ts';

/** Quality thresholds for cell flags. */
export interface QualityThresholds {
  /** Flag `low_n` below this many unweighted observations (default 30). */
  readonly minN: number;
  /** Flag `high_cv` above this coefficient of variation (default 0.2). */
  readonly maxCv: number;
  /** Confidence level of `ci` (default 0.95). */
  readonly level: number;
}

/** Defaults of {@link QualityThresholds}. */
export const DEFAULT_QUALITY: QualityThresholds = { minN: 30, maxCv: 0.2, level: 0.95 };

/** One estimate of a table cell. */
export interface CellEstimate {
  readonly estimate: number;
  readonly se: number;
  /** se / |estimate|; NaN when the estimate is 0. */
  readonly cv: number;
  readonly ci: readonly [number, number];
  /** Unweighted observations behind the estimate. */
  readonly n: number;
  /** `empty` (no observations: estimate undefined), `low_n`, `high_cv`, `lonely_psu`. */
  readonly flags: readonly string[];
}

/** A term of a linearised estimator: d(estimate)/d(total of `value` in `cell`). */
export interface GradientTerm {
  readonly value: number;
  readonly cell: number;
  readonly coef: number;
}

/**
 * Standard normal CDF: Taylor series of erf for |x| < 3, continued fraction of erfc beyond (double precision).
 *
 * @example
 * normalCdf(0); // 0.5
 */
export function normalCdf(x: number): number {
  const t = Math.abs(x) / Math.SQRT2;
  let erfc: number;
  if (t < 3) {
    let term = t, sum = t;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-t * t) / n;
      sum += term / (2 * n + 1);
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc(t) = exp(−t²)/√π · 1/(t + 1/2/(t + 1/(t + 3/2/(t + …)))), evaluated bottom-up
    let f = 0;
    for (let k = 60; k >= 1; k--) f = k / 2 / (t + f);
    erfc = Math.exp(-t * t) / Math.sqrt(Math.PI) / (t + f);
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Standard normal quantile: Acklam's rational approximation refined by one Newton step on {@link normalCdf}.
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const x0 = acklam(p);
  return x0 - (normalCdf(x0) - p) / (Math.exp(-0.5 * x0 * x0) / Math.sqrt(2 * Math.PI));
}

function acklam(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * Packages an estimate with its linearised SE: the PSU totals of the influence values are Σ coef · (PSU total of
 * `value` in `cell`), so covariances between cells (e.g. migrants vs non-migrants) are accounted for.
 *
 * @example
 * // a domain total: one term with coefficient 1
 * linearisedEstimate(cube, cube.totals[c], [{ value: 0, cell: c, coef: 1 }], cube.n[c]).se;
 */
export function linearisedEstimate(
  cube: Cube,
  estimate: number,
  terms: readonly GradientTerm[],
  n: number,
  q: QualityThresholds = DEFAULT_QUALITY,
): CellEstimate {
  const { design, ncells } = cube;
  const npsu = design.npsu;
  const u = new Float64Array(npsu);
  for (const t of terms) {
    if (t.coef === 0) continue;
    const base = t.value * npsu * ncells + t.cell;
    for (let j = 0; j < npsu; j++) u[j] += t.coef * cube.psuTotals[base + j * ncells];
  }
  const se = Number.isFinite(estimate) ? Math.sqrt(psuVariance(design, u)) : NaN;
  return packEstimate(estimate, se, n, q, design.lonelyStrata > 0);
}

/**
 * Adds CV, normal CI and flags to an estimate and SE.
 *
 * @example
 * packEstimate(100, 10, 50).cv; // 0.1
 */
export function packEstimate(estimate: number, se: number, n: number, q: QualityThresholds = DEFAULT_QUALITY, lonely = false): CellEstimate {
  const z = normalQuantile(1 - (1 - q.level) / 2);
  const cv = estimate !== 0 && Number.isFinite(estimate) ? se / Math.abs(estimate) : NaN;
  const flags: string[] = [];
  if (n === 0 || !Number.isFinite(estimate)) flags.push('empty');
  else {
    if (n < q.minN) flags.push('low_n');
    if (cv > q.maxCv) flags.push('high_cv');
  }
  if (lonely) flags.push('lonely_psu');
  return { estimate, se, cv, ci: [estimate - z * se, estimate + z * se], n, flags };
}
