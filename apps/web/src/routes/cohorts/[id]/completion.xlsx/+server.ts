import { completionReportToXlsx, getCompletionReport } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The completion report as an XLSX download (same access rule as the page). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const report = await runLoad(event, () => getCompletionReport(locals.app, actor, params.id, locals.locale));
  const bytes = completionReportToXlsx(report);
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${`completion-${report.cohortId}.xlsx`.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
};
