// SvelteKit's own origin check refuses every cross-site form post, including the one-click unsubscribe POST that
// mail programs send (RFC 8058) without an Origin of the campus. The check is therefore done here, the same way,
// for every route but the few that authenticate by a signed link rather than by the session cookie.

/** Routes that accept form posts from anywhere: each checks a signed token in its URL, never the session. */
export const CROSS_SITE_POST_ROUTES: readonly RegExp[] = [/^(\/fr)?\/notifications\/unsubscribe\/?$/];

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * True when a request is a cross-site form submission to refuse: an unsafe method, a form content type, an Origin
 * that is not the site's (or none), and a route that is not one of CROSS_SITE_POST_ROUTES. Same rule as SvelteKit's
 * `csrf.checkOrigin`.
 * @example isForbiddenCrossSitePost(new Request('https://a.org/x', { method: 'POST', headers: { origin: 'https://b.org', 'content-type': 'text/plain' } })) // true
 */
export function isForbiddenCrossSitePost(request: Request): boolean {
  if (!UNSAFE.has(request.method)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return false;
  const url = new URL(request.url);
  if (request.headers.get('origin') === url.origin) return false;
  return !CROSS_SITE_POST_ROUTES.some((route) => route.test(url.pathname));
}
