import { redirect } from '@sveltejs/kit';
import { signUp, signUpSchema } from '@labmig/core';
import { localizeHref } from '$lib/paraglide/runtime';
import { failWith } from '$lib/server/actions';
import { safeNextPath } from '$lib/server/safe-next';
import { echoValues, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { countryOptions, organisationOptions } from '$lib/server/options';
import { CLEAR_SITE_DATA, setSessionCookie } from '$lib/server/session-cookie';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
  countries: countryOptions(locals.locale),
  organisationTypes: organisationOptions(locals.locale),
});

export const actions: Actions = {
  default: async (event) => {
    const { locals, request, url } = event;
    const form = await request.formData();
    const parsed = parseForm(signUpSchema, form, formText(locals.locale));
    if (!parsed.ok) return fail(400, parsed.failure);
    let session;
    try {
      session = await signUp(locals.app, parsed.data, { ip: event.getClientAddress() });
    } catch (error) {
      return failWith(error, echoValues(form), locals.locale, 'email');
    }
    setSessionCookie(event, session.sessionToken, session.expiresAt);
    event.setHeaders({ 'clear-site-data': CLEAR_SITE_DATA }); // a new person on this browser
    redirect(
      303,
      safeNextPath(url.searchParams.get('next'), localizeHref('/my', { locale: parsed.data.locale })),
    );
  },
};
