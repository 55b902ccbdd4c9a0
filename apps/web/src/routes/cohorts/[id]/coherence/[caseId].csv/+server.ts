import { coherenceCsv, getCoherenceCase } from '@labmig/core/observatory';
import { csvDownload } from '$lib/server/csv-download';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** A coherence matrix as CSV for the final assignment: one line per pair, gaps included. */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const detail = await getCoherenceCase(locals.app, actor, params.id, params.caseId);
    return csvDownload(coherenceCsv(detail.pairs), `coherence-${detail.title}.csv`);
  });
};
