import { getCourseNav } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { LayoutServerLoad } from './$types';

/** The staff progress grid needs the page's whole width: no contents beside it. */
const FULL_WIDTH = new Set(['/cohorts/[id]/learn/progress']);

/**
 * The course's contents (weeks → modules → lessons, with the learner's done lessons) for the navigation beside
 * every learning page of the cohort; loaded once here for all of them, with the course home's access rule. A
 * manager's preview of the course home (`?preview=N`) gets the contents as that week's learner sees them.
 */
export const load: LayoutServerLoad = async (event) => {
  const { locals, params, url, route } = event;
  const actor = requireUser(locals, url);
  if (FULL_WIDTH.has(route.id)) return { courseNav: null };
  const week = Number(url.searchParams.get('preview') ?? '');
  const preview =
    route.id === '/cohorts/[id]/learn' && url.searchParams.has('preview')
      ? Number.isInteger(week)
        ? week
        : 0
      : null;
  const courseNav = await runLoad(event, () =>
    getCourseNav(locals.app, actor, params.id, locals.locale, preview),
  );
  return { courseNav };
};
