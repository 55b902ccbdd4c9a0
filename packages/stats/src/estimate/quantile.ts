import { computeDegf } from '../design/design-degf.ts';
import { designVariance } from '../design/design-variance.ts';
import type { Design } from '../design/design.types.ts';
import { studentTQuantile } from './distributions.ts';
import { propInterval } from './ciprop.ts';
import { buildDomains, whereMask } from './domains.ts';
import type { EstimateOptions, EstimateRow, EstimateTable } from './estimate.types.ts';
import { domainSums } from './linear.ts';
import { QUANTILE_RULES, quantileByRule, sortSample, type QuantileRule } from './qrule.ts';
import { makeRow, resolveCommon } from './result-row.ts';
import { numericVariable, termValues } from './terms.ts';
import { uniroot } from './zeroin.ts';
import { isReplicateDesign } from '../replicate/create-replicate-design.ts';
import { replicateQuantile } from '../replicate/replicate-estimators.ts';
import type { ReplicateDesign } from '../replicate/replicate.types.ts';

/** Options for {@link estimateQuantile}. */
export interface QuantileOptions extends EstimateOptions {
  /** Probabilities, default [0.5]. */
  readonly probs?: readonly number[];
  /** Quantile rule, default `math` (R's default). */
  readonly qrule?: QuantileRule;
  /**
   * Woodruff interval for the proportion below the estimate (R's `interval.type`): `mean` (default), `beta`,
   * `xlogit` or `asin`; `score` (R's Francisco–Fuller score interval, not on replicate designs); on replicate-weight
   * designs also `quantile` (the replicates' quantiles).
   */
  readonly intervalType?: 'mean' | 'beta' | 'xlogit' | 'asin' | 'score' | 'quantile';
}

/** Weighted mean of y (0/1) over the domain with its SE — R's `svymean` inside Woodruff's method. */
function meanWithSe(design: Design, rows: Int32Array, y: Float64Array): { mean: number; se: number } {
  const w = design.weights;
  const { sw, swy } = domainSums(w, rows, y);
  const mean = swy / sw;
  const z = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) z[k] = (w[rows[k]] * (y[k] - mean)) / sw;
  return { mean, se: Math.sqrt(designVariance(design, { rows, values: z }, rows)) };
}

/**
 * R's `ffullerCI` (interval.type "score"): the quantile values where the score test of "p of the population lies
 * below" is at ±t (found with R's uniroot between min + IQR/100 and max − IQR/100), returned as the proportions of
 * the sample (unweighted, as R) at or below them, for the quantile rule to map back.
 */
function scoreInterval(
  design: Design,
  rows: Int32Array,
  x: Float64Array,
  p: number,
  df: number,
  nrow: number,
  level: number,
): [number, number] {
  const alpha = 1 - level;
  const t = studentTQuantile(1 - alpha / 2, df);
  const u = new Float64Array(rows.length);
  const score = (theta: number, limit: number) => {
    for (let k = 0; k < x.length; k++) u[k] = (x[k] > theta ? 1 : 0) - (1 - p);
    const m = meanWithSe(design, rows, u);
    return m.mean / m.se - limit;
  };
  const sorted = Float64Array.from(x).sort();
  const type7 = (prob: number) => {
    const h = (sorted.length - 1) * prob;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
  };
  const iqr = type7(0.75) - type7(0.25);
  const lowerT = sorted[0] + iqr / 100;
  const upperT = sorted[sorted.length - 1] - iqr / 100;
  const tol = 1 / (100 * Math.sqrt(nrow));
  const qlow = uniroot((th) => score(th, t), lowerT, upperT, tol);
  const qup = uniroot((th) => score(th, -t), lowerT, upperT, tol);
  const share = (v: number) => {
    if (Number.isNaN(v)) return NaN;
    let k = 0;
    for (let i = 0; i < x.length; i++) if (x[i] <= v) k++;
    return k / x.length;
  };
  return [share(qlow), share(qup)];
}

