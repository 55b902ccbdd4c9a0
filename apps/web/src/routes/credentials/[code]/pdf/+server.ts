import { certificateServicesOf, getCertificatePdf } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The printable PDF, in the page's language, for its owner and the cohort's staff (core decides). */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const lang = url.searchParams.get('lang');
  const locale = lang === 'fr' || lang === 'en' ? lang : locals.locale;
  const { pdf, fileName } = await runLoad(event, () =>
    getCertificatePdf(locals.app, certificateServicesOf(locals.app), actor, params.code, locale),
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
