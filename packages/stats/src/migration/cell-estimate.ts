import type { Cube } from './cube.ts';
import { normalQuantile } from '../estimate/distributions.ts';
import { psuVariance, type DesignIndex } from './design-index.ts';
import {
  DEFAULT_QUALITY as DEFAULT_ESTIMATE_QUALITY,
  coefficientOfVariation,
  qualityFlags,
  type QualityFlag,
  type QualityThresholds as EstimateQuality,
} from '../quality/quality.ts';

/** Quality thresholds for cell flags, and the confidence level of `ci`. */
export interface QualityThresholds extends EstimateQuality {
  /** Confidence level of `ci` (default 0.95). */
  readonly level: number;
}

/** Defaults of {@link QualityThresholds}: the estimators' thresholds and a 95% level. */
export const DEFAULT_QUALITY: QualityThresholds = { ...DEFAULT_ESTIMATE_QUALITY, level: 0.95 };

/** One estimate of a table cell. */
export interface CellEstimate {
  readonly estimate: number;
  readonly se: number;
  /** se / |estimate|: Infinity for an estimate of 0 with a positive SE, NaN when undefined. */
  readonly cv: number;
  readonly ci: readonly [number, number];
  /** Unweighted observations behind the estimate. */
  readonly n: number;
  /** The estimators' flags (`small_n`, `high_cv`, `undefined`), plus `lonely_psu`: see `qualityFlags`. */
  readonly flags: readonly QualityFlag[];
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
  const tot = cube.psuTotals;
  const live = terms.filter((t) => t.coef !== 0);
  const bases = live.map((t) => (t.value * ncells + t.cell) * npsu);
  const coefs = live.map((t) => t.coef);
  let variance: number;
  if (!Number.isFinite(estimate)) variance = NaN;
  else if (design.plain) variance = plainVariance(design, tot, bases, coefs);
  else {
    const u = scratch(npsu);
    for (let k = 0; k < bases.length; k++)
      for (let j = 0; j < npsu; j++) u[j] += coefs[k] * tot[bases[k] + j];
    variance = psuVariance(design, u);
  }
  return packEstimate(estimate, Math.sqrt(variance), n, q, design.lonelyStrata);
}

/**
 * Σ_h n_h/(n_h−1) Σ_j (u_hj − ū_h)² with u = Σ_k coef_k · tot[base_k + j], in two passes (the formula of
 * `psuVariance` on its plain path).
 */
function plainVariance(
  d: DesignIndex,
  tot: Float64Array,
  bases: readonly number[],
  coefs: readonly number[],
): number {
  if (d.stratumStart) return rangedVariance(d.stratumStart, tot, bases, coefs);
  const npsu = d.npsu;
  const hOf = d.stratumOfPsu;
  const nh = d.psuPerStratum;
  const u = scratch(npsu);
  const mean = new Float64Array(nh.length);
  const K = bases.length;
  for (let j = 0; j < npsu; j++) {
    let x = 0;
    for (let k = 0; k < K; k++) x += coefs[k] * tot[bases[k] + j];
    u[j] = x;
    mean[hOf[j]] += x;
  }
  for (let h = 0; h < nh.length; h++) mean[h] /= nh[h];
  let v = 0;
  for (let j = 0; j < npsu; j++) {
    const h = hOf[j];
    const dev = u[j] - mean[h];
    v += (nh[h] / (nh[h] - 1)) * dev * dev;
  }
  return v;
}

/** {@link plainVariance} when each stratum's PSUs are a consecutive range: one stratum at a time, in cache. */
function rangedVariance(
  start: Int32Array,
  tot: Float64Array,
  bases: readonly number[],
  coefs: readonly number[],
): number {
  const u = scratch(start[start.length - 1]);
  influence(u, tot, bases, coefs);
  let v = 0;
  for (let h = 0; h + 1 < start.length; h++) {
    const a = start[h];
    const b = start[h + 1];
    let sum = 0;
    for (let j = a; j < b; j++) sum += u[j];
    const nh = b - a;
    const mean = sum / nh;
    let ss = 0;
    for (let j = a; j < b; j++) ss += (u[j] - mean) * (u[j] - mean);
    v += (nh / (nh - 1)) * ss;
  }
  return v;
}

/**
 * u[j] = Σ_k coefs[k] · tot[bases[k] + j], summed in the order of k (as the generic loop does), with straight-line
 * code for one to three terms: the usual gradients, and several times faster than the loop over k.
 */
function influence(
  u: Float64Array,
  tot: Float64Array,
  bases: readonly number[],
  coefs: readonly number[],
): void {
  const n = u.length;
  const K = bases.length;
  if (K === 1) {
    const b0 = bases[0];
    const c0 = coefs[0];
    for (let j = 0; j < n; j++) u[j] = 0 + c0 * tot[b0 + j];
  } else if (K === 2) {
    const b0 = bases[0];
    const b1 = bases[1];
    const c0 = coefs[0];
    const c1 = coefs[1];
    for (let j = 0; j < n; j++) u[j] = 0 + c0 * tot[b0 + j] + c1 * tot[b1 + j];
  } else if (K === 3) {
    const b0 = bases[0];
    const b1 = bases[1];
    const b2 = bases[2];
    const c0 = coefs[0];
    const c1 = coefs[1];
    const c2 = coefs[2];
    for (let j = 0; j < n; j++) u[j] = 0 + c0 * tot[b0 + j] + c1 * tot[b1 + j] + c2 * tot[b2 + j];
  } else {
    for (let j = 0; j < n; j++) {
      let x = 0;
      for (let k = 0; k < K; k++) x += coefs[k] * tot[bases[k] + j];
      u[j] = x;
    }
  }
}

/**
 * Adds CV, normal CI and flags to an estimate and SE.
 *
 * @example
 * packEstimate(100, 10, 50).cv; // 0.1
 */
export function packEstimate(
  estimate: number,
  se: number,
  n: number,
  q: QualityThresholds = DEFAULT_QUALITY,
  lonely = false,
): CellEstimate {
  const z = normalQuantile(1 - (1 - q.level) / 2);
  const cv = coefficientOfVariation(estimate, se);
  const flags = qualityFlags(estimate, se, n, q, lonely);
  return { estimate, se, cv, ci: [estimate - z * se, estimate + z * se], n, flags };
}
