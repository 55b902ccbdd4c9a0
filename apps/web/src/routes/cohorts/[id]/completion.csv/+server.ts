import { completionReportToCsv, getCompletionReport } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The completion report as CSV (same access rule as the page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const report = await runLoad(event, () => getCompletionReport(locals.app, actor, params.id, locals.locale));
  return new Response(completionReportToCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${`completion-${report.cohortId}.csv`.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
};
