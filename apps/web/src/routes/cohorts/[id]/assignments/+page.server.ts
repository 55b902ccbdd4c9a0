import { getAssignmentsIndex, type WorkloadScope } from '@labmig/core/assignments';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript. */
export const csr = false;

/**
 * The cohort's assignments: for learners, where they stand in each and what is still required; for tutors and
 * managers, the workload per assignment (to grade, graded, overdue), for the groups they follow or everyone.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const scope: WorkloadScope = url.searchParams.get('scope') === 'all' ? 'all' : 'mine';
  const index = await runLoad(event, () =>
    getAssignmentsIndex(locals.app, actor, params.id, scope, locals.locale),
  );
  return { index };
};
