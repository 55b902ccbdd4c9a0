import type { Actor } from '../accounts/actor.ts';
import type { EnrolmentRole, EnrolmentStatus } from './cohort.present.ts';

/** Things one may do with a cohort. */
export type CohortAction = 'view' | 'enrol' | 'roster.view' | 'roster.export' | 'cohort.manage';

/** A cohort as a policy sees it: the actor's own membership, if any. */
export interface CohortResource {
  readonly kind: 'cohort';
  readonly membership: { readonly role: EnrolmentRole; readonly status: EnrolmentStatus } | null;
}

/**
 * Whether `actor` may do `action` with a cohort. Anyone may view; signed-in users may enrol;
 * only active managers of the cohort and site admins see and export the roster or manage the cohort.
 * Tutors and learners never see the roster.
 */
export function canOnCohort(actor: Actor, action: CohortAction, cohort: CohortResource): boolean {
  if (action === 'view') return true;
  if (actor.kind !== 'user') return false;
  if (action === 'enrol') return true;
  if (actor.isAdmin) return true;
  const m = cohort.membership;
  return m !== null && m.role === 'manager' && m.status === 'active';
}
