import { randomUUID } from 'node:crypto';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { extractLocaleFromUrl, localizeUrl } from '$lib/paraglide/runtime';
import { getApp, startApp } from '$lib/server/app.server';
import { LOCALE_COOKIE, preferredLocale, type Locale } from '$lib/server/locale';
import { privateCacheControl } from '$lib/server/cache-policy';
import { bodyLimitFor, limitRequestBody } from '$lib/server/request-limits';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { CLEAR_SITE_DATA, clearSessionCookie, refreshSessionCookie } from '$lib/server/session-cookie';
import { JOB_CATALOGUE } from '@labmig/core/job-catalogue';
import { resolveSession, SESSION_COOKIE } from '@labmig/core/accounts';
import { startJobRunner } from '@labmig/core/jobs';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

/**
 * Opens the app (config, database, migrations) once when the server starts and starts the background jobs; a bad
 * config stops the server.
 */
export const init: ServerInit = async () => {
  if (building) return;
  try {
    const app = await startApp();
    app.logger.info('campus started', { database: app.config.database.kind });
    // The background jobs of this process (queued mail, overdue attempts every minute, …); on shutdown, running jobs
    // get a moment to finish and are queued again otherwise (`labmig serve` emits sveltekit:shutdown).
    const runner = startJobRunner(app, JOB_CATALOGUE);
    process.once('sveltekit:shutdown', () => void runner.stop());
  } catch (error) {
    process.stderr.write(JSON.stringify({ level: 'error', msg: (error as Error).message }) + '\n');
    throw error;
  }
};

const REQUEST_ID = /^[\w.-]{8,100}$/;

/** Request id, app, structured access log, security headers. */
const context: Handle = async ({ event, resolve }) => {
  const incoming = event.request.headers.get('x-request-id');
  event.locals.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  event.locals.app = await getApp();
  const started = performance.now();
  const response = await resolve(event);
  response.headers.set('x-request-id', event.locals.requestId);
  applySecurityHeaders(response.headers);
  event.locals.app.logger.info('request', {
    requestId: event.locals.requestId,
    method: event.request.method,
    path: event.url.pathname,
    status: response.status,
    ms: Math.round(performance.now() - started),
  });
  return response;
};

/**
 * Language: the URL decides (`/fr/…` is French). On a first visit (no language cookie) a French browser asking for
 * an English page is sent to the French one; afterwards the cookie remembers the last language shown.
 */
const locale: Handle = async ({ event, resolve }) => {
  const urlLocale = extractLocaleFromUrl(event.url) as Locale;
  const isPage =
    event.request.method === 'GET' && (event.request.headers.get('accept') ?? '').includes('text/html');
  if (
    isPage &&
    urlLocale === 'en' &&
    !event.cookies.get(LOCALE_COOKIE) &&
    event.url.pathname !== '/healthz'
  ) {
    if (preferredLocale(event.request.headers.get('accept-language')) === 'fr') {
      const location = localizeUrl(event.url, { locale: 'fr' });
      return new Response(null, {
        status: 307,
        headers: { location: location.pathname + location.search, vary: 'Accept-Language' },
      });
    }
  }
  return paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    event.locals.locale = locale;
    if (isPage && event.cookies.get(LOCALE_COOKIE) !== locale) {
      event.cookies.set(LOCALE_COOKIE, locale, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: event.url.protocol === 'https:',
        maxAge: 60 * 60 * 24 * 365,
      });
    }
    return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
  });
};

/** Session cookie → `locals.actor`; the Cache-Control of private responses. */
const session: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE);
  const result = await resolveSession(event.locals.app, token);
  event.locals.actor = result.actor;
  const expired = Boolean(token) && result.actor.kind === 'anonymous';
  if (expired) clearSessionCookie(event.cookies);
  if (token && result.actor.kind === 'user') {
    event.locals.sessionToken = token;
    if (result.refreshed && result.expiresAt) refreshSessionCookie(event, token, result.expiresAt);
  }
  const response = await resolve(event);
  // A session that ended without a sign-out: forget what the service worker saved for that person.
  if (expired && !response.headers.has('clear-site-data'))
    response.headers.set('clear-site-data', CLEAR_SITE_DATA);
  // Private pages are never kept by a shared cache, nor (lessons aside) by the browser.
  const cacheControl = privateCacheControl({
    path: event.url.pathname,
    signedIn: result.actor.kind === 'user',
    setsSessionCookie: response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`)),
  });
  if (cacheControl && !response.headers.has('cache-control'))
    response.headers.set('cache-control', cacheControl);
  return response;
};

/** Request bodies: 1 MiB, or the use's total on upload routes (the server itself takes any size; see request-limits). */
const bodyLimit: Handle = async ({ event, resolve }) => {
  const limited = limitRequestBody(event.request, bodyLimitFor(event.route.id));
  if (limited instanceof Response) return limited;
  event.request = limited;
  return resolve(event);
};

export const handle: Handle = sequence(context, bodyLimit, locale, session);

/** Unexpected errors: logged with the request id; the page shows only a generic message and the id. */
export const handleError: HandleServerError = async ({ error, event, status, message }) => {
  const requestId = event.locals.requestId ?? randomUUID();
  if (status !== 404) {
    const app = await getApp().catch(() => undefined);
    const fields = { requestId, status, path: event.url.pathname, error };
    if (app) app.logger.error('unhandled error', fields);
    else
      process.stderr.write(
        JSON.stringify({ level: 'error', msg: 'unhandled error', ...fields, error: String(error) }) + '\n',
      );
  }
  return { message: status === 404 ? 'Not found' : message, requestId };
};
