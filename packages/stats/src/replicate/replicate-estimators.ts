import type { Column } from '../dataset/dataset.types.ts';
import { designColumn } from '../design/design-index.ts';
import { propInterval, type CiPropMethod } from '../estimate/ciprop.ts';
import { fitIntercept, svyglmIntercept } from '../estimate/ciprop-likelihood.ts';
import { domainVariance } from '../estimate/linear.ts';
import { studentTQuantile } from '../estimate/distributions.ts';
import { buildDomains, whereMask } from '../estimate/domains.ts';
import type { EstimateOptions, EstimateRow, EstimateTable } from '../estimate/estimate.types.ts';
import { quantileByRule, sortSample, type QuantileRule } from '../estimate/qrule.ts';
import { makeRow, resolveCommon } from '../estimate/result-row.ts';
import { expandTerms, numericVariable, termValues } from '../estimate/terms.ts';
import { replicateDegf, replicateSums, replicateVariance, replicateWeights } from './replicate-variance.ts';
import type { ReplicateDesign } from './replicate.types.ts';

type Deff = boolean | 'replace';

/**
 * R's design effect on a replicate design (`svymean`/`svytotal.svyrep.design(deff = TRUE)`): the replicate
 * variance over the SRS variance S²·(N − n)/(N·n) of a mean (S²/n with `"replace"`; totals × N²), S² the weighted
 * variance of the values with the full-sample weights and the n/(n − 1) factor, n the domain's rows, N their weight.
 */
function replicateDeff(
  d: ReplicateDesign,
  rows: Int32Array,
  y: Float64Array,
  kind: 'total' | 'mean',
  variance: number,
  deff: Deff,
): number {
  const n = rows.length;
  let sw = 0;
  let swy = 0;
  for (let k = 0; k < n; k++) {
    sw += d.weights[rows[k]];
    swy += d.weights[rows[k]] * y[k];
  }
  const s2 = domainVariance(d.weights, rows, y, sw, swy / sw, n);
  let srs = deff === 'replace' ? s2 / n : (s2 * (sw - n)) / (sw * n);
  if (kind === 'total') srs *= sw * sw;
  return variance / srs;
}

/** Full-sample Σw·y and Σw over a domain. */
function fullSums(d: ReplicateDesign, rows: Int32Array, y: Float64Array, x?: Float64Array) {
  let sy = 0;
  let sx = 0;
  const w = d.weights;
  for (let k = 0; k < rows.length; k++) {
    sy += w[rows[k]] * y[k];
    sx += w[rows[k]] * (x ? x[k] : 1);
  }
  return { sy, sx };
}

/** Estimate and replicate SE of Σw·y (total), Σw·y/Σw (mean) or Σw·y/Σw·x (ratio) over a domain. */
export function replicateCell(
  d: ReplicateDesign,
  rows: Int32Array,
  y: Float64Array,
  kind: 'total' | 'mean' | 'ratio',
  x?: Float64Array,
): { estimate: number; se: number } {
  const den = kind === 'ratio' ? x : kind === 'mean' ? new Float64Array(rows.length).fill(1) : undefined;
  const full = fullSums(d, rows, y, den);
  const reps = replicateSums(d, rows, y, den);
  const estimate = kind === 'total' ? full.sy : full.sy / full.sx;
  const thetas = kind === 'total' ? reps.sy : reps.sy.map((v, r) => v / (reps.sx as Float64Array)[r]);
  return { estimate, se: Math.sqrt(replicateVariance(thetas, d.scale, d.rscales, d.mse, estimate)) };
}

/** `svytotal`/`svymean` on a replicate design (see `estimateTotal`, `estimateMean`). */
export function replicateLinear(
  d: ReplicateDesign,
  variables: readonly string[],
  options: EstimateOptions,
  kind: 'total' | 'mean',
  fn: string,
): EstimateTable {
  const { level, quality } = resolveCommon(options, fn);
  const deff = options.deff ?? false;
  const terms = expandTerms(d, variables, options.factor ?? [], fn);
  const analysis = [...new Set(terms.map((t) => t.column))];
  const { domains, missing } = buildDomains(
    d,
    whereMask(d, options.where, fn),
    options.by ?? [],
    analysis,
    fn,
  );
  const rows: EstimateRow[] = [];
  for (const dom of domains) {
    const y = new Float64Array(dom.rows.length);
    for (const term of terms) {
      termValues(term, dom.rows, y);
      const c = replicateCell(d, dom.rows, y, kind);
      const df = deff ? replicateDeff(d, dom.rows, y, kind, c.se * c.se, deff) : undefined;
      rows.push(
        makeRow({ domain: dom.key, term: term.name, ...c, n: dom.rows.length, deff: df }, level, quality),
      );
    }
  }
  return { rows, missing, df: d.degf };
}

