import { SESSION_COOKIE } from '@labmig/core/accounts';
import type { Cookies, RequestEvent } from '@sveltejs/kit';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure on https, expiring with the session. */
export function setSessionCookie(
  event: Pick<RequestEvent, 'cookies' | 'url'>,
  token: string,
  expiresAt: Date,
): void {
  event.cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    expires: expiresAt,
  });
}

/** Re-sets the session cookie with a later expiry after the session was extended. */
export const refreshSessionCookie = setSessionCookie;

/** Removes the session cookie. */
export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * What the browser must forget whenever the person using it may change (sign-out, sign-in, a session that expired):
 * its HTTP cache and its site storage, which holds the service worker's saved lessons (Cache API) — the next person
 * on a shared device must not read them. Cookies are handled separately.
 */
export const CLEAR_SITE_DATA = '"cache", "storage"';