/**
 * Quantiles with Woodruff confidence intervals (R's `svyquantile(..., ci = TRUE, se = TRUE)`, survey 4.1
 * default `interval.type = "mean"`): the CI for the proportion below the estimate, using a t quantile on the
 * domain's design degrees of freedom, is mapped back through the quantile rule; se = CI width / (2 t).
 *
 * @param design - the design.
 * @param variables - numeric variables.
 * @param options - probs (default [0.5]), qrule (default `math`), by, where, level, quality.
 * @throws RangeError for probabilities outside [0, 1] or an unknown rule.
 * @example
 * estimateQuantile(design, ['api00'], { probs: [0.5] }).rows[0].estimate; // 658 on R's apisrs
 */
export function estimateQuantile(
  design: Design | ReplicateDesign,
  variables: readonly string[],
  options: QuantileOptions = {},
): EstimateTable {
  const fn = 'estimateQuantile';
  const { level, quality } = resolveCommon(options, fn);
  const probs = options.probs ?? [0.5];
  const rule = options.qrule ?? 'math';
  const intervalType = options.intervalType ?? 'mean';
  const types = isReplicateDesign(design)
    ? ['mean', 'beta', 'xlogit', 'asin', 'quantile']
    : ['mean', 'beta', 'xlogit', 'asin', 'score'];
  if (!types.includes(intervalType)) {
    throw new RangeError(`${fn}: intervalType must be one of ${types.join(', ')}, got "${intervalType}"`);
  }
  if (!QUANTILE_RULES.includes(rule))
    throw new RangeError(`${fn}: qrule must be one of ${QUANTILE_RULES.join(', ')}, got "${rule}"`);
  if (!Array.isArray(probs) || probs.length === 0 || probs.some((p) => !(p >= 0 && p <= 1))) {
    throw new RangeError(`${fn}: probs must be a non-empty list of numbers in [0, 1]`);
  }
  if (!Array.isArray(variables) || variables.length === 0)
    throw new RangeError(`${fn}: variables must list at least one variable`);
  const cols = variables.map((v) => numericVariable(design, v, fn, 'variables'));
  if (isReplicateDesign(design))
    return replicateQuantile(design, cols, variables, {
      ...options,
      probs,
      qrule: rule,
      intervalType: intervalType as Exclude<typeof intervalType, 'score'>,
    });
  if (intervalType === 'quantile')
    throw new RangeError(`${fn}: intervalType "quantile" needs a replicate-weight design`);
  const mask = whereMask(design, options.where, fn);
  const { domains, missing } = buildDomains(design, mask, options.by ?? [], cols, fn);
  const alpha = 1 - level;
  const out: EstimateRow[] = [];
  for (const dom of domains) {
    const rows = dom.rows;
    const df = computeDegf(design.stages[0], design.weights, rows);
    const tq = studentTQuantile(1 - alpha / 2, df);
    const w = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) w[k] = design.weights[rows[k]];
    cols.forEach((col, j) => {
      const x = new Float64Array(rows.length);
      termValues({ name: '', column: col }, rows, x);
      const sample = sortSample(x, w);
      for (const p of probs) {
        const q = quantileByRule(sample, p, rule);
        const nrow = design.adjustments.length ? design.n : rows.length;
        let pl: number;
        let pu: number;
        if (intervalType === 'score') [pl, pu] = scoreInterval(design, rows, x, p, df, nrow, level);
        else {
          const below = new Float64Array(rows.length);
          for (let k = 0; k < rows.length; k++) below[k] = x[k] <= q ? 1 : 0;
          const m = meanWithSe(design, rows, below);
          [pl, pu] = propInterval(intervalType as 'mean', m.mean, m.se, df, nrow, level);
        }
        const lo = Number.isNaN(pl) || pl < 0 ? NaN : quantileByRule(sample, pl, rule);
        const hi = Number.isNaN(pu) || pu > 1 ? NaN : quantileByRule(sample, pu, rule);
        const se = (hi - lo) / (2 * tq);
        out.push(
          makeRow(
            {
              domain: dom.key,
              term: variables[j],
              estimate: q,
              se,
              n: rows.length,
              quantile: p,
              ci: [lo, hi],
            },
            level,
            quality,
          ),
        );
      }
    });
  }
  return { rows: out, missing, df: design.degf };
}
