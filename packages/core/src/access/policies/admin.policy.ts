import type { Actor } from '../actor.ts';
import type { SiteAccess } from '../membership.ts';
import { isSiteAdmin } from '../membership.rules.ts';

/**
 * Site administration: the admin pages and the mail outbox. Site admins only.
 * @example can(tutor, 'outbox.view', SITE) // false
 */
export const adminPolicy = {
  'admin.view': (actor: Actor, _site: SiteAccess) => isSiteAdmin(actor),
  'outbox.view': (actor: Actor, _site: SiteAccess) => isSiteAdmin(actor),
};
