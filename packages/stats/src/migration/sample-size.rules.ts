import { normalQuantile } from '../estimate/distributions.ts';

/** Inputs of {@link planSampleSize}. Give exactly one of `moe`, `relativeMoe`, `targetCv`. */
export interface SampleSizeInput {
  /** Expected proportion P in (0, 1), e.g. the migrant share of the labour force. */
  readonly p: number;
  /** Absolute margin of error d (e.g. 0.02 for ±2 percentage points). */
  readonly moe?: number;
  /** Margin of error relative to P (d / P). */
  readonly relativeMoe?: number;
  /** Target coefficient of variation CV0 = SE / P. */
  readonly targetCv?: number;
  /** Confidence level for margins of error (default 0.95). */
  readonly level?: number;
  /** Population size N for the finite population correction (omit for none). */
  readonly populationSize?: number;
  /** Design effect; or give `cluster` and/or `weightCv` to build it. */
  readonly deff?: number;
  /** Cluster design effect 1 + (m̄ − 1)·ρ. */
  readonly cluster?: { readonly meanSize: number; readonly icc: number };
  /** Weighting design effect 1 + CV²(w). */
  readonly weightCv?: number;
  /** Expected response rate in (0, 1] (default 1). */
  readonly responseRate?: number;
  /** Screening a rare population: share of households with ≥ 1 eligible person, and eligible persons per such household. */
  readonly screening?: { readonly eligibleHouseholdShare: number; readonly eligiblePerHousehold: number };
}

/** One step of the calculation, for display. */
export interface SampleSizeStep {
  readonly name: string;
  readonly formula: string;
  readonly value: number;
}

/** Result of {@link planSampleSize}; `*Rounded` are rounded up. */
export interface SampleSizePlan {
  readonly n0: number;
  readonly nFpc: number;
  readonly deff: number;
  /** Completed interviews needed: nFpc · deff. */
  readonly nEffective: number;
  /** Persons to select: nEffective / response rate. */
  readonly nSelect: number;
  readonly nSelectRounded: number;
  /** Households to screen (only with `screening`). */
  readonly households?: number;
  readonly householdsRounded?: number;
  readonly steps: readonly SampleSizeStep[];
}

function check(cond: boolean, arg: string, what: string): void {
  if (!cond) throw new RangeError(`planSampleSize: ${arg} ${what}`);
}

/**
 * Sample size for estimating a proportion in a migrant survey (domain brief §5.2 (a)):
 * n0 = z²P(1−P)/d² (margin of error d), z²(1−P)/(r²P) (relative margin r) or (1−P)/(CV0²P) (target CV);
 * n_fpc = n0/(1 + (n0−1)/N); n_eff = n_fpc·deff with deff = given, or (1 + (m̄−1)ρ)·(1 + CV²(w));
 * n_select = n_eff / RR; households to screen H = n_select / (π_hh · ē).
 *
 * @throws RangeError naming the argument when an input is out of range or the target is not given exactly once.
 * @example
 * planSampleSize({ p: 0.5, moe: 0.05 }).nSelectRounded; // 385
 */
export function planSampleSize(x: SampleSizeInput): SampleSizePlan {
  check(x.p > 0 && x.p < 1, 'p', 'must be in (0, 1)');
  const targets = [x.moe, x.relativeMoe, x.targetCv].filter((t) => t !== undefined);
  check(targets.length === 1, 'moe/relativeMoe/targetCv', 'give exactly one target');
  check((targets[0] as number) > 0, 'moe/relativeMoe/targetCv', 'must be > 0');
  const level = x.level ?? 0.95;
  check(level > 0 && level < 1, 'level', 'must be in (0, 1)');
  const z = normalQuantile(1 - (1 - level) / 2);
  const P = x.p;
  const steps: SampleSizeStep[] = [];
  let n0: number;
  if (x.moe !== undefined) {
    n0 = (z * z * P * (1 - P)) / (x.moe * x.moe);
    steps.push({ name: 'n0', formula: 'z²·P(1−P)/d²', value: n0 });
  } else if (x.relativeMoe !== undefined) {
    n0 = (z * z * (1 - P)) / (x.relativeMoe * x.relativeMoe * P);
    steps.push({ name: 'n0', formula: 'z²·(1−P)/(r²·P)', value: n0 });
  } else {
    const cv = x.targetCv as number;
    n0 = (1 - P) / (cv * cv * P);
    steps.push({ name: 'n0', formula: '(1−P)/(CV0²·P)', value: n0 });
  }
  let nFpc = n0;
  if (x.populationSize !== undefined) {
    check(x.populationSize >= 1, 'populationSize', 'must be ≥ 1');
    nFpc = n0 / (1 + (n0 - 1) / x.populationSize);
    steps.push({ name: 'n_fpc', formula: 'n0/(1 + (n0−1)/N)', value: nFpc });
  }
  let deff = x.deff ?? 1;
  if (x.deff !== undefined) check(x.deff > 0, 'deff', 'must be > 0');
  if (x.cluster) {
    check(
      x.cluster.meanSize >= 1 && x.cluster.icc >= 0 && x.cluster.icc <= 1,
      'cluster',
      'needs meanSize ≥ 1 and icc in [0, 1]',
    );
    deff *= 1 + (x.cluster.meanSize - 1) * x.cluster.icc;
  }
  if (x.weightCv !== undefined) {
    check(x.weightCv >= 0, 'weightCv', 'must be ≥ 0');
    deff *= 1 + x.weightCv * x.weightCv;
  }
  const nEffective = nFpc * deff;
  steps.push({ name: 'n_eff', formula: 'n_fpc·deff', value: nEffective });
  const rr = x.responseRate ?? 1;
  check(rr > 0 && rr <= 1, 'responseRate', 'must be in (0, 1]');
  const nSelect = nEffective / rr;
  steps.push({ name: 'n_select', formula: 'n_eff/RR', value: nSelect });
  const plan: SampleSizePlan = {
    n0,
    nFpc,
    deff,
    nEffective,
    nSelect,
    nSelectRounded: Math.ceil(nSelect - 1e-9),
    steps,
  };
  if (!x.screening) return plan;
  const { eligibleHouseholdShare: pi, eligiblePerHousehold: e } = x.screening;
  check(pi > 0 && pi <= 1, 'screening.eligibleHouseholdShare', 'must be in (0, 1]');
  check(e > 0, 'screening.eligiblePerHousehold', 'must be > 0');
  const households = nSelect / (pi * e);
  steps.push({ name: 'households', formula: 'n_select/(π_hh·ē)', value: households });
  return { ...plan, households, householdsRounded: Math.ceil(households - 1e-9), steps };
}

/**
 * Kish's design effect due to unequal weights: n·Σw² / (Σw)² = 1 + CV²(w) (population CV).
 *
 * @throws RangeError when `weights` is empty.
 * @example
 * kishWeightingDeff([1, 1, 2, 2]); // 1.1111111111111112 (4·10/36)
 */
export function kishWeightingDeff(weights: ArrayLike<number>): number {
  if (weights.length === 0) throw new RangeError('kishWeightingDeff: weights must not be empty');
  let s = 0,
    s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    s2 += weights[i] * weights[i];
  }
  return (weights.length * s2) / (s * s);
}
