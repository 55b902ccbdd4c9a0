import {
  certificateServicesOf,
  getCompletionReport,
  issueCertificateException,
  revokeCertificate,
} from '@labmig/core/certificates';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The cohort's completion report (tutors, managers, admins), with the exception and revocation forms. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const report = await runLoad(event, () => getCompletionReport(locals.app, actor, params.id, locals.locale));
  return { report };
};

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
  /** A manager's exception: `email`, `reason`. */
  issue: async (event) => {
    const { locals, params, url } = event;
    const actor = requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const issued = await issueCertificateException(locals.app, certificateServicesOf(locals.app), actor, {
          cohortId: params.id,
          email: text(form, 'email'),
          reason: text(form, 'reason'),
        });
        return { issued: issued.code };
      },
      { extra: () => ({ form: 'issue' }) },
    );
  },
  /** Revokes one certificate: `certificateId`, `reason`. */
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
      { extra: (form) => ({ form: 'revoke', certificateId: text(form, 'certificateId') }) },
    );
  },
};
