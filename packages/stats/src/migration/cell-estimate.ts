import type { Cube } from './cube.ts';
import { normalQuantile } from '../estimate/distributions.ts';
import { psuVariance } from './design-index.ts';

/** Quality thresholds for cell flags. */
export interface QualityThresholds {
  /** Flag `small_n` below this many unweighted observations (default 30, as the estimators). */
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
  /** As the estimators: `small_n`, `high_cv`, `undefined` (estimate or SE is NaN); plus `lonely_psu`. */
  readonly flags: readonly string[];
}

/** A term of a linearised estimator: d(estimate)/d(total of `value` in `cell`). */
export interface GradientTerm {
  readonly value: number;
  readonly cell: number;
  readonly coef: number;
}

let buffer = new Float64Array(0);
/** A zeroed work array of length n, reused across calls (one estimate at a time; nothing keeps it). */
function scratch(n: number): Float64Array {
  if (buffer.length !== n) buffer = new Float64Array(n);
  else buffer.fill(0);
  return buffer;
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
  const u = scratch(npsu);
  for (const t of terms) {
    if (t.coef === 0) continue;
    const base = (t.value * ncells + t.cell) * npsu;
    const tot = cube.psuTotals;
    for (let j = 0; j < npsu; j++) u[j] += t.coef * tot[base + j];
  }
  const se = Number.isFinite(estimate) ? Math.sqrt(psuVariance(design, u)) : NaN;
  return packEstimate(estimate, se, n, q, design.lonelyStrata);
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
  if (n < q.minN) flags.push('small_n');
  if (cv > q.maxCv) flags.push('high_cv');
  if (Number.isNaN(estimate) || Number.isNaN(se)) flags.push('undefined');
  if (lonely) flags.push('lonely_psu');
  return { estimate, se, cv, ci: [estimate - z * se, estimate + z * se], n, flags };
}
