import { toCsv } from '../shared/csv.ts';
import type { ReferenceData } from './reference-data.rules.ts';
import {
  DIMENSIONS,
  type Dimension,
  type Figure,
  type Indicator,
  type Source,
} from './reference-data.schema.ts';

// The global estimates explorer's data: figures by edition with their sources, comparisons across editions and
// breakdowns of one edition. Only figures present in the checked data files are shown; nothing is derived.

/** A figure with its edition and its sources, ready to show. */
export interface EstimateRow {
  readonly referenceYear: number;
  readonly edition: number;
  readonly published: number;
  readonly indicator: Indicator;
  readonly dimension: Dimension | null;
  readonly category: string | null;
  readonly value: number;
  readonly unit: 'millions' | 'percent';
  readonly source: Source;
  readonly locator: string;
  readonly checked: readonly Source[];
}

const dimensionOf = (f: Figure): [Dimension, string] | [null, null] => {
  const entries = Object.entries(f.by ?? {});
  return entries.length === 1 ? (entries[0] as [Dimension, string]) : [null, null];
};

/** Every figure of the data, with its edition and sources; one edition when `referenceYear` is given. */
export function estimateRows(data: ReferenceData, referenceYear?: number): EstimateRow[] {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return data.editions
    .filter((e) => referenceYear === undefined || e.reference_year === referenceYear)
    .flatMap((e) =>
      e.figures
        .filter((f) => Object.keys(f.by ?? {}).length <= 1)
        .map((f) => {
          const [dimension, category] = dimensionOf(f);
          return {
            referenceYear: e.reference_year,
            edition: e.edition,
            published: e.published,
            indicator: f.indicator,
            dimension,
            category,
            value: f.value,
            unit: f.unit,
            source: sources.get(f.source)!,
            locator: f.locator,
            checked: (f.checked ?? []).map((id) => sources.get(id)!),
          };
        }),
    );
}

/** The editions: reference year, edition number, year published and the primary source. */
export function editionsOf(
  data: ReferenceData,
): { referenceYear: number; edition: number; published: number; source: Source | null }[] {
  return data.editions.map((e) => {
    const ids = new Set(e.figures.map((f) => f.source));
    const source = data.sources.find((s) => ids.has(s.id)) ?? null;
    return { referenceYear: e.reference_year, edition: e.edition, published: e.published, source };
  });
}

/** One figure per edition (a comparison across editions): the indicator, with no breakdown or one category. */
export function acrossEditions(
  data: ReferenceData,
  indicator: Indicator,
  unit: 'millions' | 'percent',
  by: { dimension: Dimension; category: string } | null = null,
): EstimateRow[] {
  return estimateRows(data).filter(
    (r) =>
      r.indicator === indicator &&
      r.unit === unit &&
      (by === null ? r.dimension === null : r.dimension === by.dimension && r.category === by.category),
  );
}

/**
 * The breakdown of one edition's indicator by a dimension, in the dimension's order of categories; categories the
 * edition does not publish are absent.
 */
export function breakdownOf(
  data: ReferenceData,
  referenceYear: number,
  indicator: Indicator,
  unit: 'millions' | 'percent',
  dimension: Dimension,
): EstimateRow[] {
  const order: readonly string[] = DIMENSIONS[dimension];
  return estimateRows(data, referenceYear)
    .filter((r) => r.indicator === indicator && r.unit === unit && r.dimension === dimension)
    .sort((a, b) => order.indexOf(a.category ?? '') - order.indexOf(b.category ?? ''));
}

/** The breakdowns an edition has: indicator × unit × dimension with at least two categories. */
export function breakdownsOf(
  data: ReferenceData,
  referenceYear: number,
): { indicator: Indicator; unit: 'millions' | 'percent'; dimension: Dimension }[] {
  const counts = new Map<string, number>();
  for (const r of estimateRows(data, referenceYear))
    if (r.dimension) {
      const key = `${r.indicator}|${r.unit}|${r.dimension}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .map(([key]) => {
      const [indicator, unit, dimension] = key.split('|') as [Indicator, 'millions' | 'percent', Dimension];
      return { indicator, unit, dimension };
    });
}

/** The figures as CSV, one per line with its provenance (the shared writer: BOM, quoting, defused cells). */
export function estimatesCsv(rows: readonly EstimateRow[]): string {
  return toCsv(
    [
      'reference_year',
      'edition',
      'indicator',
      'dimension',
      'category',
      'value',
      'unit',
      'source_publisher',
      'source_title',
      'source_year',
      'locator',
      'source_url',
      'licence',
      'checked_against',
    ],
    rows.map((r) => [
      r.referenceYear,
      r.edition,
      r.indicator,
      r.dimension ?? '',
      r.category ?? '',
      r.value,
      r.unit,
      r.source.publisher,
      r.source.title,
      r.source.year ?? '',
      r.locator,
      r.source.url,
      r.source.licence ?? '',
      r.checked.map((c) => c.url).join(' '),
    ]),
  );
}
