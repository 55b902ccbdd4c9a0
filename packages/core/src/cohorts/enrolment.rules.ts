import type { CohortState } from '@labmig/db';
import type { EnrolWindowState, EnrolmentStatus } from './cohort.present.ts';

/** What the enrolment rules need to know about a cohort. */
export interface EnrolmentWindow {
  readonly capacity: number | null;
  readonly waitlistEnabled: boolean;
  /** ISO-8601 instant, or null for "open since the cohort was created". */
  readonly enrolOpensAt: string | null;
  /** ISO-8601 instant, or null for "until the cohort ends". */
  readonly enrolClosesAt: string | null;
  /** `YYYY-MM-DD`: without an explicit closing time, enrolment closes at the end of this day (UTC). */
  readonly endsOn: string;
  /** A closed or archived cohort takes no one, whatever its dates. */
  readonly state: CohortState;
  /** Applications wait for the course team instead of taking a place at once. */
  readonly approvalRequired: boolean;
}

/**
 * The state of a cohort's enrolment at `now`, given how many learners are active.
 * Closed and not-yet-open win over full; a full cohort with a waiting list reports `waitlist`.
 */
export function enrolWindowState(
  window: EnrolmentWindow,
  activeLearners: number,
  now: Date,
): EnrolWindowState {
  const at = now.toISOString();
  if (window.state !== 'open') return 'closed';
  if (window.enrolOpensAt !== null && at < window.enrolOpensAt) return 'not_yet_open';
  const closesAt = window.enrolClosesAt ?? `${window.endsOn}T23:59:59.999Z`;
  if (at >= closesAt) return 'closed';
  if (window.capacity !== null && activeLearners >= window.capacity)
    return window.waitlistEnabled ? 'waitlist' : 'full';
  return 'open';
}

/**
 * The status a new learner gets in a given window state, or the error code that refuses them. Where the course team
 * approves applications, an application waits (`pending`) whether or not a place is free now: the place is decided
 * when it is approved.
 */
export function learnerEnrolmentOutcome(
  state: EnrolWindowState,
  approvalRequired = false,
):
  | { readonly status: Extract<EnrolmentStatus, 'active' | 'waitlisted' | 'pending'> }
  | { readonly error: 'enrolment.full' | 'enrolment.closed' | 'enrolment.not_yet_open' } {
  switch (state) {
    case 'open':
      return { status: approvalRequired ? 'pending' : 'active' };
    case 'waitlist':
      return { status: approvalRequired ? 'pending' : 'waitlisted' };
    case 'full':
      return { error: 'enrolment.full' };
    case 'closed':
      return { error: 'enrolment.closed' };
    case 'not_yet_open':
      return { error: 'enrolment.not_yet_open' };
  }
}

/** True when a place is free for the next person on the waiting list. */
export function hasFreePlace(capacity: number | null, activeLearners: number): boolean {
  return capacity === null || activeLearners < capacity;
}

/**
 * Where an approved application goes: a free place makes it active; a full cohort puts it on its waiting list, or
 * refuses it (`enrolment.full`) when the cohort has none.
 * @example approvalOutcome({ capacity: 1, waitlistEnabled: true }, 1) // { status: 'waitlisted' }
 */
export function approvalOutcome(
  cohort: Pick<EnrolmentWindow, 'capacity' | 'waitlistEnabled'>,
  activeLearners: number,
): { readonly status: 'active' | 'waitlisted' } | { readonly error: 'enrolment.full' } {
  if (hasFreePlace(cohort.capacity, activeLearners)) return { status: 'active' };
  return cohort.waitlistEnabled ? { status: 'waitlisted' } : { error: 'enrolment.full' };
}
