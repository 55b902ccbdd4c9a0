import { getCohortGradebook } from '@labmig/core/assessment/index.ts';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** The cohort gradebook (learners × weekly assessments): tutors, managers, admins; core refuses everyone else. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const book = await loadOrError(locals.locale, () => getCohortGradebook(locals.app, actor, params.id));
  return { book };
};
