import type { Actor } from '../actor.ts';
import type { CohortAccess, GroupOwnedAccess, OwnedAccess } from '../membership.ts';
import { hasActiveRole, isGroupMember, isOwner, isSiteAdmin, membershipIn } from '../membership.rules.ts';

/** Site admins and the cohort's active tutors and managers. */
const staff = (actor: Actor, cohort: CohortAccess | OwnedAccess | GroupOwnedAccess) =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'tutor', 'manager');

/** A learner of the cohort who got a place (active, or withdrawn since): they keep reading their work. */
const placedLearner = (actor: Actor, cohort: CohortAccess | OwnedAccess | GroupOwnedAccess) => {
  const m = membershipIn(actor, cohort);
  return m !== null && m.role === 'learner' && (m.status === 'active' || m.status === 'withdrawn');
};

/**
 * Assignments of a cohort.
 * - Active learners and placed (also withdrawn) learners see the assignments; staff see them too.
 * - Only active learners write, hand in and take back work, and only their own — or their group's, when they are
 *   a member of the group. Staff never hand in for a learner.
 * - A learner reads their own work and their group's (also after withdrawing); never another learner's individual
 *   work nor another group's.
 * - Active tutors and managers of the cohort, and site admins, read all work, grade, release grades, grant
 *   extensions and see the workload.
 * @example can(learnerOfGroupA, 'assignment.group-read', workOfGroupB) // false
 */
export const assignmentsPolicy = {
  'assignment.list': (actor: Actor, cohort: CohortAccess) =>
    staff(actor, cohort) || placedLearner(actor, cohort),
  'assignment.submit': (actor: Actor, work: OwnedAccess) =>
    isOwner(actor, work) && hasActiveRole(actor, work, 'learner'),
  'assignment.read': (actor: Actor, work: OwnedAccess) =>
    staff(actor, work) || (isOwner(actor, work) && placedLearner(actor, work)),
  'assignment.group-submit': (actor: Actor, work: GroupOwnedAccess) =>
    isGroupMember(actor, work) && hasActiveRole(actor, work, 'learner'),
  'assignment.group-read': (actor: Actor, work: GroupOwnedAccess) =>
    staff(actor, work) || (isGroupMember(actor, work) && placedLearner(actor, work)),
  'assignment.grade': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'assignment.release': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'assignment.extend': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'assignment.workload': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
};
