import type { TidyRow, TidyTable } from './table-set.schema.ts';

// Figures the observatory takes from the published table sets: one value per country for the comparisons and the
// atlas, migrant shares of employment by sector, and SDG 10.7.1 by corridor. Pure functions over the engine's tidy
// tables; a value that the set does not have is simply absent (never invented).

/** What a country value is taken from: the table, the row, and the unit. */
interface IndicatorDefinition {
  readonly table: string;
  readonly levels: Readonly<Record<string, string>>;
  readonly unit: 'percent' | 'percentage_points' | 'ratio';
}

/** The country indicators of the observatory, with the engine table and row each comes from. */
export const COUNTRY_INDICATORS = {
  emp_migrant_share: {
    table: 'emp_migrant_share_sex_age',
    levels: { sex: 'total', age: 'total' },
    unit: 'percent',
  },
  lfpr_gap: { table: 'lfpr_gap_sex_age', levels: { sex: 'total', age: 'total' }, unit: 'percentage_points' },
  ur_gap: { table: 'ur_gap_sex_age', levels: { sex: 'total', age: 'total' }, unit: 'percentage_points' },
  lfpr_migrant: {
    table: 'lfpr_sex_age',
    levels: { migrant: 'migrant', sex: 'total', age: 'total' },
    unit: 'percent',
  },
  sdg1071_mean: { table: 'sdg1071_all', levels: { statistic: 'mean_ratio' }, unit: 'ratio' },
} as const satisfies Record<string, IndicatorDefinition>;

export type CountryIndicator = keyof typeof COUNTRY_INDICATORS;
export const COUNTRY_INDICATOR_IDS = Object.keys(COUNTRY_INDICATORS) as CountryIndicator[];

/** A set as the rules need it: its identity, metadata and tables. */
export interface SetForIndicators {
  readonly id: string;
  readonly title: string;
  readonly country: string;
  readonly referenceYear: number;
  readonly publishedAt: string;
  readonly source: string;
  readonly tables: readonly TidyTable[];
}

/** One figure taken from a set, with where it comes from. */
export interface SetFigure {
  readonly value: number;
  readonly ciLower: number | null;
  readonly ciUpper: number | null;
  readonly n: number;
  readonly flags: readonly string[];
}

const matches = (row: TidyRow, levels: Readonly<Record<string, string>>) =>
  Object.entries(levels).every(([k, v]) => (row as Record<string, unknown>)[k] === v);

const figureOf = (row: TidyRow): SetFigure | null =>
  row.estimate === null || row.flags.includes('suppressed')
    ? null
    : { value: row.estimate, ciLower: row.ci_lower, ciUpper: row.ci_upper, n: row.n, flags: row.flags };

/** A set's value of an indicator, or null when its tables do not have it (or it is suppressed). */
export function indicatorOf(set: SetForIndicators, indicator: CountryIndicator): SetFigure | null {
  const def: IndicatorDefinition = COUNTRY_INDICATORS[indicator];
  const table = set.tables.find((t) => t.id === def.table);
  const row = table?.rows.find((r) => matches(r, def.levels));
  return row ? figureOf(row) : null;
}

/** A country's value of an indicator, from the set it was taken from. */
export interface CountryValue extends SetFigure {
  readonly country: string;
  readonly setId: string;
  readonly setTitle: string;
  readonly referenceYear: number;
  readonly source: string;
}

/** The latest set first: highest reference year, then the latest published. */
const latestFirst = (a: SetForIndicators, b: SetForIndicators) =>
  b.referenceYear - a.referenceYear || b.publishedAt.localeCompare(a.publishedAt);

/**
 * One value per country: from the country's set with the latest reference year that has the indicator (then the
 * latest published). Sorted by country code.
 */
export function countryValues(
  sets: readonly SetForIndicators[],
  indicator: CountryIndicator,
): CountryValue[] {
  const out = new Map<string, CountryValue>();
  for (const set of [...sets].sort(latestFirst)) {
    if (out.has(set.country)) continue;
    const figure = indicatorOf(set, indicator);
    if (figure)
      out.set(set.country, {
        ...figure,
        country: set.country,
        setId: set.id,
        setTitle: set.title,
        referenceYear: set.referenceYear,
        source: set.source,
      });
  }
  return [...out.values()].sort((a, b) => a.country.localeCompare(b.country));
}

/** Migrant share of employment by economic activity (ISIC section), both sexes, from a set. */
export function sectorShares(set: SetForIndicators): { section: string; figure: SetFigure | null }[] {
  const table = set.tables.find((t) => t.id === 'emp_migrant_share_sex_eco');
  if (!table) return [];
  const dim = table.dims.find((d) => d !== 'sex') ?? 'isic';
  return table.rows
    .filter(
      (r) =>
        (r as Record<string, unknown>).sex === 'total' && (r as Record<string, unknown>)[dim] !== 'total',
    )
    .map((r) => ({ section: String((r as Record<string, unknown>)[dim]), figure: figureOf(r) }));
}

/** An SDG 10.7.1 value of a corridor, with both summaries the engine gives. */
export interface CorridorValue {
  readonly origin: string;
  readonly destination: string;
  /** Mean of the individual ratios C_k/E_k: the SDG 10.7.1 definition. */
  readonly meanOfRatios: SetFigure | null;
  /** Σ w·C / Σ w·E: a labelled alternative, not the official statistic. */
  readonly ratioOfTotals: SetFigure | null;
  readonly setId: string;
  readonly setTitle: string;
  readonly country: string;
  readonly referenceYear: number;
  readonly source: string;
}

const CORRIDOR = /^([A-Z]{3})\s*(?:→|->)\s*([A-Z]{3})$/;

/** Parses a corridor level (`BGD→MYS`) into origin and destination, or null. */
export function parseCorridor(level: string): { origin: string; destination: string } | null {
  const m = CORRIDOR.exec(level.trim());
  return m ? { origin: m[1]!, destination: m[2]! } : null;
}

/**
 * The SDG 10.7.1 values by corridor of every set (table `sdg1071_corridor`): origin → destination, the mean of
 * ratios and the ratio of totals. Rows that are not a corridor between two countries (the total, a country to
 * itself) are left out.
 */
export function corridorValues(sets: readonly SetForIndicators[]): CorridorValue[] {
  const out: CorridorValue[] = [];
  for (const set of [...sets].sort(latestFirst)) {
    const table = set.tables.find((t) => t.id === 'sdg1071_corridor');
    if (!table) continue;
    const byCorridor = new Map<string, TidyRow[]>();
    for (const r of table.rows) {
      const level = String((r as Record<string, unknown>).corridor ?? '');
      byCorridor.set(level, [...(byCorridor.get(level) ?? []), r]);
    }
    for (const [level, rows] of byCorridor) {
      const c = parseCorridor(level);
      if (!c || c.origin === c.destination) continue;
      const stat = (s: string) => {
        const row = rows.find((r) => (r as Record<string, unknown>).statistic === s);
        return row ? figureOf(row) : null;
      };
      out.push({
        ...c,
        meanOfRatios: stat('mean_ratio'),
        ratioOfTotals: stat('ratio_of_totals'),
        setId: set.id,
        setTitle: set.title,
        country: set.country,
        referenceYear: set.referenceYear,
        source: set.source,
      });
    }
  }
  return out;
}
