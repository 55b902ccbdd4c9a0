import { getCohortGradebook } from '@labmig/core/assessment';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The cohort gradebook (learners × weekly assessments): tutors, managers, admins; core refuses everyone else. */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const book = await runLoad(event, () => getCohortGradebook(event.locals.app, actor, event.params.id));
  return { book };
};