/** `svyratio` on a replicate design (see `estimateRatio`). */
export function replicateRatio(
  d: ReplicateDesign,
  numerators: readonly string[],
  denominator: string,
  options: EstimateOptions,
): EstimateTable {
  const fn = 'estimateRatio';
  const { level, quality } = resolveCommon(options, fn);
  const deff = options.deff ?? false;
  if (!Array.isArray(numerators) || numerators.length === 0)
    throw new RangeError(`${fn}: numerators must list at least one variable`);
  const nums = numerators.map((v) => numericVariable(d, v, fn, 'numerator'));
  const den = numericVariable(d, denominator, fn, 'denominator');
  const { domains, missing } = buildDomains(
    d,
    whereMask(d, options.where, fn),
    options.by ?? [],
    [...nums, den],
    fn,
  );
  const rows: EstimateRow[] = [];
  for (const dom of domains) {
    const x = new Float64Array(dom.rows.length);
    termValues({ name: '', column: den }, dom.rows, x);
    nums.forEach((num, j) => {
      const y = new Float64Array(dom.rows.length);
      termValues({ name: '', column: num }, dom.rows, y);
      const c = replicateCell(d, dom.rows, y, 'ratio', x);
      const term = `${numerators[j]}/${denominator}`;
      let df: number | undefined;
      if (deff) {
        // R: the deff of svytotal of y − r·x on the replicate design (its replicate variance over its SRS variance)
        const z = new Float64Array(y.length);
        for (let k = 0; k < z.length; k++) z[k] = y[k] - c.estimate * x[k];
        const t = replicateCell(d, dom.rows, z, 'total');
        df = replicateDeff(d, dom.rows, z, 'total', t.se * t.se, deff);
      }
      rows.push(makeRow({ domain: dom.key, term, ...c, n: dom.rows.length, deff: df }, level, quality));
    });
  }
  return { rows, missing, df: d.degf };
}

/** Quantile interval types on replicate designs: Woodruff's (`mean`, `beta`, `xlogit`, `asin`) or `quantile`. */
export type ReplicateQuantileInterval = 'mean' | 'beta' | 'xlogit' | 'asin' | 'quantile';

/**
 * `svyquantile` on a replicate design: Woodruff's interval with the replicate SE of the proportion below the
 * estimate, or (`quantile`) the replicate variance of the quantile itself (R's `interval.type = "quantile"`).
 * t quantiles on the domain's replicate degrees of freedom.
 */
export function replicateQuantile(
  d: ReplicateDesign,
  cols: readonly Column[],
  names: readonly string[],
  options: EstimateOptions & {
    probs: readonly number[];
    qrule: QuantileRule;
    intervalType: ReplicateQuantileInterval;
  },
): EstimateTable {
  const fn = 'estimateQuantile';
  const { level, quality } = resolveCommon(options, fn);
  const { domains, missing } = buildDomains(d, whereMask(d, options.where, fn), options.by ?? [], cols, fn);
  const alpha = 1 - level;
  const out: EstimateRow[] = [];
  for (const dom of domains) {
    const rows = dom.rows;
    const df = replicateDegf(d, rows);
    const tq = studentTQuantile(1 - alpha / 2, df);
    const w = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) w[k] = d.weights[rows[k]];
    const repW =
      options.intervalType === 'quantile' ? d.multipliers.map((_, r) => replicateWeights(d, r, rows)) : [];
    cols.forEach((col, j) => {
      const x = new Float64Array(rows.length);
      termValues({ name: '', column: col }, rows, x);
      const sample = sortSample(x, w);
      const repSamples = repW.map((rw) => sortSample(x, rw));
      for (const p of options.probs) {
        const q = quantileByRule(sample, p, options.qrule);
        let lo: number;
        let hi: number;
        let se: number;
        if (options.intervalType === 'quantile') {
          const reps = repSamples.map((s) => quantileByRule(s, p, options.qrule));
          se = Math.sqrt(replicateVariance(reps, d.scale, d.rscales, d.mse, q));
          lo = q - se * tq;
          hi = q + se * tq;
        } else {
          const below = new Float64Array(rows.length);
          for (let k = 0; k < rows.length; k++) below[k] = x[k] <= q ? 1 : 0;
          const m = replicateCell(d, rows, below, 'mean');
          const [pl, pu] = propInterval(options.intervalType, m.estimate, m.se, df, rows.length, level);
          lo = Number.isNaN(pl) || pl < 0 ? NaN : quantileByRule(sample, pl, options.qrule);
          hi = Number.isNaN(pu) || pu > 1 ? NaN : quantileByRule(sample, pu, options.qrule);
          se = (hi - lo) / (2 * tq);
        }
        out.push(
          makeRow(
            { domain: dom.key, term: names[j], estimate: q, se, n: rows.length, quantile: p, ci: [lo, hi] },
            level,
            quality,
          ),
        );
      }
    });
  }
  return { rows: out, missing, df: d.degf };
}

