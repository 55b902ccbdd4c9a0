import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import type { ErrorCode } from '../errors/error-messages.ts';
import type { Actor, UserActor } from './actor.ts';
import { isSiteAdmin, membershipIn } from './membership.rules.ts';
import { POLICIES } from './policies/index.ts';

/** Every action a policy knows (`'roster.view'`, `'attempt.answer'`, …). */
export type PolicyAction = keyof typeof POLICIES;

/** The resource an action is decided on: a cohort, something owned inside one, or the site. */
export type PolicyResource<A extends PolicyAction = PolicyAction> = Parameters<(typeof POLICIES)[A]>[1];

type Rule<A extends PolicyAction> = (actor: Actor, resource: PolicyResource<A>) => boolean;

/**
 * The one authorization check: whether `actor` may do `action` on `resource`. Pure, no I/O: the resource carries
 * the actor's membership, loaded once by `loadCohortAccess`. Unknown actions are refused.
 * @example can(learner, 'roster.view', cohortAccess) // false
 */
export function can<A extends PolicyAction>(actor: Actor, action: A, resource: PolicyResource<A>): boolean {
  const rule = Object.hasOwn(POLICIES, action) ? (POLICIES[action] as Rule<A>) : undefined;
  return rule !== undefined && rule(actor, resource);
}

/** How a refusal reads. */
export interface Refusal {
  /** For people outside the cohort: answer "not found" with this code, so they cannot probe ids. */
  readonly hidden?: ErrorCode;
  /** The code of the ForbiddenError (default `forbidden`). */
  readonly forbidden?: ErrorCode;
}

/**
 * Throws unless `can(actor, action, resource)` and the actor is signed in (commands that anonymous visitors may
 * use call `can` themselves): UnauthenticatedError for anonymous actors; NotFoundError
 * (`refusal.hidden`) for signed-in people with no membership in the resource's cohort who are not site admins;
 * ForbiddenError (`refusal.forbidden`) otherwise.
 */
export function assertCan<A extends PolicyAction>(
  actor: Actor,
  action: A,
  resource: PolicyResource<A>,
  refusal: Refusal = {},
): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (can(actor, action, resource)) return;
  const r = resource as PolicyResource;
  if (refusal.hidden && r.kind !== 'site' && membershipIn(actor, r) === null && !isSiteAdmin(actor))
    throw new NotFoundError(refusal.hidden);
  throw new ForbiddenError(refusal.forbidden);
}
