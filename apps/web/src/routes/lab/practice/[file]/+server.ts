import { error } from '@sveltejs/kit';
import { openPracticeDataset } from '$lib/server/lab/practice-datasets';
import type { RequestHandler } from './$types';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  sav: 'application/x-spss-sav',
  dta: 'application/x-stata-dta',
};

/** A practice dataset (synthetic, public), for the in-browser analysis or to save. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const opened = await openPracticeDataset(locals.app.config.contentDir, params.file);
  if (!opened) error(404, 'Not found');
  return new Response(opened.body, {
    headers: {
      'content-type': TYPES[opened.dataset.format],
      'content-length': String(opened.dataset.bytes),
      'content-disposition': `attachment; filename="${opened.dataset.file}"`,
      'cache-control': 'public, max-age=86400',
    },
  });
};
