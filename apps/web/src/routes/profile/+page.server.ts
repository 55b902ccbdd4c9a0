import { getProfile, profileSchema, updateProfile } from '@labmig/core/accounts';
import { runAction, runLoad } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const profile = await runLoad(event, () => getProfile(locals.app, actor));
  return {
    profile: {
      name: profile.name,
      email: profile.email,
      country: profile.country,
      organisationType: profile.organisationType,
      jobTitle: profile.jobTitle,
      locale: profile.locale,
    },
    countries: countryOptions(locals.locale),
    organisationTypes: organisationOptions(locals.locale),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async (form) => {
      await updateProfile(
        locals.app,
        actor,
        orReject(parseForm(profileSchema, form, formText(locals.locale))),
      );
      return { saved: true };
    });
  },
};
