import type { Actor } from '../actor.ts';
import type { GroupAccess } from '../group-access.ts';
import type { CohortAccess } from '../membership.ts';
import { groupRelationsIn, hasActiveRole, isSiteAdmin } from '../membership.rules.ts';

/** Site admins who are not taking the course, and the cohort's active tutors and managers. */
const staff = (actor: Actor, r: Pick<CohortAccess, 'cohortId' | 'membership'>) =>
  (isSiteAdmin(actor) && !hasActiveRole(actor, r, 'learner')) || hasActiveRole(actor, r, 'tutor', 'manager');

/**
 * Groups of a cohort. Active tutors and managers and site admins make groups (by hand, from a CSV file or by
 * automatic allocation), name their tutors and see every group page; an active learner sees the page of their own
 * group only. Waitlisted and withdrawn people, outsiders and other cohorts' members see nothing.
 * @example can(learnerOfGroupA, 'group.view', groupB) // false
 */
export const groupsPolicy = {
  'group.manage': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'group.view': (actor: Actor, group: GroupAccess) =>
    staff(actor, group) ||
    (hasActiveRole(actor, group, 'learner') && groupRelationsIn(actor, group)?.memberOf === group.groupId),
};
