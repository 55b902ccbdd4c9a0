import type { Actor } from '../actor.ts';
import type { CohortAccess } from '../membership.ts';
import { hasActiveRole, isSignedIn, isSiteAdmin } from '../membership.rules.ts';

/**
 * Cohorts and enrolment: any signed-in person may enrol (the enrolment rules then decide: window, capacity,
 * waiting list) and withdraw their own place; only active managers of the cohort and site admins see the roster
 * (page and CSV). Tutors and learners never see it.
 * @example can(tutor, 'roster.view', tutorsCohort) // false
 */
export const cohortPolicy = {
  'cohort.enrol': (actor: Actor, _cohort: CohortAccess) => isSignedIn(actor),
  'cohort.withdraw': (actor: Actor, _cohort: CohortAccess) => isSignedIn(actor),
  'roster.view': (actor: Actor, cohort: CohortAccess) =>
    isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'manager'),
};
