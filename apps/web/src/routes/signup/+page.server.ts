import { ACCOUNT_LIMITS, CONFIRM_TTL_HOURS, signUp, signUpSchema } from '@labmig/core/accounts';
import { runAction } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { countryOptions, organisationOptions } from '$lib/server/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
  countries: countryOptions(locals.locale),
  organisationTypes: organisationOptions(locals.locale),
  passwordMin: ACCOUNT_LIMITS.passwordMin,
});

export const actions: Actions = {
  /**
   * Creates the account and mails the link that confirms its address; nobody is signed in. The answer is the same
   * when the address has an account already (its owner gets a mail instead), so the page never tells.
   */
  default: async (event) => {
    const { locals, url } = event;
    return runAction(event, async (form) => {
      const data = orReject(parseForm(signUpSchema, form, formText(locals.locale)));
      const { email } = await signUp(locals.app, data, {
        ip: event.getClientAddress(),
        next: url.searchParams.get('next') ?? undefined,
      });
      return { sent: true as const, email, hours: CONFIRM_TTL_HOURS };
    });
  },
};
