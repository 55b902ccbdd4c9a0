import type { Actor, UserActor } from './actor.ts';
import type { GroupRelations } from './group-access.ts';
import type { CohortAccess, EnrolmentRole, GroupOwnedAccess, Membership, OwnedAccess } from './membership.ts';

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

/**
 * The actor's own group relations in the resource's cohort (null otherwise): relations loaded for another person
 * or cohort never count, like memberships.
 */
export function groupRelationsIn(
  actor: Actor,
  resource: Pick<CohortAccess, 'cohortId'> & { readonly groups: GroupRelations | null },
): GroupRelations | null {
  const g = resource.groups;
  if (actor.kind !== 'user' || !g) return null;
  return g.userId === actor.userId && g.cohortId === resource.cohortId ? g : null;
}

/** True when the actor is a member of the group that owns the resource (by the actor's own group relations). */
export const isGroupMember = (actor: Actor, resource: GroupOwnedAccess): boolean =>
  groupRelationsIn(actor, resource)?.memberOf === resource.ownerGroupId;
