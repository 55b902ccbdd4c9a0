import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The emailed link's path; the form lives at /reset/[token]. */
export const GET: RequestHandler = ({ params }) =>
  redirect(308, localizeHref(`/reset/${encodeURIComponent(params.token)}`));
