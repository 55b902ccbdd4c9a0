import type { Actor, UserActor } from './actor.ts';
import type { CohortAccess, EnrolmentRole, Membership, OwnedAccess } from './membership.ts';

/** True for a signed-in actor. */
export const isSignedIn = (actor: Actor): actor is UserActor => actor.kind === 'user';

/** True for a signed-in site administrator. */
export const isSiteAdmin = (actor: Actor): boolean => actor.kind === 'user' && actor.isAdmin;

/**
 * The actor's own membership of the resource's cohort, whatever its status. A membership of another cohort or
 * of another person never counts, so a wrongly loaded resource cannot grant anything.
 */
export function membershipIn(
  actor: Actor,
  resource: Pick<CohortAccess, 'cohortId' | 'membership'>,
): Membership | null {
  const m = resource.membership;
  if (actor.kind !== 'user' || !m) return null;
  return m.userId === actor.userId && m.cohortId === resource.cohortId ? m : null;
}

/** True when the actor holds one of `roles` in the resource's cohort, with an active place. */
export function hasActiveRole(
  actor: Actor,
  resource: Pick<CohortAccess, 'cohortId' | 'membership'>,
  ...roles: readonly EnrolmentRole[]
): boolean {
  const m = membershipIn(actor, resource);
  return m !== null && m.status === 'active' && roles.includes(m.role);
}

/** True when the actor owns the resource. */
export const isOwner = (actor: Actor, resource: OwnedAccess): boolean =>
  actor.kind === 'user' && actor.userId === resource.ownerUserId;
