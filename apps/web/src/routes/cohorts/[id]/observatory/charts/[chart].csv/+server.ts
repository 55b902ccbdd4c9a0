import { error } from '@sveltejs/kit';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { chartCsvResponse } from '$lib/server/observatory/chart-responses';
import { cohortChart } from '$lib/server/observatory/cohort-charts';
import { referenceData } from '$lib/server/observatory/reference';
import type { RequestHandler } from './$types';

/** A chart or map of the cohort observatory as CSV (people of the cohort only; never stored by a shared cache). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const chart = await cohortChart(locals, actor, params.id, referenceData(locals), params.chart);
    if (!chart) error(404, 'Not found');
    return chartCsvResponse(chart, params.chart, 'private, no-store');
  });
};
