import { getLearnerAssessments } from '@labmig/core/assessment';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript. */
export const csr = false;

/** The cohort's weekly assessments with the learner's grades and what is still required to pass. */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const page = await runLoad(event, () => getLearnerAssessments(event.locals.app, actor, event.params.id));
  return { page };
};
