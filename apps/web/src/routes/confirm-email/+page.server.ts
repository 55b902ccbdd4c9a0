import {
  getProfile,
  requestConfirmation,
  resendConfirmation,
  resetRequestSchema,
  safeNextPath,
} from '@labmig/core/accounts';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Who is asking: the signed-in person's address and whether it is confirmed, or nobody. */
export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  const actor = locals.actor;
  if (actor.kind !== 'user') return { viewer: null };
  const profile = await runLoad(event, () => getProfile(locals.app, actor));
  return { viewer: { email: profile.email, confirmed: profile.emailConfirmed } };
};

export const actions: Actions = {
  /** Signed in: a new link to the account's address (`next`: the page to come back to, e.g. the course page). */
  resend: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(
      event,
      async (form) => {
        const next = safeNextPath(String(form.get('next') ?? ''), '');
        const { sent } = await resendConfirmation(locals.app, actor, next ? { next } : {});
        return { resent: sent, next };
      },
      { values: () => ({}) },
    );
  },
  /** Not signed in: a new link when the address has an account waiting for confirmation; the same answer otherwise. */
  request: async (event) => {
    const { locals } = event;
    return runAction(event, async (form) => {
      await requestConfirmation(
        locals.app,
        orReject(parseForm(resetRequestSchema, form, formText(locals.locale))),
      );
      return { requested: true };
    });
  },
};
