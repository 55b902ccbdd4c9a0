import { getProgressGrid, progressGridToCsv } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The progress grid as a CSV download (same access rule as the grid page). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const grid = await loadOrError(locals.locale, () => getProgressGrid(locals.app, actor, params.id));
  return csvDownload(progressGridToCsv(grid), `progress-${grid.cohort.courseSlug}-${grid.cohort.id}.csv`);
};
