import { changeEmailSchema, getProfile, requestEmailChange } from '@labmig/core/accounts';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const profile = await runLoad(event, () => getProfile(event.locals.app, actor));
  return { email: profile.email };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async (form) => {
      const data = orReject(parseForm(changeEmailSchema, form, formText(locals.locale)));
      return {
        sentTo: (await requestEmailChange(locals.app, actor, data, { requestId: locals.requestId })).email,
      };
    });
  },
};
