import { categoricalColumn, createDataset, numericColumn, withColumns } from '../dataset/dataset.ts';
import { selectRows } from '../dataset/dataset-rows.ts';
import type { Dataset } from '../dataset/dataset.types.ts';
import { createDesign } from '../design/create-design.ts';
import type { Design } from '../design/design.types.ts';
import type { EstimateRow } from '../estimate/estimate.types.ts';
import { estimateMean, estimateRatio } from '../estimate/linear.ts';
import { estimateQuantile } from '../estimate/quantile.ts';
import type { CellEstimate, QualityThresholds } from './cell-estimate.ts';
import { readTextColumn, recodeColumn } from './column-codes.ts';
import type { DesignIndex } from './design-index.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { SdgPopulation } from './sdg-population.ts';
import { TOTAL, type StatTable, type TableRow } from './table.types.ts';

/** A disaggregation of SDG 10.7.1: table id, dimension name, derived column and its values on the kept rows. */
export interface SdgBy {
  readonly id: string;
  readonly name: string;
  readonly column: string | null;
  readonly values: (string | null)[] | null;
}

/** Sorted union of the eligible rows and one row per PSU. */
function keptRows(rows: readonly number[], psuRow: Int32Array): Int32Array {
  const all = new Int32Array(rows.length + psuRow.length);
  all.set(rows);
  all.set(psuRow, rows.length);
  all.sort();
  let k = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i];
  return all.slice(0, k);
}

function disaggregations(ds: Dataset, m: VariableMapping, pop: SdgPopulation, kept: Int32Array): SdgBy[] {
  const c = m.columns;
  const by: SdgBy[] = [{ id: 'all', name: '', column: null, values: null }];
  const derive = (level: (i: number) => string | null) =>
    Array.from(kept, (i) => (pop.eligible[i] ? level(i) : null));
  if (c.sex && m.codes.sex) {
    const sx = recodeColumn(ds, c.sex, 'columns.sex', 'codes.sex', m.codes.sex, ['male', 'female']);
    const values = derive((i) => (sx[i] < 0 ? null : sx[i] === 0 ? 'male' : 'female'));
    by.push({ id: 'sex', name: 'sex', column: 'sdg_sex', values });
  }
  const originCol = c[m.sdg.corridorOrigin];
  if (originCol) {
    const t = readTextColumn(ds, originCol, `columns.${m.sdg.corridorOrigin}`);
    const values = derive((i) => (t.codes[i] < 0 ? null : `${t.levels[t.codes[i]]}→${m.homeCountry}`));
    by.push({ id: 'corridor', name: 'corridor', column: 'sdg_corridor', values });
  }
  if (c.isco) {
    const t = readTextColumn(ds, c.isco, 'columns.isco');
    const values = derive((i) => (t.codes[i] < 0 ? null : t.levels[t.codes[i]]));
    by.push({ id: 'occupation', name: 'isco', column: 'sdg_isco', values });
  }
  return by;
}

/**
 * The design for the SDG estimates and the disaggregations. Rows outside the analysis population add nothing to
 * the estimates or their influence values; what they carry is the design (which PSUs each stratum has). So the
 * design is rebuilt, with the same options, on the eligible rows plus one row of every PSU: the same estimates and
 * SEs as on the full file, on far fewer rows.
 *
 * @example
 * const { design, by } = buildSdgDesign(classified, index, mapping, population);
 * by.map((b) => b.id); // ['all', 'sex', 'corridor', 'occupation']
 */
