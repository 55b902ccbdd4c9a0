import type { Actor } from '../accounts/actor.ts';

/** Site-wide administrative actions. */
export type AdminAction = 'admin.view' | 'outbox.view' | 'users.manage';

/** Whether `actor` may do a site administration action: site admins only. */
export function canAdmin(actor: Actor, _action: AdminAction): boolean {
  return actor.kind === 'user' && actor.isAdmin;
}
