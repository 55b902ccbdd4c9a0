import type { Dataset } from '../dataset/dataset.types.ts';
import { calibrate } from '../design/calibrate.ts';
import { createDesign } from '../design/create-design.ts';
import type { Design } from '../design/design.types.ts';
import { postStratify } from '../design/poststratify.ts';
import { rake } from '../design/rake.ts';
import { estimateCiProp } from '../estimate/ciprop.ts';
import type { EstimateOptions, EstimateTable, WhereFilter } from '../estimate/estimate.types.ts';
import { estimateMean, estimateRatio, estimateTotal } from '../estimate/linear.ts';
import { estimateQuantile } from '../estimate/quantile.ts';
import { estimateVar } from '../estimate/svyvar.ts';
import type { AdjustSpec, EstimateSpec, SpecEstimate, SpecResult, StatsSpec } from './spec.types.ts';
import { validateSpec } from './validate-spec.ts';
import { deriveColumns } from './derive.ts';
import { asReplicateDesign } from '../replicate/as-replicate-design.ts';
import { createReplicateDesign, isReplicateDesign } from '../replicate/create-replicate-design.ts';
import type { ReplicateDesign, ReplicateType } from '../replicate/replicate.types.ts';

const num = (v: number): number | null => (Number.isFinite(v) ? v : null);

function adjustDesign(design: Design, adjust: AdjustSpec | null | undefined): Design {
  if (!adjust) return design;
  if ('postStratify' in adjust)
    return postStratify(design, adjust.postStratify.by, adjust.postStratify.totals);
  if ('calibrate' in adjust)
    return calibrate(design, adjust.calibrate.totals, {
      method: adjust.calibrate.method ?? 'linear',
      ...(adjust.calibrate.bounds ? { bounds: adjust.calibrate.bounds } : {}),
    });
  return rake(design, adjust.rake.margins);
}

/** Combines two where filters with AND (a variable named in both must satisfy both). */
function mergeWhere(...filters: (WhereFilter | readonly WhereFilter[] | null | undefined)[]): WhereFilter[] {
  return filters.flatMap((w) => (w ? (Array.isArray(w) ? (w as WhereFilter[]) : [w as WhereFilter]) : []));
}

function runOne(
  design: Design | ReplicateDesign,
  e: EstimateSpec,
  topWhere: WhereFilter | readonly WhereFilter[] | null | undefined,
): EstimateTable {
  const opts: EstimateOptions = {
    by: e.by ?? [],
    where: mergeWhere(topWhere, e.where),
    factor: e.factor ?? [],
    deff: e.deff ?? false,
    level: e.level ?? 0.95,
    quality: e.quality ?? {},
  };
  switch (e.kind) {
    case 'total':
      return estimateTotal(design, e.variables, opts);
    case 'mean':
      return estimateMean(design, e.variables, opts);
    case 'ratio':
      return estimateRatio(design, e.variables, e.denominator as string, opts);
    case 'var':
      if (isReplicateDesign(design))
        throw new RangeError('spec.estimate.kind: "var" is not offered on replicate-weight designs');
      return estimateVar(design, e.variables, opts);
    case 'quantile':
      return estimateQuantile(design, e.variables, {
        ...opts,
        probs: e.probs ?? [0.5],
        qrule: e.qrule ?? 'math',
        intervalType: e.intervalType ?? 'mean',
      });
    case 'ciprop':
      return estimateCiProp(design, e.variables[0], {
        ...opts,
        method: e.method ?? 'logit',
        success: e.success,
      });
  }
}

function present(design: Design | ReplicateDesign, table: EstimateTable, withDeff: boolean): SpecResult {
  const estimates: SpecEstimate[] = table.rows.map((r) => {
    const o: { -readonly [K in keyof SpecEstimate]: SpecEstimate[K] } = {
      domain: r.domain,
      term: r.term,
      estimate: num(r.estimate),
      se: num(r.se),
      cv: num(r.cv),
      ci: [num(r.ci[0]), num(r.ci[1])],
      n: r.n,
      flags: r.flags,
    };
    if (withDeff && r.deff !== undefined) o.deff = num(r.deff);
    if (r.quantile !== undefined) o.quantile = r.quantile;
    return o;
  });
  const seed = 'seed' in design ? design.seed : undefined;
  return {
    n: design.n,
    df: table.df,
    missing: table.missing,
    estimates,
    ...(seed !== undefined ? { seed } : {}),
  };
}

