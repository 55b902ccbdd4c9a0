import type { CohortState, EnrolmentRole, EnrolmentStatus } from '@labmig/db';
import type { CohortTransition } from './course-admin.schema.ts';

const MOVES: Readonly<Record<CohortTransition, Readonly<Partial<Record<CohortState, CohortState>>>>> = {
  close: { open: 'closed' },
  reopen: { closed: 'open' },
  archive: { open: 'archived', closed: 'archived' },
  restore: { archived: 'closed' },
};

/**
 * Where a life-cycle move takes a cohort, or null when it does not apply (closing a closed cohort, reopening an
 * archived one). A restored cohort comes back closed: someone reopens it on purpose.
 * @example nextCohortState('archived', 'restore') // 'closed'
 */
export function nextCohortState(state: CohortState, transition: CohortTransition): CohortState | null {
  return MOVES[transition][state] ?? null;
}

/** What a change of role does to a place, or the error that refuses it. */
export type RoleChangeOutcome =
  | { readonly status: 'active'; readonly freesPlace: boolean }
  | { readonly error: 'enrolment.not_placed' | 'enrolment.role_unchanged' | 'enrolment.no_place' };

/**
 * A change of role: only people with a place or waiting for one change role; staff never count against capacity, so
 * a learner who becomes staff is active (and frees a learner's place if they held one); someone who becomes a learner
 * needs a free place (`hasFreePlace`).
 * @example roleChangeOutcome({ role: 'learner', status: 'active' }, 'tutor', false) // { status: 'active', freesPlace: true }
 */
export function roleChangeOutcome(
  current: { readonly role: EnrolmentRole; readonly status: EnrolmentStatus },
  role: EnrolmentRole,
  hasFreePlace: boolean,
): RoleChangeOutcome {
  if (current.status !== 'active' && current.status !== 'waitlisted')
    return { error: 'enrolment.not_placed' };
  if (current.role === role && current.status === 'active') return { error: 'enrolment.role_unchanged' };
  if (role !== 'learner')
    return { status: 'active', freesPlace: current.role === 'learner' && current.status === 'active' };
  if (current.role === 'learner' && current.status === 'waitlisted')
    return { error: 'enrolment.role_unchanged' };
  return hasFreePlace ? { status: 'active', freesPlace: false } : { error: 'enrolment.no_place' };
}

/** The statuses someone can be withdrawn from by the course team. */
export const REMOVABLE: readonly EnrolmentStatus[] = ['active', 'waitlisted', 'pending'];
