import { getLabExercisesIndex } from '@labmig/core/lab-exercises';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** Reading page: server-rendered only, no client JavaScript. */
export const csr = false;

/** The cohort's Lab exercises: learners see their status and score; staff see how many attempted and passed. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const index = await runLoad(event, () => getLabExercisesIndex(locals.app, actor, params.id, locals.locale));
  return { index };
};
