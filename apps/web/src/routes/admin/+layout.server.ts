import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/**
 * Every /admin page: signed-in people only (sign in first). Each page asks core for its own data, and core's policy
 * decides: site admins everything, a cohort's managers their cohorts, everyone else 403 (or 404 for a cohort they
 * are not in).
 */
export const load: LayoutServerLoad = async (event) => {
  requireUser(event.locals, event.url);
  return {};
};
