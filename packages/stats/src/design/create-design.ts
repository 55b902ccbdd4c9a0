import type { Dataset } from '../dataset/dataset.types.ts';
import type { Design, DesignOptions, DesignStage, LonelyPsu } from './design.types.ts';
import {
  designColumn,
  indexColumn,
  indexConstant,
  indexPairs,
  indexRows,
  type KeyIndex,
} from './design-index.ts';
import { computeDegf } from './design-degf.ts';
import { certainStrata } from './stage-variance.ts';

const FN = 'createDesign';
const LONELY: readonly LonelyPsu[] = ['fail', 'remove', 'adjust', 'certainty', 'average'];

function buildStage(
  cluster: KeyIndex,
  stratum: KeyIndex,
  fpc: Float64Array | null,
  fracs: boolean,
): DesignStage {
  const clusterStratum = new Int32Array(cluster.count).fill(-1);
  const sampled = new Int32Array(stratum.count);
  for (let i = 0; i < cluster.index.length; i++) {
    const c = cluster.index[i];
    if (clusterStratum[c] < 0) {
      clusterStratum[c] = stratum.index[i];
      sampled[stratum.index[i]]++;
    }
  }
  let population: Float64Array | null = null;
  if (fpc) {
    population = new Float64Array(stratum.count).fill(NaN);
    for (let i = 0; i < fpc.length; i++) {
      const h = stratum.index[i];
      if (Number.isNaN(population[h])) population[h] = fracs ? sampled[h] / fpc[i] : fpc[i];
    }
    for (let h = 0; h < stratum.count; h++) {
      if (population[h] < sampled[h]) {
        throw new RangeError(
          `${FN}: fpc implies more than 100% sampling in stratum "${stratum.labels[h]}" (population ${population[h]}, sampled ${sampled[h]})`,
        );
      }
    }
  }
  return {
    cluster: cluster.index,
    clusterStratum,
    nClusters: cluster.count,
    nStrata: stratum.count,
    stratumSampled: sampled,
    stratumPopulation: population,
    stratumLabels: stratum.labels,
  };
}

/** A stage with the inclusion probability of each cluster (PPS designs), from the first row of each cluster. */
function withClusterProb(st: DesignStage, probs: Float64Array, cluster: KeyIndex): DesignStage {
  const clusterProb = new Float64Array(cluster.count).fill(NaN);
  for (let i = 0; i < cluster.index.length; i++) {
    const c = cluster.index[i];
    if (Number.isNaN(clusterProb[c])) clusterProb[c] = probs[i];
  }
  return { ...st, clusterProb };
}

function readFpc(ds: Dataset, names: readonly string[]): { cols: Float64Array[]; fracs: boolean } {
  const cols = names.map((name) => {
    const col = designColumn(ds, name, FN, 'fpc');
    if (col.kind !== 'numeric') throw new TypeError(`${FN}: fpc "${name}" must be numeric`);
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i];
      if (!(v > 0))
        throw new RangeError(`${FN}: fpc "${name}" is missing or not positive in row ${i + 1} (${v})`);
    }
    return col.values;
  });
  const anyBig = cols.some((c) => c.some((v) => v > 1));
  const allAtLeast1 = cols.every((c) => c.every((v) => v >= 1));
  if (anyBig !== allAtLeast1)
    throw new RangeError(`${FN}: fpc must be all population sizes (>= 1) or all sampling fractions (<= 1)`);
  return { cols, fracs: !anyBig };
}

function readWeights(ds: Dataset, name: string, n: number): Float64Array {
  const col = designColumn(ds, name, FN, 'weights');
  if (col.kind !== 'numeric') throw new TypeError(`${FN}: weights "${name}" must be numeric, it holds text`);
  const w = col.values;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(w[i]))
      throw new RangeError(
        `${FN}: weights "${name}" is missing in row ${i + 1}; give every row a weight or drop the row`,
      );
    if (w[i] < 0) throw new RangeError(`${FN}: weights "${name}" is negative in row ${i + 1} (${w[i]})`);
  }
  return w;
}

function checkLonely(stages: readonly DesignStage[], upto: number): void {
  for (let s = 0; s < upto; s++) {
    const st = stages[s];
    const certain = st.clusterProb ? certainStrata(st) : null;
    for (let h = 0; h < st.nStrata; h++) {
      if (st.stratumSampled[h] !== 1) continue;
      const pop = st.stratumPopulation ? st.stratumPopulation[h] : Infinity;
      if (pop !== Infinity && (pop - 1) / pop < 1e-7) continue; // certainty unit: no variance, as R
      if (certain?.[h]) continue;
      throw new RangeError(
        `${FN}: stratum "${st.stratumLabels[h]}" has only one PSU at stage ${s + 1}. ` +
          `Choose lonelyPsu "remove", "certainty", "adjust" or "average", or merge the stratum with a neighbour.`,
      );
    }
  }
}

/**
 * Builds a survey design like R's `svydesign`, validating the inputs once and precomputing integer stratum and
 * cluster indices for the estimators.
 *
 * @param dataset - the data.
 * @param options - ids, strata, weights, fpc, nest, lonelyPsu (see {@link DesignOptions}).
 * @returns an immutable {@link Design}.
 * @throws RangeError naming the variable for unknown columns (with close names), missing or negative weights,
 *   missing design variables, clusters not nested in strata (without `nest`), a single PSU under `lonelyPsu: 'fail'`.
 * @example
 * const ds = createDataset([numericColumn('w', [2, 2, 4, 4]), numericColumn('s', [1, 1, 2, 2])]);
 * const d = createDesign(ds, { strata: 's', weights: 'w' });
 * d.degf; // 2  (4 PSUs − 2 strata)
 */
