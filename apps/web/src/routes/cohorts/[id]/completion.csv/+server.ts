import { completionReportToCsv, getCompletionReport } from '@labmig/core/certificates';
import { csvDownload } from '$lib/server/csv-download';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The completion report as CSV (same access rule as the page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const report = await runLoad(event, () => getCompletionReport(locals.app, actor, params.id, locals.locale));
  return csvDownload(completionReportToCsv(report), `completion-${report.cohortId}.csv`);
};
