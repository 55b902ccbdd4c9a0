import { error } from '@sveltejs/kit';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { chartView } from '$lib/server/observatory/chart-responses';
import { cohortChart } from '$lib/server/observatory/cohort-charts';
import { referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/** A chart or map of the cohort observatory on its own page (stable URL, no JavaScript needed). */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const chart = await cohortChart(locals, actor, params.id, referenceData(locals), params.chart);
    if (!chart) error(404, 'Not found');
    return { cohortId: params.id, id: params.chart, chart: chartView(chart) };
  });
};
