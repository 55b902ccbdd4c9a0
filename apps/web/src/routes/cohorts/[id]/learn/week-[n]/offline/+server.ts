import { weekOfflinePack } from '@labmig/core/learning';
import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** One open week as a self-contained HTML file to read offline (a download). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const week = Number(params.n);
  if (!/^\d{1,2}$/.test(params.n)) error(404, 'Not found');
  const pack = await runLoad(event, () => weekOfflinePack(locals.app, actor, params.id, week, locals.locale));
  const filename = pack.filename.replace(/[^\w.-]/g, '_');
  return new Response(pack.html, {
    headers: {
      'content-type': pack.contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
