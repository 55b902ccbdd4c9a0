import { CREDENTIAL_MEDIA_TYPE, certificateServicesOf, getStatusListText } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** A signed revocation list (Bitstring Status List credential), public; verifiers fetch it to see revocations. */
export const GET: RequestHandler = async (event) => {
  const { locals, params } = event;
  const list = /^\d{1,6}$/.test(params.list) ? Number(params.list) : 0;
  const text = await runLoad(event, () =>
    getStatusListText(locals.app, certificateServicesOf(locals.app), list),
  );
  return new Response(text, {
    headers: {
      'content-type': `${CREDENTIAL_MEDIA_TYPE}; charset=utf-8`,
      // Short: a revocation must reach verifiers soon.
      'cache-control': 'public, max-age=60',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    },
  });
};