/**
 * Runs a spec on a dataset: builds the design, applies the adjustment, and computes each estimate. Non-finite
 * numbers become `null` in the result (with the `undefined` flag).
 *
 * @param spec - a {@link StatsSpec} (validated here).
 * @param dataset - the data (the CLI reads `spec.data`).
 * @returns one {@link SpecResult}, or `{ results: [...] }` when `spec.estimate` is a list.
 * @throws RangeError/TypeError naming the spec field or variable at fault.
 * @example
 * runSpec({ design: { ids: [], weights: 'pw' }, estimate: { kind: 'mean', variables: ['api00'] } }, apisrs);
 * // { n: 200, df: 199, missing: 0, estimates: [{ domain: null, term: 'api00', estimate: 656.585, … }] }
 */
export function runSpec(
  spec: StatsSpec,
  dataset: Dataset,
  options: RunSpecOptions = {},
): SpecResult | { results: SpecResult[] } {
  validateSpec(spec);
  const d = spec.design;
  const step = options.onStep ?? (() => {});
  const list = Array.isArray(spec.estimate)
    ? (spec.estimate as EstimateSpec[])
    : [spec.estimate as EstimateSpec];
  step('design', 0, 1);
  const data = deriveColumns(dataset, spec.derive);
  const rep = d.replicate;
  if (rep?.columns) {
    if (rep.type === 'auto')
      throw new RangeError('spec.design.replicate.type: give the type of the replicate weight columns');
    if (!d.weights)
      throw new RangeError('spec.design.weights: the full-sample weight is required with replicate columns');
  }
  const base = rep?.columns
    ? createReplicateDesign(data, {
        weights: d.weights as string,
        replicates: rep.columns,
        type: rep.type as ReplicateType,
        ...(rep.rho !== undefined ? { rho: rep.rho } : {}),
        ...(rep.scale !== undefined ? { scale: rep.scale } : {}),
        ...(rep.rscales !== undefined ? { rscales: rep.rscales } : {}),
        ...(rep.mse !== undefined ? { mse: rep.mse } : {}),
        ...(rep.combinedWeights !== undefined ? { combinedWeights: rep.combinedWeights } : {}),
      })
    : createDesign(data, {
        ids: d.ids ?? [],
        strata: d.strata ?? null,
        weights: d.weights ?? null,
        fpc: d.fpc ?? [],
        nest: d.nest ?? false,
        lonelyPsu: d.lonelyPsu ?? 'fail',
        adjustDomainLonely: d.adjustDomainLonely ?? false,
        ultimateCluster: d.ultimateCluster ?? false,
        pps: d.pps ?? null,
        ppsVariance: d.ppsVariance ?? 'HT',
      });
  const design: Design | ReplicateDesign = isReplicateDesign(base)
    ? base
    : rep
      ? asReplicateDesign(base, {
          type: rep.type as 'auto',
          ...(rep.rho !== undefined ? { rho: rep.rho } : {}),
          ...(rep.mse !== undefined ? { mse: rep.mse } : {}),
          ...(rep.replicates !== undefined ? { replicates: rep.replicates } : {}),
          ...(rep.seed !== undefined ? { seed: rep.seed } : {}),
        })
      : adjustDesign(base, spec.adjust);
  step('design', 1, 1);
  step('estimate', 0, list.length);
  const results = list.map((e, k) => {
    const r = present(design, runOne(design, e, spec.where), Boolean(e.deff));
    step('estimate', k + 1, list.length);
    return r;
  });
  return Array.isArray(spec.estimate) ? { results } : results[0];
}

/** Options of {@link runSpec}. */
export interface RunSpecOptions {
  /** Called when a step starts (`done` 0) and as it advances: the design, then the estimates one by one. */
  readonly onStep?: (step: 'design' | 'estimate', done: number, total: number) => void;
}
