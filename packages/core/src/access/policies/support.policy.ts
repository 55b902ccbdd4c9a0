import type { Actor } from '../actor.ts';
import type { CohortAccess, OwnedAccess } from '../membership.ts';
import { hasActiveRole, isOwner, isSiteAdmin } from '../membership.rules.ts';

type InCohort = Pick<CohortAccess, 'cohortId' | 'membership'>;

/** The cohort's active tutors and managers, and site admins who are not taking the course. */
const staff = (actor: Actor, r: InCohort) =>
  hasActiveRole(actor, r, 'tutor', 'manager') || (isSiteAdmin(actor) && !hasActiveRole(actor, r, 'learner'));
const learner = (actor: Actor, r: InCohort) => hasActiveRole(actor, r, 'learner');

/**
 * The live support desk of a cohort.
 * - `support.view`: the desk page — active learners and staff (tutors, managers, site admins not taking the course).
 * - `support.ask`: ask a question — active learners (an admin enrolled as a learner asks as a learner).
 * - `support.queue`: the queue of every question, presence, claiming, answering, handing over, closing any
 *   question and turning one into a forum FAQ post — staff.
 * - `support.read`: one question (owned by its asker) — staff, and its asker while an active learner.
 * - `support.follow-up`, `support.close-own`: the asker adds to or closes their own question — active learners.
 * @example can(otherLearner, 'support.read', ownedBy(access, askerId)) // false
 */
export const supportPolicy = {
  'support.view': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort) || learner(actor, cohort),
  'support.ask': (actor: Actor, cohort: CohortAccess) => learner(actor, cohort),
  'support.queue': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'support.read': (actor: Actor, question: OwnedAccess) =>
    staff(actor, question) || (learner(actor, question) && isOwner(actor, question)),
  'support.follow-up': (actor: Actor, question: OwnedAccess) =>
    learner(actor, question) && isOwner(actor, question),
  'support.close-own': (actor: Actor, question: OwnedAccess) =>
    learner(actor, question) && isOwner(actor, question),
};
