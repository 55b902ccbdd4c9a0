// The cohort observatory's charts and maps, each with a stable id (its URL under /cohorts/[id]/observatory/charts/):
// the atlas of a country indicator, the comparison of countries, the SDG 10.7.1 corridors, a set's sector shares,
// a coherence matrix. Server-rendered SVG from the published table sets.
import { barChart, corridorMap, heatMap, worldChoropleth, type ChartResult } from '@labmig/charts';
import {
  COUNTRY_INDICATORS,
  COUNTRY_INDICATOR_IDS,
  corridorValues,
  countryValues,
  getCoherenceCase,
  listTableSetsWithTables,
  sectorShares,
  type CountryIndicator,
  type ReferenceData,
} from '@labmig/core/observatory';
import type { Actor } from '@labmig/core/access';
import { m } from '$lib/paraglide/messages';
import { areaLabel, countryIndicatorLabel, unitLabel } from '$lib/observatory/labels';
import { countryByAlpha3, countryLabel } from './reference';

type Locale = 'en' | 'fr';

const isCountryIndicator = (x: string): x is CountryIndicator =>
  (COUNTRY_INDICATOR_IDS as string[]).includes(x);

/** The published sets of a cohort, as the charts need them. */
export type CohortSets = Awaited<ReturnType<typeof listTableSetsWithTables>>;

/** The source line of the cohort's charts. */
const cohortSource = (sets: CohortSets, locale: Locale) =>
  m.obs_cohort_source({ cohort: sets.cohortTitle }, { locale });

/** The atlas: a world choropleth of a country indicator, or null when no country has a value. */
export function atlasChart(
  data: ReferenceData,
  sets: CohortSets,
  indicator: CountryIndicator,
  locale: Locale,
): ChartResult | null {
  const values = countryValues(sets.details, indicator).filter((v) => countryByAlpha3(data, v.country));
  if (values.length === 0) return null;
  const unit = unitLabel(COUNTRY_INDICATORS[indicator].unit, locale);
  const distinct = new Set(values.map((v) => v.value)).size;
  return worldChoropleth({
    locale,
    id: `atlas-${indicator.replace(/_/g, '-')}`,
    title: countryIndicatorLabel(indicator, locale),
    subtitle: m.obs_subtitle_latest({ unit }, { locale }),
    source: cohortSource(sets, locale),
    unit,
    decimals: indicator === 'sdg1071_mean' ? 2 : 1,
    valueHeader: countryIndicatorLabel(indicator, locale),
    classification: { method: 'quantile', classes: Math.max(2, Math.min(5, distinct)) },
    values: values.map((v) => ({
      id: countryByAlpha3(data, v.country)!.numeric,
      value: v.value,
      name: countryLabel(data, v.country, locale),
    })),
  });
}

/** Countries compared on a country indicator (bars), or null when none has it. */
export function compareChart(
  data: ReferenceData,
  sets: CohortSets,
  indicator: CountryIndicator,
  locale: Locale,
): ChartResult | null {
  const values = countryValues(sets.details, indicator);
  if (values.length === 0) return null;
  const unit = unitLabel(COUNTRY_INDICATORS[indicator].unit, locale);
  return barChart({
    locale,
    id: `compare-${indicator.replace(/_/g, '-')}`,
    title: countryIndicatorLabel(indicator, locale),
    subtitle: m.obs_subtitle_latest({ unit }, { locale }),
    source: cohortSource(sets, locale),
    unit,
    decimals: indicator === 'sdg1071_mean' ? 2 : 1,
    data: values.map((v) => ({
      category: `${countryLabel(data, v.country, locale)} (${v.referenceYear})`,
      value: v.value,
    })),
  });
}

