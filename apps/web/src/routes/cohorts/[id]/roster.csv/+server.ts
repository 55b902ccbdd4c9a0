import { getRoster, rosterToCsv } from '@labmig/core/cohorts';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The roster as a CSV download (same access rule as the roster page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const roster = await runLoad(event, () => getRoster(locals.app, actor, params.id));
  return csvDownload(rosterToCsv(roster), `roster-${roster.cohort.courseSlug}-${roster.cohort.id}.csv`);
};
