import { changePassword, changePasswordSchema } from '@labmig/core/accounts';
import { runAction } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async (form) => {
      const data = orReject(parseForm(changePasswordSchema, form, formText(locals.locale)));
      // This browser stays signed in; every other session of the account ends.
      await changePassword(locals.app, actor, data, {
        requestId: locals.requestId,
        sessionToken: locals.sessionToken,
      });
      return { saved: true };
    });
  },
};
