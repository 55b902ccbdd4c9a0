import type { Actor } from './accounts/actor.ts';
import { canAdmin, type AdminAction } from './admin/admin.policy.ts';
import { canOnCohort, type CohortAction, type CohortResource } from './cohorts/cohort.policy.ts';

/** A resource a policy can decide about. */
export type PolicyResource = CohortResource | { readonly kind: 'site' };

/** Every action a policy knows. */
export type PolicyAction = CohortAction | AdminAction;

const ADMIN_ACTIONS: ReadonlySet<string> = new Set<AdminAction>([
  'admin.view',
  'outbox.view',
  'users.manage',
]);

/**
 * One entry point for every policy: `can(actor, action, resource)`. Pure; no I/O.
 * Site actions go to the admin policy whatever the resource; cohort actions need a cohort resource.
 * @example can(learner, 'roster.view', { kind: 'cohort', membership: { role: 'learner', status: 'active' } }) // false
 */
export function can(actor: Actor, action: PolicyAction, resource: PolicyResource): boolean {
  if (ADMIN_ACTIONS.has(action)) return canAdmin(actor, action as AdminAction);
  if (resource.kind !== 'cohort') return false;
  return canOnCohort(actor, action as CohortAction, resource);
}
