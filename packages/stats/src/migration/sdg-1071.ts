import type { Dataset } from '../dataset/dataset.types.ts';
import { categoricalColumn, createDataset, numericColumn, withColumns } from '../dataset/dataset.ts';
import { selectRows } from '../dataset/dataset-rows.ts';
import { createDesign } from '../design/create-design.ts';
import type { Design } from '../design/design.types.ts';
import type { EstimateRow } from '../estimate/estimate.types.ts';
import { estimateMean, estimateRatio } from '../estimate/linear.ts';
import { estimateQuantile } from '../estimate/quantile.ts';
import { DEFAULT_QUALITY, type CellEstimate, type QualityThresholds } from './cell-estimate.ts';
import { readNumberColumn, readTextColumn, recodeColumn } from './column-codes.ts';
import type { DesignIndex } from './design-index.ts';
import { MappingError } from './mapping-error.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { MigrationReason } from './person.types.ts';
import {
  checkSdgEligibility,
  SDG_REASONS,
  type SdgCandidate,
  type SdgReason,
} from './sdg-eligibility.rules.ts';
import { TOTAL, type StatTable, type TableRow } from './table.types.ts';

/** Options of {@link computeSdg1071}; unset values come from `mapping.sdg`. */
export interface Sdg1071Options {
  readonly includeZeroCost?: boolean;
  readonly windowYears?: number;
  readonly quality?: QualityThresholds;
}

/** SDG 10.7.1 tables and the eligibility audit. */
export interface Sdg1071Result {
  readonly tables: StatTable[];
  /** Persons by eligibility reason code (unweighted). */
  readonly eligibility: Readonly<Record<SdgReason, number>>;
  /** Row mask of the analysis population and each row's cost/earnings ratio (NaN outside it). */
  readonly eligible: Uint8Array;
  readonly ratio: Float64Array;
}

const REASONS: readonly MigrationReason[] = ['work', 'seek_work', 'family', 'study', 'asylum', 'other'];
/** Statistic labels; `ratio_of_totals` is the labelled alternative to the official summaries of individual ratios. */
export const SDG_STATISTICS = ['mean_ratio', 'median_ratio', 'p80_ratio', 'ratio_of_totals'] as const;

function need(v: string | undefined, field: string): string {
  if (v === undefined) throw new MappingError('mapping.invalid', field, 'is required for SDG 10.7.1');
  return v;
}

/**
 * SDG indicator 10.7.1 (domain brief §3): recruitment cost borne by the worker as a proportion of first-month
 * earnings in the country of destination. Summaries of individual ratios C_k/E_k — weighted mean, median and 80th
 * percentile — plus the ratio of totals ΣwC/ΣwE as a labelled alternative; overall and by sex, corridor
 * (origin → home country) and occupation, each with linearised SEs (Woodruff intervals for quantiles).
 *
 * @throws MappingError when a needed column or `codes.employee` is not mapped.
 * @example
 * const { tables } = computeSdg1071(classified, design, mapping, { includeZeroCost: false });
 * tables[0].rows[0].dims; // { statistic: 'mean_ratio' }
 */
