// The global estimates explorer's charts, each with a stable id (its URL under /observatory/charts/): one figure
// across the editions, a breakdown compared across editions, or one edition's breakdown. Server-rendered SVG.
import { barChart, type ChartResult } from '@labmig/charts';
import {
  acrossEditions,
  breakdownOf,
  DIMENSIONS,
  editionsOf,
  estimateRows,
  INDICATORS,
  type Dimension,
  type Indicator,
  type ReferenceData,
} from '@labmig/core/observatory';
import { m } from '$lib/paraglide/messages';
import { categoryLabel, dimensionLabel, indicatorLabel, unitLabel } from '$lib/observatory/labels';
import { sourceLine } from './reference';

type Locale = 'en' | 'fr';
type Unit = 'millions' | 'percent';

/** What a chart id names. */
export type EstimateChartSpec =
  | { kind: 'editions'; indicator: Indicator; unit: Unit }
  | { kind: 'compare'; indicator: Indicator; unit: Unit; dimension: Dimension }
  | { kind: 'breakdown'; year: number; indicator: Indicator; unit: Unit; dimension: Dimension };

const isIndicator = (x: string): x is Indicator => (INDICATORS as readonly string[]).includes(x);
const isDimension = (x: string): x is Dimension => Object.hasOwn(DIMENSIONS, x);
const isUnit = (x: string): x is Unit => x === 'millions' || x === 'percent';

/** Chart ids: `editions--IND--UNIT`, `compare--IND--UNIT--DIM`, `breakdown--YEAR--IND--UNIT--DIM`. */
export function chartId(spec: EstimateChartSpec): string {
  if (spec.kind === 'editions') return `editions--${spec.indicator}--${spec.unit}`;
  if (spec.kind === 'compare') return `compare--${spec.indicator}--${spec.unit}--${spec.dimension}`;
  return `breakdown--${spec.year}--${spec.indicator}--${spec.unit}--${spec.dimension}`;
}

/** The spec of a chart id, or null when it names nothing. */
export function parseChartId(id: string): EstimateChartSpec | null {
  const parts = id.split('--');
  if (parts[0] === 'editions' && parts.length === 3 && isIndicator(parts[1]!) && isUnit(parts[2]!))
    return { kind: 'editions', indicator: parts[1], unit: parts[2] };
  if (
    parts[0] === 'compare' &&
    parts.length === 4 &&
    isIndicator(parts[1]!) &&
    isUnit(parts[2]!) &&
    isDimension(parts[3]!)
  )
    return { kind: 'compare', indicator: parts[1], unit: parts[2], dimension: parts[3] };
  if (
    parts[0] === 'breakdown' &&
    parts.length === 5 &&
    /^\d{4}$/.test(parts[1]!) &&
    isIndicator(parts[2]!) &&
    isUnit(parts[3]!) &&
    isDimension(parts[4]!)
  )
    return {
      kind: 'breakdown',
      year: Number(parts[1]),
      indicator: parts[2],
      unit: parts[3],
      dimension: parts[4],
    };
  return null;
}

const editionLabel = (year: number, edition: number, locale: Locale) =>
  m.obs_edition_label({ year: String(year), edition: String(edition) }, { locale });

/** The sources of the figures a chart shows, one line each. */
function sourcesOf(data: ReferenceData, ids: Iterable<string>): string {
  const wanted = new Set(ids);
  return data.sources
    .filter((s) => wanted.has(s.id))
    .map(sourceLine)
    .join('; ');
}

/**
 * Draws the chart an id names, in the user's language, or returns null when the id names nothing or the data have
 * no figure for it (fewer than one figure across editions, fewer than two categories in a breakdown).
 */
export function estimateChart(data: ReferenceData, id: string, locale: Locale): ChartResult | null {
  const spec = parseChartId(id);
  if (!spec) return null;
  const editions = editionsOf(data);
  const unit = unitLabel(spec.unit, locale);
  const note = m.obs_note_not_series({}, { locale });
  const common = { locale, id: `obs-${id.replace(/[^a-z0-9-]/gi, '-')}`, unit, decimals: 1 } as const;
  if (spec.kind === 'editions') {
    const rows = acrossEditions(data, spec.indicator, spec.unit);
    if (rows.length === 0) return null;
    return barChart({
      ...common,
      title: indicatorLabel(spec.indicator, locale),
      subtitle: m.obs_subtitle_editions({ unit }, { locale }),
      source: sourcesOf(
        data,
        rows.map((r) => r.source.id),
      ),
      note,
      sort: 'none',
      categoryLabel: m.obs_col_edition({}, { locale }),
      data: rows.map((r) => ({ category: editionLabel(r.referenceYear, r.edition, locale), value: r.value })),
    });
  }
  if (spec.kind === 'compare') {
    const rows = estimateRows(data).filter(
      (r) => r.indicator === spec.indicator && r.unit === spec.unit && r.dimension === spec.dimension,
    );
    const categories = DIMENSIONS[spec.dimension].filter((c) => rows.some((r) => r.category === c));
    if (categories.length < 2) return null;
    const years = editions.filter((e) => rows.some((r) => r.referenceYear === e.referenceYear));
    return barChart({
      ...common,
      title: m.obs_title_by(
        {
          indicator: indicatorLabel(spec.indicator, locale),
          dimension: dimensionLabel(spec.dimension, locale),
        },
        { locale },
      ),
      subtitle: m.obs_subtitle_editions({ unit }, { locale }),
      source: sourcesOf(
        data,
        rows.map((r) => r.source.id),
      ),
      note,
      sort: 'none',
      categoryLabel: dimensionLabel(spec.dimension, locale),
      groupLabel: m.obs_col_edition({}, { locale }),
      data: categories.flatMap((c) =>
        years.map((e) => ({
          category: categoryLabel(c, locale),
          group: editionLabel(e.referenceYear, e.edition, locale),
          value: rows.find((r) => r.category === c && r.referenceYear === e.referenceYear)?.value ?? null,
        })),
      ),
    });
  }
  const rows = breakdownOf(data, spec.year, spec.indicator, spec.unit, spec.dimension);
  if (rows.length < 2) return null;
  const edition = editions.find((e) => e.referenceYear === spec.year)!;
  return barChart({
    ...common,
    title: m.obs_title_by(
      {
        indicator: indicatorLabel(spec.indicator, locale),
        dimension: dimensionLabel(spec.dimension, locale),
      },
      { locale },
    ),
    subtitle: m.obs_subtitle_edition(
      { unit, edition: editionLabel(edition.referenceYear, edition.edition, locale) },
      { locale },
    ),
    source: sourcesOf(
      data,
      rows.map((r) => r.source.id),
    ),
    sort: 'none',
    categoryLabel: dimensionLabel(spec.dimension, locale),
    data: rows.map((r) => ({ category: categoryLabel(r.category ?? '', locale), value: r.value })),
  });
}

export { acrossEditions };
