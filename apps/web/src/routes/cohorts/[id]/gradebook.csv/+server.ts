import { getCohortGradebook, gradebookToCsv } from '@labmig/core/assessment';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** The gradebook as a CSV download (same access rule as the gradebook page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const book = await runLoad(event, () => getCohortGradebook(locals.app, actor, params.id));
  const filename = `gradebook-${book.cohortId}.csv`.replace(/[^\w.-]/g, '_');
  return new Response(gradebookToCsv(book), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
