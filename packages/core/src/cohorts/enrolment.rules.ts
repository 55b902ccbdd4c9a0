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
  if (window.enrolOpensAt !== null && at < window.enrolOpensAt) return 'not_yet_open';
  const closesAt = window.enrolClosesAt ?? `${window.endsOn}T23:59:59.999Z`;
  if (at >= closesAt) return 'closed';
  if (window.capacity !== null && activeLearners >= window.capacity)
    return window.waitlistEnabled ? 'waitlist' : 'full';
  return 'open';
}

/** The status a new learner gets in a given window state, or the error code that refuses them. */
export function learnerEnrolmentOutcome(
  state: EnrolWindowState,
):
  | { readonly status: Extract<EnrolmentStatus, 'active' | 'waitlisted'> }
  | { readonly error: 'enrolment.full' | 'enrolment.closed' | 'enrolment.not_yet_open' } {
  switch (state) {
    case 'open':
      return { status: 'active' };
    case 'waitlist':
      return { status: 'waitlisted' };
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
