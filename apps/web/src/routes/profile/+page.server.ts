import { fail } from '@sveltejs/kit';
import { getProfile, profileSchema, updateProfile } from '@labmig/core';
import { failWith } from '$lib/server/actions';
import { echoValues, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { requireUser } from '$lib/server/guards';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireUser(locals, url);
  const profile = await getProfile(locals.app, actor);
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
  default: async ({ locals, request, url }) => {
    const actor = requireUser(locals, url);
    const form = await request.formData();
    const parsed = parseForm(profileSchema, form, formText(locals.locale));
    if (!parsed.ok) return fail(400, parsed.failure);
    try {
      await updateProfile(locals.app, actor, parsed.data);
    } catch (error) {
      return failWith(error, echoValues(form), locals.locale);
    }
    return { saved: true };
  },
};
