import { getCohortGradebook, gradebookToXlsx } from '@labmig/core/assessment';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** The gradebook as an XLSX download (same access rule as the gradebook page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const book = await runLoad(event, () => getCohortGradebook(locals.app, actor, params.id, locals.locale));
  const filename = `gradebook-${book.cohortId}.xlsx`.replace(/[^\w.-]/g, '_');
  const bytes = gradebookToXlsx(book);
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
