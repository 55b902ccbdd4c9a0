import { redirect } from '@sveltejs/kit';
import { signOut } from '@labmig/core';
import { localizeHref } from '$lib/paraglide/runtime';
import { clearSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/**
 * What the browser must forget at sign-out: its HTTP cache and its site storage, which holds the service worker's
 * saved lessons (Cache API) — the next person on a shared device must not read them. Cookies are handled above.
 */
const CLEAR_SITE_DATA = '"cache", "storage"';

/** Signing out is a POST only; a GET just goes home. */
export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
  default: async ({ locals, cookies, setHeaders }) => {
    if (locals.sessionToken) await signOut(locals.app, locals.sessionToken);
    clearSessionCookie(cookies);
    setHeaders({ 'clear-site-data': CLEAR_SITE_DATA });
    redirect(303, localizeHref('/'));
  },
};
