import type { Actor } from '../accounts/actor.ts';
import type { EnrolmentRole, EnrolmentStatus } from '../cohorts/cohort.present.ts';

/** Things one may do with the weekly assessments of a cohort. */
export type AssessmentAction =
  | 'quiz.view'
  | 'attempt.start'
  | 'attempt.answer'
  | 'attempt.review'
  | 'gradebook.own'
  | 'gradebook.cohort'
  | 'gradebook.export'
  | 'grade.manual'
  | 'grade.override'
  | 'items.analyse';

/** A cohort's assessments as a policy sees them: the actor's membership and, for an attempt, its owner. */
export interface AssessmentResource {
  readonly kind: 'assessment';
  readonly membership: { readonly role: EnrolmentRole; readonly status: EnrolmentStatus } | null;
  /** The learner who owns the attempt (attempt actions only). */
  readonly ownerUserId?: string;
}

const STAFF_ACTIONS: ReadonlySet<AssessmentAction> = new Set([
  'gradebook.cohort',
  'gradebook.export',
  'grade.manual',
  'grade.override',
  'items.analyse',
]);

/** True when the actor is a site admin or an active tutor or manager of the cohort. */
export function isAssessmentStaff(actor: Actor, resource: AssessmentResource): boolean {
  if (actor.kind !== 'user') return false;
  const m = resource.membership;
  return (
    actor.isAdmin || (m !== null && m.status === 'active' && (m.role === 'tutor' || m.role === 'manager'))
  );
}

/**
 * Whether `actor` may do `action` on a cohort's assessments. Pure.
 * - Only active learners start and answer attempts, and only their own (admins and staff never answer).
 * - A learner reviews their own attempts and grades, also after withdrawing (read-only).
 * - Active tutors and managers of the cohort, and site admins, see every attempt, the cohort gradebook and
 *   its export, grade essays, override grades and see item analysis. Waitlisted people and outsiders see nothing.
 * @example canOnAssessment(tutorOfOtherCohort, 'gradebook.cohort', { kind: 'assessment', membership: null }) // false
 */
export function canOnAssessment(
  actor: Actor,
  action: AssessmentAction,
  resource: AssessmentResource,
): boolean {
  if (actor.kind !== 'user') return false;
  const m = resource.membership;
  const learner = m !== null && m.role === 'learner';
  const activeLearner = learner && m.status === 'active';
  const owner = resource.ownerUserId === actor.userId;
  const staff = isAssessmentStaff(actor, resource);
  if (STAFF_ACTIONS.has(action)) return staff;
  switch (action) {
    case 'quiz.view':
      return staff || activeLearner;
    case 'attempt.start':
      return activeLearner;
    case 'attempt.answer':
      return activeLearner && owner;
    case 'attempt.review':
      return staff || (learner && m.status !== 'waitlisted' && owner);
    case 'gradebook.own':
      return learner && m.status !== 'waitlisted';
    default:
      return false;
  }
}
