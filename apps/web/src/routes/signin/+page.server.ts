import { fail, redirect } from '@sveltejs/kit';
import { safeNextPath, signIn, signInSchema } from '@labmig/core';
import { localizeHref } from '$lib/paraglide/runtime';
import { failWith } from '$lib/server/actions';
import { echoValues, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { deviceTokenOf, setDeviceCookie } from '$lib/server/device-cookie';
import { CLEAR_SITE_DATA, setSessionCookie } from '$lib/server/session-cookie';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const { locals, request, url } = event;
    const form = await request.formData();
    const parsed = parseForm(signInSchema, form, formText(locals.locale));
    if (!parsed.ok) return fail(400, parsed.failure);
    let session;
    try {
      session = await signIn(locals.app, parsed.data, {
        ip: event.getClientAddress(),
        deviceToken: deviceTokenOf(event),
      });
    } catch (error) {
      return failWith(error, echoValues(form), locals.locale);
    }
    setSessionCookie(event, session.sessionToken, session.expiresAt);
    setDeviceCookie(event, session.deviceToken);
    // Lessons saved offline by whoever used this browser before must not be readable now.
    event.setHeaders({ 'clear-site-data': CLEAR_SITE_DATA });
    // Without a page to return to, the user lands on My courses in the language of their profile.
    redirect(
      303,
      safeNextPath(url.searchParams.get('next'), localizeHref('/my', { locale: session.user.locale })),
    );
  },
};
