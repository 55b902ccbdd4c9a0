import type { Actor } from '../actor.ts';
import type { CohortAccess, OwnedAccess } from '../membership.ts';
import { hasActiveRole, isOwner, isSiteAdmin, membershipIn } from '../membership.rules.ts';

/** Site admins and the cohort's active tutors and managers. */
const staff = (actor: Actor, cohort: CohortAccess | OwnedAccess) =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'tutor', 'manager');

/** A learner of the cohort who got a place (active, or withdrawn since): they keep reading what they did. */
const placedLearner = (actor: Actor, cohort: CohortAccess | OwnedAccess) => {
  const m = membershipIn(actor, cohort);
  return m !== null && m.role === 'learner' && (m.status === 'active' || m.status === 'withdrawn');
};

/**
 * The weekly assessments of a cohort.
 * - Only active learners start and answer attempts, and only their own (admins and staff never answer).
 * - A learner reviews their own attempts and sees their own grades, also after withdrawing (read-only).
 * - Active tutors and managers of the cohort, and site admins, see every attempt, the cohort gradebook (and CSV),
 *   grade essays, override grades, see item analysis and export the question bank.
 * - Waitlisted people, outsiders and anonymous visitors see nothing.
 * @example can(tutorOfAnotherCohort, 'gradebook.cohort', thisCohort) // false
 */
export const assessmentPolicy = {
  'quiz.view': (actor: Actor, cohort: CohortAccess) =>
    staff(actor, cohort) || hasActiveRole(actor, cohort, 'learner'),
  'attempt.start': (actor: Actor, cohort: CohortAccess) => hasActiveRole(actor, cohort, 'learner'),
  'attempt.answer': (actor: Actor, attempt: OwnedAccess) =>
    isOwner(actor, attempt) && hasActiveRole(actor, attempt, 'learner'),
  'attempt.review': (actor: Actor, attempt: OwnedAccess) =>
    staff(actor, attempt) || (isOwner(actor, attempt) && placedLearner(actor, attempt)),
  'gradebook.own': (actor: Actor, cohort: CohortAccess) => placedLearner(actor, cohort),
  'gradebook.cohort': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'grade.manual': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'grade.override': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'items.analyse': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'bank.export': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
};