export function computeSdg1071(
  ds: Dataset,
  design: DesignIndex,
  m: VariableMapping,
  o: Sdg1071Options = {},
): Sdg1071Result {
  const c = m.columns;
  const q = o.quality ?? DEFAULT_QUALITY;
  const cost = readNumberColumn(
    ds,
    need(c.recruitmentCost, 'columns.recruitmentCost'),
    'columns.recruitmentCost',
  );
  const earn = readNumberColumn(
    ds,
    need(c.firstMonthEarnings, 'columns.firstMonthEarnings'),
    'columns.firstMonthEarnings',
  );
  const arrival = readNumberColumn(
    ds,
    need(c.yearOfArrival, 'columns.yearOfArrival'),
    'columns.yearOfArrival',
  );
  const reason = recodeColumn(
    ds,
    need(c.reasonForMigration, 'columns.reasonForMigration'),
    'columns.reasonForMigration',
    'codes.reasonForMigration',
    m.codes.reasonForMigration ?? {},
    REASONS,
  );
  const employeeCodes = m.codes.employee;
  if (!employeeCodes)
    throw new MappingError(
      'mapping.invalid',
      'codes.employee',
      'is required for SDG 10.7.1 (codes of status in employment meaning employee)',
    );
  const ste = readTextColumn(
    ds,
    need(c.statusInEmployment, 'columns.statusInEmployment'),
    'columns.statusInEmployment',
  );
  const isEmployeeLevel = ste.levels.map((l) => employeeCodes.includes(l));
  const mig = readTextColumn(ds, 'icls_migrant', 'columns.countryOfBirth');
  const k = {
    surveyYear: m.surveyYear,
    windowYears: o.windowYears ?? m.sdg.windowYears,
    includeZeroCost: o.includeZeroCost ?? m.sdg.includeZeroCost,
  };
  const counts = Object.fromEntries(SDG_REASONS.map((r) => [r, 0])) as Record<SdgReason, number>;
  const eligible = new Uint8Array(ds.nrows);
  const ratio = new Float64Array(ds.nrows).fill(NaN);
  const rows: number[] = [];
  // one reusable candidate: no allocation per row
  const p: { -readonly [K in keyof SdgCandidate]: SdgCandidate[K] } = {
    migrant: null,
    employee: false,
    reasonForMigration: null,
    yearOfArrival: null,
    cost: NaN,
    earnings: NaN,
  };
  const migrantCode = mig.levels.indexOf('migrant');
  for (let i = 0; i < ds.nrows; i++) {
    if (mig.codes[i] !== migrantCode) {
      counts.SDG_NOT_MIGRANT++; // the rule's first test, without building the candidate
      continue;
    }
    p.migrant = 'migrant';
    p.employee = ste.codes[i] >= 0 && isEmployeeLevel[ste.codes[i]];
    p.reasonForMigration = reason[i] < 0 ? null : REASONS[reason[i]];
    p.yearOfArrival = Number.isNaN(arrival[i]) ? null : arrival[i];
    p.cost = cost[i];
    p.earnings = earn[i];
    const r = checkSdgEligibility(p, k);
    counts[r]++;
    if (r === 'SDG_ELIGIBLE') {
      eligible[i] = 1;
      ratio[i] = cost[i] / earn[i];
      rows.push(i);
    }
  }
  const notes = [
    `Analysis population: ${rows.length} eligible workers; zero-cost workers ${k.includeZeroCost ? 'included' : 'excluded'} (includeZeroCost = ${k.includeZeroCost}); arrival window ${k.windowYears} years up to ${m.surveyYear}.`,
    'mean_ratio, median_ratio and p80_ratio summarise individual ratios C_k/E_k (the SDG 10.7.1 definition); ratio_of_totals = ΣwC/ΣwE is a labelled alternative, not the official statistic.',
  ];
  // The estimators need a design. Rows outside the analysis population add nothing to the estimates or their
  // influence values; what they carry is the design (which PSUs each stratum has). So the design is rebuilt on the
  // eligible rows plus one row of every PSU: the same estimates and SEs as on the full file, on far fewer rows.
  const kept = keptRows(rows, design.psuRow);
  const byDims: { id: string; name: string; column: string | null; values: (string | null)[] | null }[] = [
    { id: 'all', name: '', column: null, values: null },
  ];
  const derive = (level: (i: number) => string | null) =>
    Array.from(kept, (i) => (eligible[i] ? level(i) : null));
  if (c.sex && m.codes.sex) {
    const sx = recodeColumn(ds, c.sex, 'columns.sex', 'codes.sex', m.codes.sex, ['male', 'female']);
    byDims.push({
      id: 'sex',
      name: 'sex',
      column: 'sdg_sex',
      values: derive((i) => (sx[i] < 0 ? null : sx[i] === 0 ? 'male' : 'female')),
    });
  }
  const originCol = c[m.sdg.corridorOrigin];
  if (originCol) {
    const t = readTextColumn(ds, originCol, `columns.${m.sdg.corridorOrigin}`);
    byDims.push({
      id: 'corridor',
      name: 'corridor',
      column: 'sdg_corridor',
      values: derive((i) => (t.codes[i] < 0 ? null : `${t.levels[t.codes[i]]}→${m.homeCountry}`)),
    });
  }
  if (c.isco) {
    const t = readTextColumn(ds, c.isco, 'columns.isco');
    byDims.push({
      id: 'occupation',
      name: 'isco',
      column: 'sdg_isco',
      values: derive((i) => (t.codes[i] < 0 ? null : t.levels[t.codes[i]])),
    });
  }
  const dOpt = design.design.options;
  const designCols = [
    ...new Set([
      ...dOpt.ids,
      ...(dOpt.strata ? [dOpt.strata] : []),
      ...(dOpt.weights ? [dOpt.weights] : []),
      ...dOpt.fpc,
    ]),
  ];
  const pick = (a: Float64Array) => Float64Array.from(kept, (i) => (eligible[i] ? a[i] : NaN));
  const small = withColumns(
    selectRows(createDataset(designCols.map((n) => design.design.dataset.column(n))), kept),
    [
      numericColumn('sdg_ratio', pick(ratio)),
      numericColumn('sdg_cost', pick(cost)),
      numericColumn('sdg_earnings', pick(earn)),
      numericColumn(
        'sdg_eligible',
        Float64Array.from(kept, (i) => eligible[i]),
      ),
      ...byDims
        .filter((b) => b.column)
        .map((b) => categoricalColumn(b.column as string, b.values as (string | null)[])),
    ],
  );
  const design2 = createDesign(small, dOpt);
  const overall = sdgTable(design2, byDims[0], rows.length, q, notes, []);
  const tables = [
    overall,
    ...byDims.slice(1).map((b) => sdgTable(design2, b, rows.length, q, notes, overall.rows)),
  ];
  return { tables, eligibility: counts, eligible, ratio };
}

function sdgTable(
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
