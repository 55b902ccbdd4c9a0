import { getLearnerAssessments } from '@labmig/core/assessment/index.ts';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript. */
export const csr = false;

/** The cohort's weekly assessments with the learner's grades and what is still required to pass. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const page = await loadOrError(locals.locale, () => getLearnerAssessments(locals.app, actor, params.id));
  return { page };
};
