import type { Dataset } from '../dataset/dataset.types.ts';
import { DEFAULT_QUALITY, type QualityThresholds } from './cell-estimate.ts';
import { readNumberColumn, readTextColumn, recodeColumn } from './column-codes.ts';
import type { DesignIndex } from './design-index.ts';
import { domainQuantiles, domainRatio } from './domain-stats.ts';
import { MappingError } from './mapping-error.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { MigrationReason } from './person.types.ts';
import { checkSdgEligibility, SDG_REASONS, type SdgCandidate, type SdgReason } from './sdg-eligibility.rules.ts';
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
export function computeSdg1071(ds: Dataset, design: DesignIndex, m: VariableMapping, o: Sdg1071Options = {}): Sdg1071Result {
  const c = m.columns;
  const q = o.quality ?? DEFAULT_QUALITY;
  const cost = readNumberColumn(ds, need(c.recruitmentCost, 'columns.recruitmentCost'), 'columns.recruitmentCost');
  const earn = readNumberColumn(ds, need(c.firstMonthEarnings, 'columns.firstMonthEarnings'), 'columns.firstMonthEarnings');
  const arrival = readNumberColumn(ds, need(c.yearOfArrival, 'columns.yearOfArrival'), 'columns.yearOfArrival');
  const reason = recodeColumn(ds, need(c.reasonForMigration, 'columns.reasonForMigration'), 'columns.reasonForMigration', 'codes.reasonForMigration', m.codes.reasonForMigration ?? {}, REASONS);
  const employeeCodes = m.codes.employee;
  if (!employeeCodes) throw new MappingError('mapping.invalid', 'codes.employee', 'is required for SDG 10.7.1 (codes of status in employment meaning employee)');
  const ste = readTextColumn(ds, need(c.statusInEmployment, 'columns.statusInEmployment'), 'columns.statusInEmployment');
  const isEmployeeLevel = ste.levels.map((l) => employeeCodes.includes(l));
  const mig = readTextColumn(ds, 'icls_migrant', 'columns.countryOfBirth');
  const k = { surveyYear: m.surveyYear, windowYears: o.windowYears ?? m.sdg.windowYears, includeZeroCost: o.includeZeroCost ?? m.sdg.includeZeroCost };
  const counts = Object.fromEntries(SDG_REASONS.map((r) => [r, 0])) as Record<SdgReason, number>;
  const eligible = new Uint8Array(ds.nrows);
  const ratio = new Float64Array(ds.nrows).fill(NaN);
  const rows: number[] = [];
  // one reusable candidate: no allocation per row
  const p: { -readonly [K in keyof SdgCandidate]: SdgCandidate[K] } = {
    migrant: null, employee: false, reasonForMigration: null, yearOfArrival: null, cost: NaN, earnings: NaN,
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
  const byDims: { id: string; name: string; level: (i: number) => string | null }[] = [{ id: 'all', name: '', level: () => null }];
  if (c.sex && m.codes.sex) {
    const sx = recodeColumn(ds, c.sex, 'columns.sex', 'codes.sex', m.codes.sex, ['male', 'female']);
    byDims.push({ id: 'sex', name: 'sex', level: (i) => (sx[i] < 0 ? null : sx[i] === 0 ? 'male' : 'female') });
  }
  const originCol = c[m.sdg.corridorOrigin];
  if (originCol) {
    const t = readTextColumn(ds, originCol, `columns.${m.sdg.corridorOrigin}`);
    byDims.push({ id: 'corridor', name: 'corridor', level: (i) => (t.codes[i] < 0 ? null : `${t.levels[t.codes[i]]}→${m.homeCountry}`) });
  }
  if (c.isco) {
    const t = readTextColumn(ds, c.isco, 'columns.isco');
    byDims.push({ id: 'occupation', name: 'isco', level: (i) => (t.codes[i] < 0 ? null : t.levels[t.codes[i]]) });
  }
  const tables = byDims.map((b) => sdgTable(design, b, rows, ratio, cost, earn, q, notes));
  return { tables, eligibility: counts, eligible, ratio };
}

function sdgTable(
  d: DesignIndex, b: { id: string; name: string; level: (i: number) => string | null }, rows: number[],
  ratio: Float64Array, cost: Float64Array, earn: Float64Array, q: QualityThresholds, notes: string[],
): StatTable {
  const groups = new Map<string, number[]>();
  if (b.name) {
    for (const i of rows) {
      const l = b.level(i);
      if (l === null) continue;
      const g = groups.get(l);
      if (g) g.push(i);
      else groups.set(l, [i]);
    }
  }
  const levels = [...[...groups.keys()].sort(), TOTAL];
  groups.set(TOTAL, rows);
  const out: TableRow[] = [];
  for (const l of levels) {
    const g = groups.get(l)!;
    const dims = (s: string) => (b.name ? { [b.name]: l, statistic: s } : { statistic: s });
    out.push({ dims: dims('mean_ratio'), ...domainRatio(d, g, ratio, null, q) });
    const [median, p80] = domainQuantiles(d, g, ratio, [0.5, 0.8], q);
    out.push({ dims: dims('median_ratio'), ...median });
    out.push({ dims: dims('p80_ratio'), ...p80 });
    out.push({ dims: dims('ratio_of_totals'), ...domainRatio(d, g, cost, earn, q) });
  }
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
