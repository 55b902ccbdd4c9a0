import { getProgressGrid } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The cohort progress grid (learners × lessons): tutors, managers and admins; learners get 403 from core. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const grid = await runLoad(event, () => getProgressGrid(locals.app, actor, params.id));
  return { grid };
};
