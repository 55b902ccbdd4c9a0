import type { Column } from '../dataset/dataset.types.ts';
import { designColumn } from '../design/design-index.ts';
import { propInterval, type CiPropMethod } from '../estimate/ciprop.ts';
import { studentTQuantile } from '../estimate/distributions.ts';
import { buildDomains, whereMask } from '../estimate/domains.ts';
import type { EstimateOptions, EstimateRow, EstimateTable } from '../estimate/estimate.types.ts';
import { quantileByRule, sortSample, type QuantileRule } from '../estimate/qrule.ts';
import { makeRow, resolveCommon } from '../estimate/result-row.ts';
import { expandTerms, numericVariable, termValues } from '../estimate/terms.ts';
import { replicateDegf, replicateSums, replicateVariance, replicateWeights } from './replicate-variance.ts';
import type { ReplicateDesign } from './replicate.types.ts';

function noDeff(options: EstimateOptions, fn: string): void {
  if (options.deff) throw new RangeError(`${fn}: deff is not offered on replicate-weight designs`);
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
  noDeff(options, fn);
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
      rows.push(makeRow({ domain: dom.key, term: term.name, ...c, n: dom.rows.length }, level, quality));
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
  noDeff(options, fn);
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
      rows.push(makeRow({ domain: dom.key, term, ...c, n: dom.rows.length }, level, quality));
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

/** `svyciprop` on a replicate design, methods mean, beta, asin and xlogit (see `estimateCiProp`). */
export function replicateCiProp(
  d: ReplicateDesign,
  variable: string,
  y: Float64Array,
  options: EstimateOptions & { method: CiPropMethod; success?: string | number },
): EstimateTable {
  const fn = 'estimateCiProp';
  const { level, quality } = resolveCommon(options, fn);
  const method = options.method;
  if (method === 'logit' || method === 'likelihood')
    throw new RangeError(
      `${fn}: method "${method}" fits a GLM, which is not offered on replicate-weight designs; use mean, beta, asin or xlogit`,
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
    const ci = propInterval(method, m.estimate, m.se, df, dom.rows.length, level);
    const term = options.success === undefined ? variable : `${variable}=${options.success}`;
    out.push(makeRow({ domain: dom.key, term, ...m, n: dom.rows.length, ci }, level, quality));
  }
  return { rows: out, missing, df: d.degf };
}
