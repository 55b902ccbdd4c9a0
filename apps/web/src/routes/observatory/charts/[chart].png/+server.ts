import { error } from '@sveltejs/kit';
import { pngResponse } from '$lib/server/observatory/chart-responses';
import { estimateChart } from '$lib/server/observatory/estimate-charts';
import { referenceData } from '$lib/server/observatory/reference';
import type { RequestHandler } from './$types';

/** A chart of the global estimates as PNG (public; in the language of the URL or the browser). */
export const GET: RequestHandler = async ({ locals, params }) => {
  const chart = estimateChart(referenceData(locals), params.chart, locals.locale);
  if (!chart) error(404, 'Not found');
  return pngResponse(chart, params.chart, 'private, max-age=3600');
};
