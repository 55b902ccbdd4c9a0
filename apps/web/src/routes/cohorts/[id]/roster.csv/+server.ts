import { getRoster, rosterToCsv } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The roster as a CSV download (same access rule as the roster page). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const roster = await loadOrError(locals.locale, () => getRoster(locals.app, actor, params.id));
  return csvDownload(rosterToCsv(roster), `roster-${roster.cohort.courseSlug}-${roster.cohort.id}.csv`);
};
