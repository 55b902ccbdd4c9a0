import { exportQuestionBankGift } from '@labmig/core/assessment';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** The course's question bank as one GIFT file, for Moodle's "Import questions" (staff of the cohort only). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const gift = await runLoad(event, () => exportQuestionBankGift(locals.app, actor, params.id));
  const filename = `question-bank-${params.id}.gift`.replace(/[^\w.-]/g, '_');
  return new Response(gift, {
    headers: {
      // GIFT is plain UTF-8 text; Moodle's importer reads it as such.
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
