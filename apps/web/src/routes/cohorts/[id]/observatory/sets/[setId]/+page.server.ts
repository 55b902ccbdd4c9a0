import { getTableSet, listTableSetsWithTables } from '@labmig/core/observatory';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { chartView } from '$lib/server/observatory/chart-responses';
import { sectorsChart } from '$lib/server/observatory/cohort-charts';
import { countryLabel, referenceData } from '$lib/server/observatory/reference';
import { toStatTable } from '$lib/server/observatory/tidy';
import type { PageServerLoad } from './$types';

/** One published table set: its metadata, its migrant shares by sector, and every table as the Lab shows it. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const data = referenceData(locals);
    const set = await getTableSet(locals.app, actor, params.id, params.setId);
    const sets = await listTableSetsWithTables(locals.app, actor, params.id);
    const sectors = sectorsChart(data, sets, set.id, locals.locale);
    return {
      cohortId: params.id,
      set: {
        id: set.id,
        title: set.title,
        country: set.country,
        countryName: countryLabel(data, set.country, locals.locale),
        source: set.source,
        referenceYear: set.referenceYear,
        notes: set.notes,
        publishedAt: set.publishedAt,
        owner: set.owner,
      },
      sectors: sectors ? { id: `sectors--${set.id}`, chart: chartView(sectors) } : null,
      tables: set.tables.map(toStatTable),
    };
  });
};
