import { getGroupWorkspace } from '@labmig/core/forums';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { countryName } from '$lib/server/options';
import type { PageServerLoad } from './$types';

/**
 * A group's page: members, tutor, the group exercises with their due dates and the group's private forum. Only the
 * group's learners and the cohort's staff; anyone else gets "not found" (core decides).
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const group = await runLoad(event, () =>
    getGroupWorkspace(locals.app, actor, params.id, params.groupId, locals.locale),
  );
  return {
    group: {
      ...group,
      members: group.members.map((m) => ({ ...m, country: countryName(m.country, locals.locale) })),
    },
  };
};
