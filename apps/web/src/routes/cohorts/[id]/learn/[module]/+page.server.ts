import { getModulePage } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/** The module page: overview, objectives, lessons, presentation, activities, readings — or its outline. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const page = await runLoad(event, () =>
    getModulePage(locals.app, actor, params.id, params.module, locals.locale),
  );
  return { page };
};
