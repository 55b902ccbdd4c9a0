import {
  COUNTRY_INDICATOR_IDS,
  listTableSetsWithTables,
  type CountryIndicator,
} from '@labmig/core/observatory';
import { countryIndicatorLabel } from '$lib/observatory/labels';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { chartView } from '$lib/server/observatory/chart-responses';
import { atlasChart } from '$lib/server/observatory/cohort-charts';
import { referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/**
 * The atlas: a world map of an indicator taken from the cohort's published table sets (chosen with a GET form),
 * drawn on the server, with its legend and the data as a table.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const asked = url.searchParams.get('indicator') ?? '';
    const indicator: CountryIndicator = (COUNTRY_INDICATOR_IDS as string[]).includes(asked)
      ? (asked as CountryIndicator)
      : 'emp_migrant_share';
    const sets = await listTableSetsWithTables(locals.app, actor, params.id);
    const map = atlasChart(referenceData(locals), sets, indicator, locals.locale);
    return {
      cohortId: sets.cohortId,
      cohortTitle: sets.cohortTitle,
      indicator,
      options: COUNTRY_INDICATOR_IDS.map((value) => ({
        value,
        label: countryIndicatorLabel(value, locals.locale),
      })),
      map: map ? { id: `atlas--${indicator}`, chart: chartView(map, { inline: false }) } : null,
    };
  });
};
