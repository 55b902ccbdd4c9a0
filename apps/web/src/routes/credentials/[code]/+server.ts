import { CREDENTIAL_MEDIA_TYPE, getCredentialText } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/**
 * The signed Open Badges credential of a certificate, public and byte for byte as signed (`application/vc`).
 * `?download` saves it as a file named after the code.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, url } = event;
  const text = await runLoad(event, () => getCredentialText(locals.app, params.code));
  const headers: Record<string, string> = {
    'content-type': `${CREDENTIAL_MEDIA_TYPE}; charset=utf-8`,
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  };
  if (url.searchParams.has('download'))
    headers['content-disposition'] = `attachment; filename="${params.code.replace(/[^\w-]/g, '_')}.json"`;
  return new Response(text, { headers });
};
