import { getCohortGradebook, gradebookToCsv } from '@labmig/core/assessment';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The gradebook as a CSV download (same access rule as the gradebook page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const book = await runLoad(event, () => getCohortGradebook(locals.app, actor, params.id));
  return csvDownload(gradebookToCsv(book), `gradebook-${book.cohortId}.csv`);
};
