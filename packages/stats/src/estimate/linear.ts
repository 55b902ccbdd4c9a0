import type { Column } from '../dataset/dataset.types.ts';
import { clusterTotalVariance, designVariance, usesClusterTotalsOnly } from '../design/design-variance.ts';
import type { Design } from '../design/design.types.ts';
import { buildDomains, whereMask, type Domain } from './domains.ts';
import type { EstimateOptions, EstimateRow, EstimateTable } from './estimate.types.ts';
import { makeRow, resolveCommon } from './result-row.ts';
import { expandTerms, numericVariable, termValues, type Term } from './terms.ts';
import { isReplicateDesign } from '../replicate/create-replicate-design.ts';
import { replicateLinear, replicateRatio } from '../replicate/replicate-estimators.ts';
import type { ReplicateDesign } from '../replicate/replicate.types.ts';

/** Weighted sums over a domain: Σw, Σw·y and the number of rows with nonzero weight. */
export function domainSums(
  w: Float64Array,
  rows: Int32Array,
  y: Float64Array,
): { sw: number; swy: number; nobs: number } {
  let sw = 0;
  let swy = 0;
  let nobs = 0;
  for (let k = 0; k < rows.length; k++) {
    const wi = w[rows[k]];
    sw += wi;
    swy += wi * y[k];
    if (wi !== 0) nobs++;
  }
  return { sw, swy, nobs };
}

/** R's `svyvar` inside a domain: Σw(y−ȳ)²/Σw · n/(n−1) (n = rows with nonzero weight). */
export function domainVariance(
  w: Float64Array,
  rows: Int32Array,
  y: Float64Array,
  sw: number,
  ybar: number,
  nobs: number,
): number {
  let s = 0;
  for (let k = 0; k < rows.length; k++) {
    const d = y[k] - ybar;
    s += w[rows[k]] * d * d;
  }
  return ((s / sw) * nobs) / (nobs - 1);
}

type Kind = 'total' | 'mean';
type Deff = boolean | 'replace';

/** Stage-1 cluster totals of the weights over a domain's rows. */
function clusterWeights(design: Design, rows: Int32Array): Float64Array {
  const w = design.weights;
  const cl = design.stages[0].cluster;
  const tw = new Float64Array(design.stages[0].nClusters);
  for (let k = 0; k < rows.length; k++) tw[cl[rows[k]]] += w[rows[k]];
  return tw;
}

/** Stage-1 cluster totals of w·y over a domain, with Σw, Σw·y and the nonzero-weight count (one pass). */
function clusterSums(design: Design, rows: Int32Array, term: Term) {
  const w = design.weights;
  const cl = design.stages[0].cluster;
  const twy = new Float64Array(design.stages[0].nClusters);
  let sw = 0;
  let swy = 0;
  let nobs = 0;
  const col = term.column;
  const numeric = col.kind === 'numeric' && term.level === undefined;
  const values = col.kind === 'numeric' ? col.values : null;
  const codes = col.kind === 'categorical' ? col.codes : null;
  const level = term.level ?? NaN;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const wi = w[i];
    const y = numeric
      ? (values as Float64Array)[i]
      : codes
        ? codes[i] === level
          ? 1
          : 0
        : (values as Float64Array)[i] === level
          ? 1
          : 0;
    const c = cl[i];
    twy[c] += wi * y;
    sw += wi;
    swy += wi * y;
    if (wi !== 0) nobs++;
  }
  return { twy, sw, swy, nobs };
}

type ClusterSums = ReturnType<typeof clusterSums>;

/**
 * {@link clusterSums} for every level of one categorical column at once: one pass over the domain's rows instead of
 * one per level (sums are accumulated in the same row order, so each level's sums are the same numbers).
 */
function levelClusterSums(design: Design, rows: Int32Array, terms: readonly Term[]): ClusterSums[] {
  const col = terms[0].column;
  const w = design.weights;
  const cl = design.stages[0].cluster;
  const nc = design.stages[0].nClusters;
  const out = terms.map(() => ({ twy: new Float64Array(nc), sw: 0, swy: 0, nobs: 0 }));
  const nlevels = col.kind === 'categorical' ? col.levels.length : 0;
  const termOf = new Int32Array(nlevels).fill(-1);
  terms.forEach((t, k) => (termOf[t.level as number] = k));
  const codes = (col as { codes: Int32Array }).codes;
  let sw = 0;
  let nobs = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const wi = w[i];
    sw += wi;
    if (wi !== 0) nobs++;
    const t = termOf[codes[i]];
    if (t >= 0) {
      const o = out[t];
      o.twy[cl[i]] += wi;
      o.swy += wi;
    }
  }
  for (const o of out) {
    o.sw = sw;
    o.nobs = nobs;
  }
  return out;
}

