import type { Actor } from '../actor.ts';
import type { CohortAccess, GroupOwnedAccess, OwnedAccess } from '../membership.ts';
import { hasActiveRole, isGroupMember, isOwner, isSiteAdmin, membershipIn } from '../membership.rules.ts';

type InCohort = CohortAccess | OwnedAccess | GroupOwnedAccess;

/** Site admins and the cohort's active tutors and managers. */
const staff = (actor: Actor, cohort: InCohort) =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'tutor', 'manager');

/** A learner of the cohort who got a place (active, or withdrawn since). */
const placedLearner = (actor: Actor, cohort: InCohort) => {
  const m = membershipIn(actor, cohort);
  return m !== null && m.role === 'learner' && (m.status === 'active' || m.status === 'withdrawn');
};

/**
 * The cohort observatory (country table sets published from the Lab, the atlas, SDG 10.7.1) and the
 * policy-coherence assessments. The public part of the Observatory (the ILO global estimates) needs no check.
 * - The cohort's placed learners (active or withdrawn) and its staff read what the cohort published.
 * - Only active learners publish, for themselves or for their own group; staff never publish for a learner.
 * - A table set is withdrawn by whoever may publish it (its owner, a member of its group) or by staff.
 * - A coherence assessment is read by its owner (or its group's members) and by staff, and written only by an
 *   active learner who owns it or is a member of the owning group.
 * @example can(learnerOfGroupA, 'coherence.group-read', caseOfGroupB) // false
 */
export const observatoryPolicy = {
  'observatory.read': (actor: Actor, cohort: CohortAccess) =>
    staff(actor, cohort) || placedLearner(actor, cohort),
  'observatory.publish': (actor: Actor, set: OwnedAccess) =>
    isOwner(actor, set) && hasActiveRole(actor, set, 'learner'),
  'observatory.group-publish': (actor: Actor, set: GroupOwnedAccess) =>
    isGroupMember(actor, set) && hasActiveRole(actor, set, 'learner'),
  'observatory.withdraw': (actor: Actor, set: OwnedAccess) =>
    staff(actor, set) || (isOwner(actor, set) && hasActiveRole(actor, set, 'learner')),
  'observatory.group-withdraw': (actor: Actor, set: GroupOwnedAccess) =>
    staff(actor, set) || (isGroupMember(actor, set) && hasActiveRole(actor, set, 'learner')),
  'coherence.list': (actor: Actor, cohort: CohortAccess) =>
    staff(actor, cohort) || placedLearner(actor, cohort),
  'coherence.read': (actor: Actor, item: OwnedAccess) =>
    staff(actor, item) || (isOwner(actor, item) && placedLearner(actor, item)),
  'coherence.group-read': (actor: Actor, item: GroupOwnedAccess) =>
    staff(actor, item) || (isGroupMember(actor, item) && placedLearner(actor, item)),
  'coherence.write': (actor: Actor, item: OwnedAccess) =>
    isOwner(actor, item) && hasActiveRole(actor, item, 'learner'),
  'coherence.group-write': (actor: Actor, item: GroupOwnedAccess) =>
    isGroupMember(actor, item) && hasActiveRole(actor, item, 'learner'),
};
