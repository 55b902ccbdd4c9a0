import { listAdminCohorts } from '@labmig/core/course-admin';
import { formatDateRange } from '$lib/format';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The cohorts this person runs (all of them for site admins), with their counts; filtered by state. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  const actor = requireUser(locals, url);
  const state = url.searchParams.get('state') ?? 'current';
  const list = await runLoad(event, () => listAdminCohorts(locals.app, actor, { state }));
  return {
    state,
    canCreate: list.canCreate,
    cohorts: list.cohorts.map((c) => ({ ...c, dates: formatDateRange(c.startsOn, c.endsOn, locals.locale) })),
  };
};