/** The SDG 10.7.1 corridors (mean of ratios), or null when no set has corridors between two countries. */
export function corridorsChart(data: ReferenceData, sets: CohortSets, locale: Locale): ChartResult | null {
  const corridors = corridorValues(sets.details).filter(
    (c) => countryByAlpha3(data, c.origin) && countryByAlpha3(data, c.destination),
  );
  // one line per corridor: the latest set's value
  const seen = new Set<string>();
  const latest = corridors.filter((c) => {
    const key = `${c.origin}|${c.destination}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (latest.length === 0) return null;
  const names: Record<string, string> = {};
  for (const c of latest)
    for (const code of [c.origin, c.destination])
      names[countryByAlpha3(data, code)!.numeric] = countryLabel(data, code, locale);
  return corridorMap({
    locale,
    id: 'sdg-corridors',
    title: m.obs_sdg_map_title({}, { locale }),
    subtitle: m.obs_sdg_map_subtitle({}, { locale }),
    source: cohortSource(sets, locale),
    unit: unitLabel('ratio', locale),
    decimals: 2,
    names,
    corridors: latest.map((c) => ({
      origin: countryByAlpha3(data, c.origin)!.numeric,
      destination: countryByAlpha3(data, c.destination)!.numeric,
      value: c.meanOfRatios?.value ?? null,
    })),
  });
}

/** A set's migrant share of employment by economic activity, or null when it has no such table. */
export function sectorsChart(
  data: ReferenceData,
  sets: CohortSets,
  setId: string,
  locale: Locale,
): ChartResult | null {
  const set = sets.details.find((s) => s.id === setId);
  if (!set) return null;
  const shares = sectorShares(set);
  if (shares.length === 0) return null;
  return barChart({
    locale,
    id: `sectors-${setId.slice(0, 12)}`,
    title: m.obs_sectors_title(
      { country: countryLabel(data, set.country, locale), year: String(set.referenceYear) },
      { locale },
    ),
    subtitle: m.obs_sectors_subtitle({}, { locale }),
    source: `${set.source} — ${set.title}`,
    unit: '%',
    decimals: 1,
    sort: 'none',
    categoryLabel: m.obs_col_isic({}, { locale }),
    data: shares.map((s) => ({ category: s.section, value: s.figure?.value ?? null })),
  });
}

/** The coherence matrix of a case as a heat map (objectives as codes E1, T1, M1), or null when it has no pair yet. */
export async function coherenceChart(
  app: App.Locals['app'],
  actor: Actor,
  cohortId: string,
  caseId: string,
  locale: Locale,
): Promise<ChartResult | null> {
  const detail = await getCoherenceCase(app, actor, cohortId, caseId);
  if (detail.pairs.length === 0) return null;
  const rows = [...new Set(detail.pairs.map((p) => p.row.code))];
  const columns = [...new Set(detail.pairs.map((p) => p.column.code))];
  return heatMap({
    locale,
    id: `coherence-${caseId.slice(0, 12)}`,
    title: m.coh_matrix_title({ title: detail.title }, { locale }),
    subtitle: m.coh_matrix_subtitle({}, { locale }),
    source: m.coh_matrix_source({ owner: detail.owner.name }, { locale }),
    rows,
    columns,
    rowHeader: m.coh_col_objective({}, { locale }),
    columnHeader: m.coh_col_objective({}, { locale }),
    cells: detail.pairs.map((p) => ({
      row: p.row.code,
      column: p.column.code,
      score: p.score,
      note: `${p.row.code} (${areaLabel(p.row.area, locale)}) × ${p.column.code} (${areaLabel(p.column.area, locale)})${p.evidence ? `: ${p.evidence}` : ''}`,
    })),
  });
}

/**
 * The chart a cohort chart id names: `atlas--IND`, `compare--IND`, `corridors`, `sectors--SET`, `coherence--CASE`;
 * null when the id names nothing or there is nothing to draw.
 */
export async function cohortChart(
  locals: App.Locals,
  actor: Actor,
  cohortId: string,
  data: ReferenceData,
  id: string,
): Promise<ChartResult | null> {
  const locale = locals.locale;
  const [kind, arg] = id.split('--') as [string, string | undefined];
  if (kind === 'coherence' && arg) return coherenceChart(locals.app, actor, cohortId, arg, locale);
  const sets = await listTableSetsWithTables(locals.app, actor, cohortId);
  if (kind === 'atlas' && arg && isCountryIndicator(arg)) return atlasChart(data, sets, arg, locale);
  if (kind === 'compare' && arg && isCountryIndicator(arg)) return compareChart(data, sets, arg, locale);
  if (kind === 'corridors' && arg === undefined) return corridorsChart(data, sets, locale);
  if (kind === 'sectors' && arg) return sectorsChart(data, sets, arg, locale);
  return null;
}
