import { error } from '@sveltejs/kit';
import { chartView } from '$lib/server/observatory/chart-responses';
import { estimateChart } from '$lib/server/observatory/estimate-charts';
import { referenceData } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/** A chart of the global estimates on its own page: its stable URL, rendered without JavaScript. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const chart = estimateChart(referenceData(locals), params.chart, locals.locale);
  if (!chart) error(404, 'Not found');
  return { id: params.chart, chart: chartView(chart) };
};
