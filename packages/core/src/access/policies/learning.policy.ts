import type { Actor } from '../actor.ts';
import type { CohortAccess } from '../membership.ts';
import { hasActiveRole, isSiteAdmin } from '../membership.rules.ts';

/** A site admin who is not an active learner of the cohort (an admin taking the course sees it as a learner). */
const adminViewer = (actor: Actor, cohort: CohortAccess) =>
  isSiteAdmin(actor) && !hasActiveRole(actor, cohort, 'learner');

/**
 * A cohort's learning space. Active members of any role and site admins read it (course home, modules, lessons,
 * slides, glossary, calendar, offline packs); tutors, managers and admins read weeks before they open; active
 * learners record their progress and hold a calendar feed; managers and admins preview the course as a learner
 * of a given week; tutors, managers and admins see (and export) the progress grid. Waitlisted and withdrawn
 * members, outsiders and anonymous visitors get nothing.
 * @example can(tutor, 'learning.grid', tutorsCohort) // true
 */
export const learningPolicy = {
  'learning.view': (actor: Actor, cohort: CohortAccess) =>
    isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'learner', 'tutor', 'manager'),
  'learning.read-ahead': (actor: Actor, cohort: CohortAccess) =>
    adminViewer(actor, cohort) || hasActiveRole(actor, cohort, 'tutor', 'manager'),
  'learning.progress': (actor: Actor, cohort: CohortAccess) => hasActiveRole(actor, cohort, 'learner'),
  'learning.calendar': (actor: Actor, cohort: CohortAccess) => hasActiveRole(actor, cohort, 'learner'),
  'learning.preview': (actor: Actor, cohort: CohortAccess) =>
    isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'manager'),
  'learning.grid': (actor: Actor, cohort: CohortAccess) =>
    isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'tutor', 'manager'),
};
