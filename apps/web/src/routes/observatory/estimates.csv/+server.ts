import { estimateRows, estimatesCsv } from '@labmig/core/observatory';
import { referenceData } from '$lib/server/observatory/reference';
import type { RequestHandler } from './$types';

/** The figures of the global estimates with their provenance as CSV: one edition (`?edition=2022`) or all. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const data = referenceData(locals);
  const year = Number(url.searchParams.get('edition'));
  const one = data.editions.some((e) => e.reference_year === year);
  return new Response(estimatesCsv(estimateRows(data, one ? year : undefined)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ilo-global-estimates${one ? `-${year}` : ''}.csv"`,
      'cache-control': 'private, max-age=3600',
    },
  });
};
