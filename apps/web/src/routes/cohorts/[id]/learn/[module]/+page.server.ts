import { getModulePage } from '@labmig/core';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/** The module page: overview, objectives, lessons, presentation, activities, readings — or its outline. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const page = await loadOrError(locals.locale, () =>
    getModulePage(locals.app, actor, params.id, params.module, locals.locale),
  );
  return { page };
};
