import { redirect } from '@sveltejs/kit';
import { signOut } from '@labmig/core/accounts';
import { localizeHref } from '$lib/paraglide/runtime';
import { CLEAR_SITE_DATA, clearSessionCookie } from '$lib/server/session-cookie';
import { runAction } from '$lib/server/edge';
import type { Actions, PageServerLoad } from './$types';

/** Signing out is a POST only; a GET just goes home. */
export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
  default: (event) =>
    runAction(event, async () => {
      const { locals, cookies, setHeaders } = event;
      if (locals.sessionToken) await signOut(locals.app, locals.sessionToken);
      clearSessionCookie(cookies);
      setHeaders({ 'clear-site-data': CLEAR_SITE_DATA });
      redirect(303, localizeHref('/'));
    }),
};
