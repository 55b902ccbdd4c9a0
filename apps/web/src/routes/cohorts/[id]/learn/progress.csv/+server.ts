import { getProgressGrid, progressGridToCsv } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The progress grid as a CSV download (same access rule as the grid page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const grid = await runLoad(event, () => getProgressGrid(locals.app, actor, params.id));
  return csvDownload(progressGridToCsv(grid), `progress-${grid.cohort.courseSlug}-${grid.cohort.id}.csv`);
};
