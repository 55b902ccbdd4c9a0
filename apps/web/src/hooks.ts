import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** Maps `/fr/…` onto the same route as `/…`; the locale itself is read from the URL by paraglide. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
