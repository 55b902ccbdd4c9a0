import { fail } from '@sveltejs/kit';
import {
  getProfile,
  requestConfirmation,
  resendConfirmation,
  resetRequestSchema,
  safeNextPath,
} from '@labmig/core';
import { failWith } from '$lib/server/actions';
import { parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Who is asking: the signed-in person's address and whether it is confirmed, or nobody. */
export const load: PageServerLoad = async ({ locals }) => {
  if (locals.actor.kind !== 'user') return { viewer: null };
  const profile = await getProfile(locals.app, locals.actor);
  return { viewer: { email: profile.email, confirmed: profile.emailConfirmed } };
};

export const actions: Actions = {
  /** Signed in: a new link to the account's address (`next`: the page to come back to, e.g. the course page). */
  resend: async ({ locals, request, url }) => {
    const actor = requireUser(locals, url);
    const next = safeNextPath(String((await request.formData()).get('next') ?? ''), '');
    try {
      const { sent } = await resendConfirmation(locals.app, actor, next ? { next } : {});
      return { resent: sent, next };
    } catch (error) {
      return failWith(error, {}, locals.locale);
    }
  },
  /** Not signed in: a new link when the address has an account waiting for confirmation; the same answer otherwise. */
  request: async ({ locals, request }) => {
    const form = await request.formData();
    const parsed = parseForm(resetRequestSchema, form, formText(locals.locale));
    if (!parsed.ok) return fail(400, parsed.failure);
    await requestConfirmation(locals.app, parsed.data);
    return { requested: true };
  },
};
