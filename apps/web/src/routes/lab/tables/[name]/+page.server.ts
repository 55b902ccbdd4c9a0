import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guards';
import { practiceTables } from '$lib/server/lab/practice-tables';
import { publishTargets } from '$lib/server/observatory/publish-targets';
import type { PageServerLoad } from './$types';

/**
 * A practice dataset's tables, computed in advance by the engine: what the Lab shows without JavaScript; and the
 * form that publishes them to a cohort's observatory.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const set = await practiceTables(locals.app.config.contentDir, params.name);
  if (!set) error(404, 'Not found');
  return {
    name: set.name,
    meta: set.meta,
    tables: set.tables,
    targets: await publishTargets(locals, actor),
  };
};
