import { CONFIRM_TTL_HOURS, signUp, signUpSchema } from '@labmig/core';
import { fail } from '@sveltejs/kit';
import { failWith } from '$lib/server/actions';
import { echoValues, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
  countries: countryOptions(locals.locale),
  organisationTypes: organisationOptions(locals.locale),
});

export const actions: Actions = {
  /**
   * Creates the account and mails the link that confirms its address; nobody is signed in. The answer is the same
   * when the address has an account already (its owner gets a mail instead), so the page never tells.
   */
  default: async (event) => {
    const { locals, request, url } = event;
    const form = await request.formData();
    const parsed = parseForm(signUpSchema, form, formText(locals.locale));
    if (!parsed.ok) return fail(400, parsed.failure);
    try {
      const { email } = await signUp(locals.app, parsed.data, {
        ip: event.getClientAddress(),
        next: url.searchParams.get('next') ?? undefined,
      });
      return { sent: true as const, email, hours: CONFIRM_TTL_HOURS };
    } catch (error) {
      return failWith(error, echoValues(form), locals.locale);
    }
  },
};
