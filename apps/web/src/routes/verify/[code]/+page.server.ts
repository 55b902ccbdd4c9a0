import { certificateServicesOf, checkCertificateCode } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The public verification of one certificate number: valid, revoked (with the date), unknown or mistyped. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, setHeaders } = event;
  const check = await runLoad(event, () =>
    checkCertificateCode(locals.app, certificateServicesOf(locals.app), params.code),
  );
  setHeaders({ 'cache-control': 'no-cache' });
  return { check };
};
