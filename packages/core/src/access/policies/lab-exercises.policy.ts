import type { Actor } from '../actor.ts';
import type { CohortAccess, OwnedAccess } from '../membership.ts';
import { hasActiveRole, isOwner, isSiteAdmin, membershipIn } from '../membership.rules.ts';

/** Site admins and the cohort's active tutors and managers. */
const staff = (actor: Actor, cohort: CohortAccess | OwnedAccess) =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'tutor', 'manager');

/** A learner of the cohort who got a place (active, or withdrawn since): they keep reading their results. */
const placedLearner = (actor: Actor, cohort: CohortAccess | OwnedAccess) => {
  const m = membershipIn(actor, cohort);
  return m !== null && m.role === 'learner' && (m.status === 'active' || m.status === 'withdrawn');
};

/**
 * Lab exercises of a cohort.
 * - Staff and placed learners (active or withdrawn) see the exercises and their tasks.
 * - Only active learners answer, and only for themselves: staff never answer for a learner, a withdrawn learner's
 *   results are read-only.
 * - A learner reads their own attempts (also after withdrawing), never another learner's.
 * - Active tutors and managers of the cohort, and site admins, see every learner's attempts and the expected values.
 * @example can(learner, 'lab-exercise.results', cohortAccess) // false
 */
export const labExercisesPolicy = {
  'lab-exercise.list': (actor: Actor, cohort: CohortAccess) =>
    staff(actor, cohort) || placedLearner(actor, cohort),
  'lab-exercise.answer': (actor: Actor, work: OwnedAccess) =>
    isOwner(actor, work) && hasActiveRole(actor, work, 'learner'),
  'lab-exercise.read': (actor: Actor, work: OwnedAccess) =>
    staff(actor, work) || (isOwner(actor, work) && placedLearner(actor, work)),
  'lab-exercise.results': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
};
