import { certificateServicesOf, listMyCertificates } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The signed-in person's certificates and diplomas, with their downloads and share links. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const certificates = await runLoad(event, () =>
    listMyCertificates(locals.app, certificateServicesOf(locals.app), actor),
  );
  return { certificates };
};
