import { hasAdministration } from '@labmig/core/course-admin';
import { countMyUnreadNotifications } from '@labmig/core/notifications';
import type { LayoutServerLoad } from './$types';

/**
 * Gives every page the signed-in user's name, admin flag, whether they have an administration area (site admins,
 * and managers of a cohort) and unread notification count (never more of the session). It reads the path so that
 * the count is fresh after every navigation, not only after a full load.
 */
export const load: LayoutServerLoad = async ({ locals, url }) => {
  const actor = locals.actor;
  void url.pathname;
  return {
    user:
      actor.kind === 'user'
        ? {
            name: actor.name,
            isAdmin: actor.isAdmin,
            unread: await countMyUnreadNotifications(locals.app, actor),
            administers: await hasAdministration(locals.app, actor),
          }
        : null,
  };
};
