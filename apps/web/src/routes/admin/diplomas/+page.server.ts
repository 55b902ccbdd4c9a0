import { certificateServicesOf, listDiplomas, revokeCertificate } from '@labmig/core/certificates';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Every diploma issued, with a revocation form each (site admins; core refuses everyone else). */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const diplomas = await runLoad(event, () =>
    listDiplomas(locals.app, certificateServicesOf(locals.app), actor, locals.locale),
  );
  return { diplomas };
};

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
  /** Revokes one diploma: `certificateId`, `reason`. */
  revoke: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const revoked = await revokeCertificate(locals.app, certificateServicesOf(locals.app), actor, {
          certificateId: text(form, 'certificateId'),
          reason: text(form, 'reason'),
        });
        return { revoked: revoked.code };
      },
      { extra: (form) => ({ certificateId: text(form, 'certificateId') }) },
    );
  },
};
