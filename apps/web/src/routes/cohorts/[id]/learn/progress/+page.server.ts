import { getProgressGrid } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** The cohort progress grid (learners × lessons): tutors, managers and admins; learners get 403 from core. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const grid = await loadOrError(locals.locale, () => getProgressGrid(locals.app, actor, params.id));
  return { grid };
};
