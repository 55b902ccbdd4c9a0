import { hasAdministration } from '@labmig/core/course-admin';
import type { LayoutServerLoad } from './$types';

/**
 * Gives every page the signed-in user's name and whether they have an administration area (site admins, and
 * managers of a cohort) — never more of the session.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
  const actor = locals.actor;
  return {
    user:
      actor.kind === 'user'
        ? {
            name: actor.name,
            isAdmin: actor.isAdmin,
            administers: await hasAdministration(locals.app, actor),
          }
        : null,
  };
};
