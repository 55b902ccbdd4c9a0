import { error } from '@sveltejs/kit';
import { toCsv } from '@labmig/stats';
import { requireUser } from '$lib/server/guards';
import { practiceTables } from '$lib/server/lab/practice-tables';
import type { RequestHandler } from './$types';

/** One precomputed table of a practice dataset as CSV: the engine's CSV, as `labmig stats tables` writes it. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const set = await practiceTables(locals.app.config.contentDir, params.name);
  const table = set?.tables.find((t) => t.id === params.table);
  if (!set || !table) error(404, 'Not found');
  return new Response(toCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${set.name}-${table.id}.csv"`,
      'cache-control': 'private, max-age=3600',
    },
  });
};
