import { error } from '@sveltejs/kit';
import { can } from '@labmig/core';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** Every /admin page: site administrators only (403 for everyone else, sign-in first for visitors). */
export const load: LayoutServerLoad = ({ locals, url }) => {
  const actor = requireUser(locals, url);
  if (!can(actor, 'admin.view', { kind: 'site' }))
    error(403, m.error_forbidden({}, { locale: locals.locale }));
  return {};
};
