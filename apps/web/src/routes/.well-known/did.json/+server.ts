import { DID_DOCUMENT_MEDIA_TYPE, certificateServicesOf } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** The issuer's DID document (did:web of ORIGIN): every public key it has signed with, old ones too. */
export const GET: RequestHandler = async (event) => {
  const { locals } = event;
  const document = await runLoad(event, () => certificateServicesOf(locals.app).issuer.didDocument());
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      'content-type': `${DID_DOCUMENT_MEDIA_TYPE}; charset=utf-8`,
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    },
  });
};
