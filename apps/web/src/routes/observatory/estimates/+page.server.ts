import { breakdownsOf, editionsOf, estimateRows } from '@labmig/core/observatory';
import { categoryLabel, dimensionLabel, indicatorLabel } from '$lib/observatory/labels';
import { chartView } from '$lib/server/observatory/chart-responses';
import { chartId, estimateChart } from '$lib/server/observatory/estimate-charts';
import { referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/**
 * The global estimates explorer: one figure across the editions, a breakdown compared across editions (chosen with
 * a GET form), every breakdown of one edition, and the edition's figures as a table with their sources.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const locale = locals.locale;
  const data = referenceData(locals);
  const editions = editionsOf(data);
  const latest = editions.at(-1)!.referenceYear;
  const asked = Number(url.searchParams.get('edition'));
  const year = editions.some((e) => e.referenceYear === asked) ? asked : latest;

  // breakdowns published in at least two editions can be compared
  const comparable = new Map<string, string>();
  for (const e of editions)
    for (const b of breakdownsOf(data, e.referenceYear)) {
      const id = chartId({ kind: 'compare', ...b });
      if (comparable.has(id)) continue;
      const inEditions = editions.filter((x) =>
        breakdownsOf(data, x.referenceYear).some(
          (y) => y.indicator === b.indicator && y.unit === b.unit && y.dimension === b.dimension,
        ),
      ).length;
      if (inEditions >= 2)
        comparable.set(
          id,
          `${indicatorLabel(b.indicator, locale)} — ${dimensionLabel(b.dimension, locale)}${b.unit === 'percent' ? ' (%)' : ''}`,
        );
    }
  const compareOptions = [...comparable].map(([value, label]) => ({ value, label }));
  const askedCompare = url.searchParams.get('compare') ?? '';
  const compare = comparable.has(askedCompare)
    ? askedCompare
    : (compareOptions.find((o) => o.value.includes('--sex'))?.value ?? compareOptions[0]?.value ?? '');

  const chart = (id: string) => {
    const c = estimateChart(data, id, locale);
    return c ? { id, chart: chartView(c) } : null;
  };
  const headline = chart(chartId({ kind: 'editions', indicator: 'migrant_workers', unit: 'millions' }));
  const compared = compare ? chart(compare) : null;
  const breakdowns = breakdownsOf(data, year)
    .map((b) => chart(chartId({ kind: 'breakdown', year, ...b })))
    .filter((c) => c !== null);

  const rows = estimateRows(data, year).map((r) => ({
    indicator: indicatorLabel(r.indicator, locale),
    breakdown: r.dimension
      ? `${dimensionLabel(r.dimension, locale)}: ${categoryLabel(r.category ?? '', locale)}`
      : '',
    value: r.value,
    unit: r.unit,
    sourceId: r.source.id,
    source: `${r.source.publisher}${r.source.year ? ` (${r.source.year})` : ''}`,
    locator: r.locator,
    checked: r.checked.map((c) => ({ id: c.id, publisher: c.publisher, url: c.url })),
  }));

  return {
    editions: editions.map((e) => ({
      referenceYear: e.referenceYear,
      edition: e.edition,
      published: e.published,
    })),
    year,
    compare,
    compareOptions,
    headline,
    compared,
    breakdowns,
    rows,
  };
};
