import { getCohortGradebook, gradebookToCsv } from '@labmig/core/assessment/index.ts';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The gradebook as a CSV download (same access rule as the gradebook page). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const book = await loadOrError(locals.locale, () => getCohortGradebook(locals.app, actor, params.id));
  return csvDownload(gradebookToCsv(book), `gradebook-${book.cohortId}.csv`);
};
