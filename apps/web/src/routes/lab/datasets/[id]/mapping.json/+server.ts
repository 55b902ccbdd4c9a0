import { getLabDatasetPage } from '@labmig/core/lab';
import { toMappingFile } from '@labmig/stats';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The dataset's saved mapping as a labmig mapping file (to reuse on the next wave's file, or with the CLI). */
export const GET: RequestHandler = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const page = await runLoad(event, () => getLabDatasetPage(event.locals.app, actor, event.params.id));
  const file = {
    ...toMappingFile(page.mapping?.draft ?? {}),
    dataset: { file: page.dataset.name, ...(page.dataset.rows !== null ? { rows: page.dataset.rows } : {}) },
  };
  const base = page.dataset.name.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'data';
  return new Response(JSON.stringify(file, null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${base}.mapping.json"`,
      'cache-control': 'private, no-store',
    },
  });
};
