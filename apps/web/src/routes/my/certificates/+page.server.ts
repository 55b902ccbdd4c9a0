import { certificateServicesOf, listMyCertificates, listMyProgrammeRecords } from '@labmig/core/certificates';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The signed-in person's certificates and diplomas, with their downloads and share links, and their programmes. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const services = certificateServicesOf(locals.app);
  // The programme records first: they issue a diploma that is due, so the list below already shows it.
  const programmes = await runLoad(event, () =>
    listMyProgrammeRecords(locals.app, services, actor, locals.locale),
  );
  const certificates = await runLoad(event, () => listMyCertificates(locals.app, services, actor));
  return {
    certificates,
    programmes: programmes.map((p) => ({
      slug: p.slug,
      title: p.title,
      requiredTotal: p.requiredTotal,
      requiredEarned: p.requiredEarned,
      electivesNeeded: p.electivesNeeded,
      electivesEarned: Math.min(p.electivesEarned, p.electivesNeeded),
    })),
  };
};
