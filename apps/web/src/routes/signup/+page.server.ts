import { redirect } from '@sveltejs/kit';
import { ACCOUNT_LIMITS, signUp, signUpSchema } from '@labmig/core/accounts';
import { localizeHref } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/actions';
import { runAction } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { countryOptions, organisationOptions } from '$lib/server/options';
import { CLEAR_SITE_DATA, setSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
  countries: countryOptions(locals.locale),
  organisationTypes: organisationOptions(locals.locale),
  passwordMin: ACCOUNT_LIMITS.passwordMin,
});

export const actions: Actions = {
  default: async (event) => {
    const { locals, url } = event;
    return runAction(
      event,
      async (form) => {
        const data = orReject(parseForm(signUpSchema, form, formText(locals.locale)));
        const session = await signUp(locals.app, data, { ip: event.getClientAddress() });
        setSessionCookie(event, session.sessionToken, session.expiresAt);
        event.setHeaders({ 'clear-site-data': CLEAR_SITE_DATA }); // a new person on this browser
        redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/my', { locale: data.locale })));
      },
      { field: 'email' },
    );
  },
};
