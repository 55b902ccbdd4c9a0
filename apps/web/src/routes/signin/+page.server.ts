import { redirect } from '@sveltejs/kit';
import { safeNextPath, signIn, signInSchema } from '@labmig/core/accounts';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction } from '$lib/server/edge';
import { orReject, parseForm } from '$lib/server/forms';
import { formText } from '$lib/server/form-text';
import { deviceTokenOf, setDeviceCookie } from '$lib/server/device-cookie';
import { CLEAR_SITE_DATA, setSessionCookie } from '$lib/server/session-cookie';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const { locals, url } = event;
    // A deactivated account is told whom to write to.
    const extra = () => ({ contact: locals.app.config.supportEmail });
    return runAction(
      event,
      async (form) => {
        const data = orReject(parseForm(signInSchema, form, formText(locals.locale)));
        const session = await signIn(locals.app, data, {
          ip: event.getClientAddress(),
          deviceToken: deviceTokenOf(event),
        });
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
      { extra },
    );
  },
};