/** Totals and means from cluster totals alone (designs without adjustments and a single variance stage). */
function fastLinearCell(
  design: Design,
  dom: Domain,
  term: Term,
  kind: Kind,
  deff: Deff,
  tw: Float64Array,
  sums: ClusterSums = clusterSums(design, dom.rows, term),
) {
  const rows = dom.rows;
  const { twy, sw, swy, nobs } = sums;
  const ybar = swy / sw;
  const tz = new Float64Array(twy.length);
  if (kind === 'total') tz.set(twy);
  else for (let c = 0; c < tz.length; c++) tz[c] = (twy[c] - ybar * tw[c]) / sw;
  const v = clusterTotalVariance(design, tz, rows);
  let d: number | undefined;
  if (deff) {
    const y = new Float64Array(rows.length);
    termValues(term, rows, y);
    d = v / srsVariance(domainVariance(design.weights, rows, y, sw, ybar, nobs), sw, nobs, kind, deff);
  }
  return { estimate: kind === 'total' ? swy : ybar, se: Math.sqrt(v), n: rows.length, deff: d };
}

/**
 * R's SRS variance for deff: S²(N − n)/(N n) for a mean (without replacement) or S²/n (`'replace'`); totals × N².
 */
function srsVariance(s2: number, sw: number, nobs: number, kind: Kind, deff: Deff): number {
  const mean = deff === 'replace' ? s2 / nobs : (s2 * (sw - nobs)) / (sw * nobs);
  return kind === 'mean' ? mean : mean * sw * sw;
}

function linearCell(design: Design, dom: Domain, term: Term, kind: Kind, deff: Deff) {
  const w = design.weights;
  const rows = dom.rows;
  const y = new Float64Array(rows.length);
  termValues(term, rows, y);
  const { sw, swy, nobs } = domainSums(w, rows, y);
  const ybar = swy / sw;
  const z = new Float64Array(rows.length);
  if (kind === 'total') for (let k = 0; k < rows.length; k++) z[k] = w[rows[k]] * y[k];
  else for (let k = 0; k < rows.length; k++) z[k] = (w[rows[k]] * (y[k] - ybar)) / sw;
  const v = designVariance(design, { rows, values: z }, rows);
  const estimate = kind === 'total' ? swy : ybar;
  let d: number | undefined;
  if (deff) {
    d = v / srsVariance(domainVariance(w, rows, y, sw, ybar, nobs), sw, nobs, kind, deff);
  }
  return { estimate, se: Math.sqrt(v), n: rows.length, deff: d };
}

function runLinear(
  design: Design,
  variables: readonly string[],
  options: EstimateOptions,
  kind: Kind,
  fn: string,
): EstimateTable {
  const { level, quality } = resolveCommon(options, fn);
  const terms = expandTerms(design, variables, options.factor ?? [], fn);
  const analysis = [...new Set(terms.map((t) => t.column))];
  const mask = whereMask(design, options.where, fn);
  const { domains, missing } = buildDomains(design, mask, options.by ?? [], analysis, fn);
  const rows: EstimateRow[] = [];
  const fast = usesClusterTotalsOnly(design);
  // the level terms of each categorical column, summed in one pass per domain on the fast path
  const byColumn = new Map<Term['column'], Term[]>();
  for (const t of terms)
    if (t.column.kind === 'categorical' && t.level !== undefined)
      byColumn.set(t.column, [...(byColumn.get(t.column) ?? []), t]);
  for (const dom of domains) {
    // cluster totals of the weights, shared by every term of the domain (fast path)
    const tw = fast && kind === 'mean' ? clusterWeights(design, dom.rows) : null;
    const sums = new Map<Term, ClusterSums>();
    if (tw || (fast && kind === 'total')) {
      for (const group of byColumn.values()) {
        const s = levelClusterSums(design, dom.rows, group);
        group.forEach((t, k) => sums.set(t, s[k]));
      }
    }
    for (const term of terms) {
      const c =
        tw || (fast && kind === 'total')
          ? fastLinearCell(
              design,
              dom,
              term,
              kind,
              options.deff ?? false,
              tw ?? new Float64Array(0),
              sums.get(term),
            )
          : linearCell(design, dom, term, kind, options.deff ?? false);
      rows.push(makeRow({ domain: dom.key, term: term.name, ...c }, level, quality));
    }
  }
  return { rows, missing, df: design.degf };
}

