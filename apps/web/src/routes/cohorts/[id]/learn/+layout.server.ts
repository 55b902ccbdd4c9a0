import { getCourseNav } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { LayoutServerLoad } from './$types';

/** The staff progress grid needs the page's whole width: no contents beside it. */
const FULL_WIDTH = new Set(['/cohorts/[id]/learn/progress']);

/**
 * The course's contents (weeks → modules → lessons, with the learner's done lessons) for the navigation beside
 * every learning page of the cohort; loaded once here for all of them, with the course home's access rule.
 */
export const load: LayoutServerLoad = async (event) => {
  const { locals, params, url, route } = event;
  const actor = requireUser(locals, url);
  if (FULL_WIDTH.has(route.id)) return { courseNav: null };
  const courseNav = await runLoad(event, () => getCourseNav(locals.app, actor, params.id, locals.locale));
  return { courseNav };
};
