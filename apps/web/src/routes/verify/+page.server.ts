import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/** The form to type a certificate number; `?code=` (the form, GET) goes to its verify page. */
export const load: PageServerLoad = ({ url }) => {
  const code = url.searchParams.get('code')?.trim();
  if (code) redirect(303, localizeHref(`/verify/${encodeURIComponent(code.slice(0, 64))}`));
  return {};
};