/**
 * Estimated population totals (R's `svytotal`, `na.rm=TRUE`), by domain when `by` is given.
 *
 * @param design - the survey design.
 * @param variables - numeric variables, or categorical ones (one `VAR=LEVEL` count per level).
 * @param options - by, where, factor, deff, level, quality.
 * @throws RangeError/TypeError naming the argument for unknown variables or bad options.
 * @example
 * // ds: x = [1, 2, 3, 4], w = 2 for every row
 * estimateTotal(createDesign(ds, { weights: 'w' }), ['x']).rows[0].estimate; // 20
 */
export function estimateTotal(
  design: Design | ReplicateDesign,
  variables: readonly string[],
  options: EstimateOptions = {},
): EstimateTable {
  if (isReplicateDesign(design)) return replicateLinear(design, variables, options, 'total', 'estimateTotal');
  return runLinear(design, variables, options, 'total', 'estimateTotal');
}

/**
 * Estimated population means, or proportions for categorical variables (R's `svymean`, `na.rm=TRUE`).
 *
 * @example
 * // ds: x = [1, 2, 3, 4], equal weights
 * estimateMean(createDesign(ds, {}), ['x']).rows[0].estimate; // 2.5
 */
export function estimateMean(
  design: Design | ReplicateDesign,
  variables: readonly string[],
  options: EstimateOptions = {},
): EstimateTable {
  if (isReplicateDesign(design)) return replicateLinear(design, variables, options, 'mean', 'estimateMean');
  return runLinear(design, variables, options, 'mean', 'estimateMean');
}

function ratioCell(design: Design, dom: Domain, num: Column, den: Column, deff: Deff) {
  const w = design.weights;
  const rows = dom.rows;
  const y = new Float64Array(rows.length);
  const x = new Float64Array(rows.length);
  termValues({ name: '', column: num }, rows, y);
  termValues({ name: '', column: den }, rows, x);
  const sy = domainSums(w, rows, y);
  const sx = domainSums(w, rows, x);
  const r = sy.swy / sx.swy;
  const lin = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) lin[k] = (y[k] - r * x[k]) / sx.swy;
  let v: number;
  if (usesClusterTotalsOnly(design)) {
    // variance from cluster totals of w·y and w·x (the linearised variable is linear in both)
    const cl = design.stages[0].cluster;
    const tz = new Float64Array(design.stages[0].nClusters);
    for (let k = 0; k < rows.length; k++) tz[cl[rows[k]]] += w[rows[k]] * lin[k];
    v = clusterTotalVariance(design, tz, rows);
  } else {
    const z = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) z[k] = w[rows[k]] * lin[k];
    v = designVariance(design, { rows, values: z }, rows);
  }
  let d: number | undefined;
  if (deff) {
    // R: deff of svytotal of the linearised variable
    const sl = domainSums(w, rows, lin);
    const s2 = domainVariance(w, rows, lin, sl.sw, sl.swy / sl.sw, sl.nobs);
    d = v / srsVariance(s2, sl.sw, sl.nobs, 'total', deff);
  }
  return { estimate: r, se: Math.sqrt(v), n: rows.length, deff: d };
}

/**
 * Ratios of estimated totals with linearisation SE (R's `svyratio`, `na.rm=TRUE`): one row per numerator.
 * Rows missing the numerator or the denominator are left out.
 *
 * @example
 * // ds: y = [1, 2], x = [2, 2], equal weights
 * estimateRatio(createDesign(ds, {}), ['y'], 'x').rows[0].estimate; // 0.75
 */
export function estimateRatio(
  design: Design | ReplicateDesign,
  numerators: readonly string[],
  denominator: string,
  options: EstimateOptions = {},
): EstimateTable {
  if (isReplicateDesign(design)) return replicateRatio(design, numerators, denominator, options);
  const fn = 'estimateRatio';
  const { level, quality } = resolveCommon(options, fn);
  if (!Array.isArray(numerators) || numerators.length === 0)
    throw new RangeError(`${fn}: numerators must list at least one variable`);
  const nums = numerators.map((v) => numericVariable(design, v, fn, 'numerator'));
  const den = numericVariable(design, denominator, fn, 'denominator');
  const mask = whereMask(design, options.where, fn);
  const { domains, missing } = buildDomains(design, mask, options.by ?? [], [...nums, den], fn);
  const rows: EstimateRow[] = [];
  for (const dom of domains) {
    nums.forEach((num, j) => {
      const c = ratioCell(design, dom, num, den, options.deff ?? false);
      rows.push(makeRow({ domain: dom.key, term: `${numerators[j]}/${denominator}`, ...c }, level, quality));
    });
  }
  return { rows, missing, df: design.degf };
}
