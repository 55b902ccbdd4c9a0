import type { Design, DesignStage } from './design.types.ts';
import { residualize } from './residualize.ts';
import { ppsContributions, stratumContributions, sumContributions } from './stage-variance.ts';

/** Influence values of one estimate: `values[k]` belongs to row `rows[k]`, or to row k when `rows` is null. */
export interface Influence {
  readonly rows: Int32Array | null;
  readonly values: Float64Array;
}

function clusterTotals(st: DesignStage, inf: Influence): Float64Array {
  const tot = new Float64Array(st.nClusters);
  const cl = st.cluster;
  const v = inf.values;
  const rows = inf.rows;
  if (rows) for (let k = 0; k < rows.length; k++) tot[cl[rows[k]]] += v[k];
  else for (let i = 0; i < v.length; i++) tot[cl[i]] += v[i];
  return tot;
}

function presentStrata(st: DesignStage, subset: Int32Array): Uint8Array {
  const p = new Uint8Array(st.nStrata);
  for (let k = 0; k < subset.length; k++) p[st.clusterStratum[st.cluster[subset[k]]]] = 1;
  return p;
}

/** Strata in which the subset's rows fall in exactly one PSU while the design sampled several. */
function singlePsuStrata(st: DesignStage, subset: Int32Array): Uint8Array {
  const seen = new Uint8Array(st.nClusters);
  const count = new Int32Array(st.nStrata);
  for (let k = 0; k < subset.length; k++) {
    const c = st.cluster[subset[k]];
    if (!seen[c]) {
      seen[c] = 1;
      count[st.clusterStratum[c]]++;
    }
  }
  const out = new Uint8Array(st.nStrata);
  for (let h = 0; h < st.nStrata; h++) out[h] = count[h] === 1 && st.stratumSampled[h] > 1 ? 1 : 0;
  return out;
}

const BREWER = { method: 'brewer', variance: 'HT' } as const;

/** Later stages (R's `multistage` recursion): each stratum of stage s is a cluster of stage s-1. */
function laterStages(design: Design, inf: Influence): number {
  let total = 0;
  let parentFactor: Float64Array | null = null;
  for (let s = 1; s < design.stages.length; s++) {
    const prev = design.stages[s - 1];
    const st = design.stages[s];
    const pop = prev.stratumPopulation as Float64Array;
    const prob = prev.clusterProb;
    // factor of each stage-(s-1) cluster: product of its and its ancestors' sampling fractions (PPS: inclusion
    // probabilities), R's nPSU/popsize at each level of the recursion
    const factor = new Float64Array(prev.nClusters);
    for (let c = 0; c < prev.nClusters; c++) {
      const h = prev.clusterStratum[c];
      factor[c] = (parentFactor ? parentFactor[h] : 1) * (prob ? prob[c] : prev.stratumSampled[h] / pop[h]);
    }
    const contrib = new Float64Array(st.nStrata);
    const tot = clusterTotals(st, inf);
    // multistage PPS is Brewer's at every stage (createDesign refuses Overton's with several stages)
    if (st.clusterProb) ppsContributions(st, tot, BREWER, design.lonelyPsu, contrib);
    else stratumContributions(st, tot, design.lonelyPsu, contrib);
    // stage-s strata are stage-(s-1) clusters; an "average" stratum alone in its cluster adds nothing
    for (let h = 0; h < st.nStrata; h++) if (!Number.isNaN(contrib[h])) total += contrib[h] * factor[h];
    parentFactor = factor;
  }
  return total;
}

/**
 * Whether {@link clusterTotalVariance} applies: no weight adjustment and a single variance stage (no fpc with
 * several stages), so the variance depends on the influence values only through their stage-1 cluster totals.
 */
export function usesClusterTotalsOnly(design: Design): boolean {
  return design.adjustments.length === 0 && !usesLaterStages(design);
}

/**
 * Variance from the stage-1 cluster totals of the influence values (same result as {@link designVariance} when
 * {@link usesClusterTotalsOnly} holds). Lets estimators accumulate totals in one pass over a domain's rows.
 */
export function clusterTotalVariance(design: Design, tot: Float64Array, subset: Int32Array | null): number {
  const st = design.stages[0];
  const contrib = new Float64Array(st.nStrata);
  const domainLonely = design.adjustDomainLonely && subset ? singlePsuStrata(st, subset) : null;
  if (design.pps) ppsContributions(st, tot, design.pps, design.lonelyPsu, contrib);
  else stratumContributions(st, tot, design.lonelyPsu, contrib, domainLonely);
  const hasNaN = contrib.some(Number.isNaN);
  return sumContributions(contrib, hasNaN && subset ? presentStrata(st, subset) : null);
}

/**
 * Taylor-linearisation variance of an estimate from its influence values (weights already applied), as R's
 * `svyrecvar`: weight adjustments are removed first (post-stratification, calibration, raking), then the stage-1
 * between-PSU variance within strata, plus later stages when fpc is given (R's default `survey.ultimate.cluster=FALSE`).
 *
 * @param design - the design.
 * @param inf - influence values (zero outside the domain).
 * @param subset - the rows of the domain/subset (for R's treatment of strata absent from a subset), or null for all.
 * @returns the variance.
 */
export function designVariance(design: Design, inf: Influence, subset: Int32Array | null): number {
  let x = inf;
  if (design.adjustments.length) {
    const dense = new Float64Array(design.n);
    if (inf.rows) for (let k = 0; k < inf.rows.length; k++) dense[inf.rows[k]] = inf.values[k];
    else dense.set(inf.values);
    residualize(design, dense);
    x = { rows: null, values: dense };
    subset = null; // R keeps every row of a calibrated design in a subset (weights set to zero)
  }
  const st = design.stages[0];
  const contrib = new Float64Array(st.nStrata);
  const domainLonely = design.adjustDomainLonely && subset ? singlePsuStrata(st, subset) : null;
  if (design.pps) ppsContributions(st, clusterTotals(st, x), design.pps, design.lonelyPsu, contrib);
  else stratumContributions(st, clusterTotals(st, x), design.lonelyPsu, contrib, domainLonely);
  const hasNaN = contrib.some(Number.isNaN);
  let v = sumContributions(contrib, hasNaN && subset ? presentStrata(st, subset) : null);
  if (usesLaterStages(design)) v += laterStages(design, x);
  return v;
}

/**
 * Whether the variance adds later stages: fpc given (or PPS, whose fpc are probabilities), several stages, and not
 * R's `survey.ultimate.cluster`.
 */
function usesLaterStages(design: Design): boolean {
  return (
    (design.hasFpc || design.pps !== undefined) && design.stages.length > 1 && !design.options.ultimateCluster
  );
}
