import type { Dataset } from '../dataset/dataset.types.ts';
import { DEFAULT_QUALITY, type QualityThresholds } from './cell-estimate.ts';
import type { DesignIndex } from './design-index.ts';
import type { VariableMapping } from './mapping.types.ts';
import type { SdgReason } from './sdg-eligibility.rules.ts';
import { findSdgPopulation } from './sdg-population.ts';
import { buildSdgDesign, sdgTable } from './sdg-tables.ts';
import type { StatTable } from './table.types.ts';

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

/** Statistic labels; `ratio_of_totals` is the labelled alternative to the official summaries of individual ratios. */
export const SDG_STATISTICS = ['mean_ratio', 'median_ratio', 'p80_ratio', 'ratio_of_totals'] as const;

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
  const q = o.quality ?? DEFAULT_QUALITY;
  const k = {
    surveyYear: m.surveyYear,
    windowYears: o.windowYears ?? m.sdg.windowYears,
    includeZeroCost: o.includeZeroCost ?? m.sdg.includeZeroCost,
  };
  const pop = findSdgPopulation(ds, m, k);
  const n = pop.rows.length;
  const zero = k.includeZeroCost ? 'included' : 'excluded';
  const notes = [
    `Analysis population: ${n} eligible workers; zero-cost workers ${zero} (includeZeroCost = ${k.includeZeroCost}); arrival window ${k.windowYears} years up to ${m.surveyYear}.`,
    'mean_ratio, median_ratio and p80_ratio summarise individual ratios C_k/E_k (the SDG 10.7.1 definition); ratio_of_totals = ΣwC/ΣwE is a labelled alternative, not the official statistic.',
  ];
  const { design: d, by } = buildSdgDesign(ds, design, m, pop);
  const overall = sdgTable(d, by[0], n, q, notes, []);
  const tables = [overall, ...by.slice(1).map((b) => sdgTable(d, b, n, q, notes, overall.rows))];
  return { tables, eligibility: pop.counts, eligible: pop.eligible, ratio: pop.ratio };
}