/**
 * `svyciprop` on a replicate design (see `estimateCiProp`): methods mean, beta, asin, xlogit, and logit as R fits
 * it — the quasi-binomial intercept of `svyglm` on the full-sample weights (R's IRLS replayed), refitted on every
 * replicate from that start with the replicate's weights scaled to sum 1 (as `svyglm.svyrep.design` does), its
 * replicate variance, a t interval on the domain's degrees of freedom, back-transformed. The SE reported is the
 * proportion's, as R's.
 */
export function replicateCiProp(
  d: ReplicateDesign,
  variable: string,
  y: Float64Array,
  options: EstimateOptions & { method: CiPropMethod; success?: string | number },
): EstimateTable {
  const fn = 'estimateCiProp';
  const { level, quality } = resolveCommon(options, fn);
  const method = options.method;
  if (method === 'likelihood')
    throw new RangeError(
      `${fn}: method "likelihood" is not offered on replicate-weight designs: R's survey (4.1.1) gives no interval there (its profile of the replicate svyglm uses a dispersion far from 1 and returns NA). Use logit, the default, or beta, asin, xlogit, mean.`,
    );
  designColumn(d.dataset, variable, fn, 'variable');
  const yCol = { kind: 'numeric', name: variable, values: y } as const;
  const { domains, missing } = buildDomains(d, whereMask(d, options.where, fn), options.by ?? [], [yCol], fn);
  const out: EstimateRow[] = [];
  for (const dom of domains) {
    const yy = new Float64Array(dom.rows.length);
    for (let k = 0; k < yy.length; k++) yy[k] = y[dom.rows[k]];
    const m = replicateCell(d, dom.rows, yy, 'mean');
    const df = replicateDegf(d, dom.rows);
    let ci: [number, number];
    let estimate = m.estimate;
    if (method === 'logit') {
      const fit = replicateLogit(d, dom.rows, yy);
      const s = Math.sqrt(fit.varBeta);
      const a = (1 - level) / 2;
      const expit = (eta: number) => Math.exp(eta) / (1 + Math.exp(eta));
      ci = [expit(fit.beta + s * studentTQuantile(a, df)), expit(fit.beta + s * studentTQuantile(1 - a, df))];
      estimate = fit.mu;
    } else ci = propInterval(method, m.estimate, m.se, df, dom.rows.length, level);
    const term = options.success === undefined ? variable : `${variable}=${options.success}`;
    out.push(makeRow({ domain: dom.key, term, estimate, se: m.se, n: dom.rows.length, ci }, level, quality));
  }
  return { rows: out, missing, df: d.degf };
}

/** The replicate `svyglm` of an intercept-only quasi-binomial model over a domain's 0/1 values `y`. */
function replicateLogit(d: ReplicateDesign, rows: Int32Array, y: Float64Array) {
  const w = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) w[k] = d.weights[rows[k]];
  const variance = (_influence: Float64Array, beta0: number) => {
    const betas = d.multipliers.map((_, r) => {
      const wr = replicateWeights(d, r, rows);
      let s = 0;
      for (let k = 0; k < wr.length; k++) s += wr[k];
      for (let k = 0; k < wr.length; k++) wr[k] /= s;
      return fitIntercept(y, wr, beta0).beta;
    });
    return replicateVariance(betas, d.scale, d.rscales, d.mse, beta0);
  };
  return svyglmIntercept({ y, w, variance });
}