export function buildSdgDesign(
  ds: Dataset,
  index: DesignIndex,
  m: VariableMapping,
  pop: SdgPopulation,
): { design: Design; by: SdgBy[] } {
  const kept = keptRows(pop.rows, index.psuRow);
  const by = disaggregations(ds, m, pop, kept);
  const o = index.design.options;
  const strata = o.strata ? [o.strata] : [];
  const weights = o.weights ? [o.weights] : [];
  const designCols = [...new Set([...o.ids, ...strata, ...weights, ...o.fpc])];
  const pick = (a: Float64Array) => Float64Array.from(kept, (i) => (pop.eligible[i] ? a[i] : NaN));
  const base = selectRows(createDataset(designCols.map((n) => index.design.dataset.column(n))), kept);
  const small = withColumns(base, [
    numericColumn('sdg_ratio', pick(pop.ratio)),
    numericColumn('sdg_cost', pick(pop.cost)),
    numericColumn('sdg_earnings', pick(pop.earnings)),
    numericColumn(
      'sdg_eligible',
      Float64Array.from(kept, (i) => pop.eligible[i]),
    ),
    ...by.filter((b) => b.column).map((b) => categoricalColumn(b.column as string, b.values ?? [])),
  ]);
  return { design: createDesign(small, o), by };
}

/**
 * One SDG 10.7.1 table: mean, median and 80th percentile of the individual ratios and the ratio of totals, by the
 * levels of `b` (then `total`, copied from `overall`), from the estimators with `where` = eligible.
 *
 * @example
 * sdgTable(design, by[0], 219, DEFAULT_QUALITY, [], []).rows.map((r) => r.dims.statistic);
 * // ['mean_ratio', 'median_ratio', 'p80_ratio', 'ratio_of_totals']
 */
export function sdgTable(
  d: Design,
  b: { id: string; name: string; column: string | null },
  nEligible: number,
  q: QualityThresholds,
  notes: string[],
  overall: readonly TableRow[],
): StatTable {
  const opts = {
    where: { sdg_eligible: [1] },
    quality: { minN: q.minN, maxCv: q.maxCv },
    level: q.level,
    ...(b.column ? { by: [b.column] } : {}),
  };
  const mean = nEligible ? estimateMean(d, ['sdg_ratio'], opts).rows : [];
  const quant = nEligible
    ? estimateQuantile(d, ['sdg_ratio'], { ...opts, probs: [0.5, 0.8], qrule: 'math' }).rows
    : [];
  const tot = nEligible ? estimateRatio(d, ['sdg_cost'], 'sdg_earnings', opts).rows : [];
  const key = (r: EstimateRow) => (b.column && r.domain ? r.domain[b.column] : TOTAL);
  const levels = b.column ? [...new Set(mean.map(key))].sort() : [];
  const out: TableRow[] = [];
  const dims = (l: string, s: string) => (b.name ? { [b.name]: l, statistic: s } : { statistic: s });
  const push = (l: string, s: string, r: EstimateRow | undefined) =>
    out.push({ dims: dims(l, s), ...asCell(r) });
  for (const l of b.column ? levels : [TOTAL]) {
    push(
      l,
      'mean_ratio',
      mean.find((r) => key(r) === l),
    );
    push(
      l,
      'median_ratio',
      quant.find((r) => key(r) === l && r.quantile === 0.5),
    );
    push(
      l,
      'p80_ratio',
      quant.find((r) => key(r) === l && r.quantile === 0.8),
    );
    push(
      l,
      'ratio_of_totals',
      tot.find((r) => key(r) === l),
    );
  }
  for (const r of overall) out.push({ ...r, dims: { [b.name]: TOTAL, ...r.dims } });
  return {
    id: `sdg1071_${b.id}`,
    title: `SDG 10.7.1 recruitment cost / first-month earnings (months of earnings)${b.name ? ` by ${b.name}` : ''}`,
    indicator: null,
    unit: 'ratio',
    dims: b.name ? [b.name, 'statistic'] : ['statistic'],
    rows: out,
    notes,
  };
}

/** An estimator row as a table cell; a missing row (empty domain) becomes an undefined cell. */
function asCell(r: EstimateRow | undefined): CellEstimate {
  if (!r) return { estimate: NaN, se: NaN, cv: NaN, ci: [NaN, NaN], n: 0, flags: ['small_n', 'undefined'] };
  return { estimate: r.estimate, se: r.se, cv: r.cv, ci: r.ci, n: r.n, flags: r.flags };
}
