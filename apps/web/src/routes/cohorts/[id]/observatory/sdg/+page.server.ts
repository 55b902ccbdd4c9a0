import { corridorValues, listTableSetsWithTables } from '@labmig/core/observatory';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { chartView } from '$lib/server/observatory/chart-responses';
import { corridorsChart } from '$lib/server/observatory/cohort-charts';
import { countryLabel, referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/**
 * SDG 10.7.1 by corridor: every corridor value the cohort published, with both summaries the engine gives (the
 * mean of individual ratios — the indicator's definition — and the ratio of totals), and the corridors on a map.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const data = referenceData(locals);
    const sets = await listTableSetsWithTables(locals.app, actor, params.id);
    const map = corridorsChart(data, sets, locals.locale);
    const fig = (
      f: { value: number; ciLower: number | null; ciUpper: number | null; flags: readonly string[] } | null,
    ) => (f ? { value: f.value, ciLower: f.ciLower, ciUpper: f.ciUpper, flags: [...f.flags] } : null);
    return {
      cohortId: sets.cohortId,
      cohortTitle: sets.cohortTitle,
      corridors: corridorValues(sets.details).map((c) => ({
        origin: countryLabel(data, c.origin, locals.locale),
        destination: countryLabel(data, c.destination, locals.locale),
        mean: fig(c.meanOfRatios),
        totals: fig(c.ratioOfTotals),
        n: c.meanOfRatios?.n ?? c.ratioOfTotals?.n ?? null,
        setId: c.setId,
        setTitle: c.setTitle,
        referenceYear: c.referenceYear,
      })),
      map: map ? { id: 'corridors', chart: chartView(map) } : null,
    };
  });
};
