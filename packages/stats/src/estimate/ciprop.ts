import { computeDegf } from '../design/design-degf.ts';
import { designVariance } from '../design/design-variance.ts';
import type { Design } from '../design/design.types.ts';
import { designColumn } from '../design/design-index.ts';
import { betaQuantile, studentTQuantile } from './distributions.ts';
import { buildDomains, whereMask } from './domains.ts';
import type { EstimateOptions, EstimateRow, EstimateTable } from './estimate.types.ts';
import { domainSums } from './linear.ts';
import { makeRow, resolveCommon } from './result-row.ts';
import { likelihoodInterval, svyglmIntercept } from './ciprop-likelihood.ts';
import { isReplicateDesign } from '../replicate/create-replicate-design.ts';
import { replicateCiProp } from '../replicate/replicate-estimators.ts';
import type { ReplicateDesign } from '../replicate/replicate.types.ts';

/** Interval methods of R's `svyciprop`. */
export type CiPropMethod = 'logit' | 'likelihood' | 'asin' | 'beta' | 'mean' | 'xlogit';
const METHODS: readonly CiPropMethod[] = ['logit', 'likelihood', 'asin', 'beta', 'mean', 'xlogit'];

/** Options for {@link estimateCiProp}. */
export interface CiPropOptions extends EstimateOptions {
  /** Interval method, default `logit` (R's default). */
  readonly method?: CiPropMethod;
  /** The level counted as a success for a categorical variable (a 0/1 numeric variable needs none). */
  readonly success?: string | number;
}

const expit = (eta: number) => Math.exp(eta) / (1 + Math.exp(eta));

/** Confidence interval for p̂ with SE `se` by R's method, t quantiles on `df`; `nrow` = rows of the (sub)design. */
export function propInterval(
  method: Exclude<CiPropMethod, 'likelihood'>,
  p: number,
  se: number,
  df: number,
  nrow: number,
  level: number,
): [number, number] {
  const a = (1 - level) / 2;
  const tl = studentTQuantile(a, df);
  const tu = studentTQuantile(1 - a, df);
  if (method === 'mean') return [p + se * tl, p + se * tu];
  if (method === 'asin') {
    const th = Math.asin(Math.sqrt(p));
    const s = se / (2 * Math.sqrt(p * (1 - p)));
    return [Math.sin(th + s * tl) ** 2, Math.sin(th + s * tu) ** 2];
  }
  if (method === 'logit' || method === 'xlogit') {
    const th = Math.log(p / (1 - p));
    const s = se / (p * (1 - p));
    return [expit(th + s * tl), expit(th + s * tu)];
  }
  let neff = (p * (1 - p)) / (se * se);
  neff *= (studentTQuantile(a, nrow - 1) / studentTQuantile(a, df)) ** 2;
  return [betaQuantile(a, neff * p, neff * (1 - p) + 1), betaQuantile(1 - a, neff * p + 1, neff * (1 - p))];
}

/**
 * A proportion with a confidence interval that stays inside [0, 1] (R's `svyciprop`): methods logit (default),
 * asin, beta, mean, xlogit; t quantiles on the design degrees of freedom of the (sub)design.
 *
 * @param design - the design.
 * @param variable - a 0/1 numeric variable, or a categorical one with `success` naming the counted level.
 * @param options - method, success, by, where, level, quality.
 * @throws RangeError for an unknown method, a missing `success` for a categorical variable, or values other than 0/1.
 * @example
 * estimateCiProp(design, 'sch.wide', { success: 'Yes', method: 'logit' }).rows[0].ci; // [0.7556, 0.8626] on apisrs
 */
export function estimateCiProp(
  design: Design | ReplicateDesign,
  variable: string,
  options: CiPropOptions = {},
): EstimateTable {
  const fn = 'estimateCiProp';
  const { level, quality } = resolveCommon(options, fn);
  const method = options.method ?? 'logit';
  if (!METHODS.includes(method))
    throw new RangeError(`${fn}: method must be one of ${METHODS.join(', ')}, got "${method}"`);
  const col = designColumn(design.dataset, variable, fn, 'variable');
  const success = options.success;
  if (col.kind === 'categorical' && success === undefined) {
    throw new RangeError(
      `${fn}: "${variable}" is categorical; say which level is a success (success: "${col.levels[0]}")`,
    );
  }
  const y = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) {
    if (col.kind === 'categorical')
      y[i] = col.codes[i] < 0 ? NaN : col.levels[col.codes[i]] === String(success) ? 1 : 0;
    else if (success !== undefined)
      y[i] = Number.isNaN(col.values[i]) ? NaN : col.values[i] === Number(success) ? 1 : 0;
    else {
      const v = col.values[i];
      if (!(Number.isNaN(v) || v === 0 || v === 1))
        throw new RangeError(`${fn}: "${variable}" must be 0/1 (row ${i + 1} is ${v}); or give success`);
      y[i] = v;
    }
  }
  if (isReplicateDesign(design)) return replicateCiProp(design, variable, y, { ...options, method, success });
  const yCol = { kind: 'numeric', name: variable, values: y } as const;
  const { domains, missing } = buildDomains(
    design,
    whereMask(design, options.where, fn),
    options.by ?? [],
    [yCol],
    fn,
  );
  const out: EstimateRow[] = [];
  for (const dom of domains) {
    const rows = dom.rows;
    const yy = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) yy[k] = y[rows[k]];
    const { sw, swy } = domainSums(design.weights, rows, yy);
    const p = swy / sw;
    const z = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) z[k] = (design.weights[rows[k]] * (yy[k] - p)) / sw;
    const se = Math.sqrt(designVariance(design, { rows, values: z }, rows));
    const df = computeDegf(design.stages[0], design.weights, rows);
    const nrow = design.adjustments.length ? design.n : rows.length;
    let ci: [number, number];
    let estimate = p;
    if (method === 'likelihood' || method === 'logit') {
      // R fits a quasi-binomial svyglm for these two methods and reports its IRLS fit
      const ww = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) ww[k] = design.weights[rows[k]];
      const variance = (inf: Float64Array) => designVariance(design, { rows, values: inf }, rows);
      if (method === 'likelihood') {
        const lik = likelihoodInterval({ y: yy, w: ww, variance, df, level });
        ci = lik.ci;
        estimate = lik.p;
      } else {
        const fit = svyglmIntercept({ y: yy, w: ww, variance });
        const s = Math.sqrt(fit.varBeta);
        const a = (1 - level) / 2;
        ci = [
          expit(fit.beta + s * studentTQuantile(a, df)),
          expit(fit.beta + s * studentTQuantile(1 - a, df)),
        ];
        estimate = fit.mu;
      }
    } else ci = propInterval(method, p, se, df, nrow, level);
    const term = success === undefined ? variable : `${variable}=${success}`;
    out.push(makeRow({ domain: dom.key, term, estimate, se, n: rows.length, ci }, level, quality));
  }
  return { rows: out, missing, df: design.degf };
}