export function createDesign(dataset: Dataset, options: DesignOptions = {}): Design {
  const n = dataset.nrows;
  const ids = options.ids ?? [];
  const fpcNames = options.fpc ?? [];
  const nest = options.nest ?? false;
  const lonelyPsu = options.lonelyPsu ?? 'fail';
  if (!Array.isArray(ids)) throw new TypeError(`${FN}: ids must be an array of column names`);
  if (!Array.isArray(fpcNames)) throw new TypeError(`${FN}: fpc must be an array of column names`);
  if (!LONELY.includes(lonelyPsu))
    throw new RangeError(`${FN}: lonelyPsu must be one of ${LONELY.join(', ')}, got "${lonelyPsu}"`);
  const nStages = Math.max(ids.length, 1);
  if (fpcNames.length > 0 && fpcNames.length !== nStages) {
    throw new RangeError(`${FN}: fpc needs one column per stage (${nStages}), got ${fpcNames.length}`);
  }
  if (n === 0) throw new RangeError(`${FN}: dataset has no rows`);
  const strataIdx = options.strata
    ? indexColumn(designColumn(dataset, options.strata, FN, 'strata'), FN, 'strata')
    : null;
  const idIdx = ids.length
    ? ids.map((name) => indexColumn(designColumn(dataset, name, FN, 'ids'), FN, 'ids'))
    : [indexRows(n)];
  const fpc = fpcNames.length ? readFpc(dataset, fpcNames) : null;
  const weightsName = options.weights ?? null;
  const suppliedWeights = weightsName ? readWeights(dataset, weightsName, n) : null;

  if (idIdx[0].count === 1 && !(nest && strataIdx))
    throw new RangeError(`${FN}: the design has only one primary sampling unit`);
  let cluster = nest && strataIdx ? indexPairs(strataIdx, idIdx[0]) : idIdx[0];
  let stratum = strataIdx ?? indexConstant(n);
  if (strataIdx && !nest) {
    const seen = new Int32Array(cluster.count).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = cluster.index[i];
      if (seen[c] < 0) seen[c] = strataIdx.index[i];
      else if (seen[c] !== strataIdx.index[i]) {
        throw new RangeError(
          `${FN}: PSU "${cluster.labels[c]}" appears in more than one stratum; PSU ids restart in each stratum? Use nest: true.`,
        );
      }
    }
  }
  const pps = options.pps ?? null;
  if (pps !== null) {
    if (pps !== 'brewer' && pps !== 'overton')
      throw new RangeError(`${FN}: pps must be "brewer", "overton" or null, got ${JSON.stringify(pps)}`);
    if (!fpc || !fpc.fracs)
      throw new RangeError(
        `${FN}: pps "${pps}" needs fpc as each PSU's inclusion probability (all values <= 1)`,
      );
    if (nStages > 1 && pps !== 'brewer')
      throw new RangeError(
        `${FN}: pps "${pps}" is offered for one stage of sampling (one ids column); for several stages use pps "brewer" (R's survey has no multistage "${pps}" either)`,
      );
  }
  // PPS: fpc holds each unit's inclusion probability at its stage (given the units above it)
  const stageOf = (s: number): DesignStage =>
    pps
      ? withClusterProb(buildStage(cluster, stratum, null, false), fpc!.cols[s], cluster)
      : buildStage(cluster, stratum, fpc ? fpc.cols[s] : null, fpc?.fracs ?? false);
  const stages: DesignStage[] = [stageOf(0)];
  for (let s = 1; s < nStages; s++) {
    stratum = cluster;
    cluster = indexPairs(cluster, idIdx[s]);
    stages.push(stageOf(s));
  }
  if (lonelyPsu === 'fail') checkLonely(stages, fpc ? nStages : 1);

  let weights: Float64Array;
  if (suppliedWeights) weights = suppliedWeights;
  else if (pps) {
    // R: the product of the stages' probabilities
    weights = new Float64Array(n).fill(1);
    for (const col of fpc!.cols) for (let i = 0; i < n; i++) weights[i] /= col[i];
  } else if (fpc) {
    weights = new Float64Array(n).fill(1);
    for (const st of stages) {
      const pop = st.stratumPopulation as Float64Array;
      for (let i = 0; i < n; i++) {
        const h = st.clusterStratum[st.cluster[i]];
        weights[i] *= pop[h] / st.stratumSampled[h];
      }
    }
  } else weights = new Float64Array(n).fill(1);

  return {
    dataset,
    n,
    weights,
    stages,
    hasFpc: fpc !== null && !pps,
    ...(pps ? { pps: { method: pps, variance: options.ppsVariance ?? 'HT' } } : {}),
    lonelyPsu,
    adjustDomainLonely: options.adjustDomainLonely ?? false,
    adjustments: [],
    degf: computeDegf(stages[0], weights, null),
    options: {
      ids: [...ids],
      strata: options.strata ?? null,
      weights: weightsName,
      fpc: [...fpcNames],
      nest,
      lonelyPsu,
      adjustDomainLonely: options.adjustDomainLonely ?? false,
      ultimateCluster: options.ultimateCluster ?? false,
      pps,
      ppsVariance: options.ppsVariance ?? 'HT',
    },
  };
}
