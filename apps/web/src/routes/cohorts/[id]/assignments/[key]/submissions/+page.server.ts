import { getAssignmentWorkload, releaseReadyGrades, type WorkloadScope } from '@labmig/core/assignments';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Reading page with one form (release all): server-rendered only. */
export const csr = false;

/** The submissions of one assignment for tutors: to grade, graded, overdue; release every grade marked ready. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const scope: WorkloadScope = url.searchParams.get('scope') === 'all' ? 'all' : 'mine';
  const page = await runLoad(event, () =>
    getAssignmentWorkload(locals.app, actor, { cohortId: params.id, key: params.key }, scope, locals.locale),
  );
  return { page };
};

export const actions: Actions = {
  /** Releases every grade marked ready; grades in progress stay hidden. */
  releaseAll: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async () => {
      const result = await releaseReadyGrades(event.locals.app, actor, {
        cohortId: event.params.id,
        key: event.params.key,
      });
      return { released: result.released, inProgress: result.inProgress };
    });
  },
};
