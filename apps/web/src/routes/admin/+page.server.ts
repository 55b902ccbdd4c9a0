import { getAdminHome } from '@labmig/core/course-admin';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The administration start page: the sections this person may open (403 for tutors and learners). */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  return { home: await runLoad(event, () => getAdminHome(event.locals.app, actor)) };
};
