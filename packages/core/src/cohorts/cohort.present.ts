import type { CohortRow, EnrolmentRole, EnrolmentStatus } from '@labmig/db';
import type { CohortPhase } from './cohort-calendar.rules.ts';

export type { EnrolmentRole, EnrolmentStatus } from '@labmig/db';

/**
 * What enrolling into a cohort would do now: `open` (a place is free), `waitlist` (full; you join the
 * waiting list), `full` (full, no waiting list), `not_yet_open`, `closed`.
 */
export type EnrolWindowState = 'open' | 'waitlist' | 'full' | 'not_yet_open' | 'closed';

/** A cohort (edition) as the course page and catalogue show it. */
export interface CohortDto {
  readonly id: string;
  readonly title: string;
  readonly courseSlug: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly language: string;
  readonly capacity: number | null;
  readonly waitlistEnabled: boolean;
  /** Learners must have confirmed their email address to enrol themselves. */
  readonly requireConfirmedEmail: boolean;
  readonly enrolOpensAt: string | null;
  readonly enrolClosesAt: string | null;
  /** Applications wait for the course team's approval. */
  readonly approvalRequired: boolean;
  /** Active learners. */
  readonly learners: number;
  /** Learners on the waiting list. */
  readonly waitlisted: number;
  /** Free places, or null when capacity is unlimited. */
  readonly placesLeft: number | null;
  readonly enrolState: EnrolWindowState;
  /** Whether it has not started, is running or has ended (by the local date in its time zone). */
  readonly phase: CohortPhase;
  /** The actor's own enrolment, if any (withdrawn enrolments included). */
  readonly mine: { readonly role: EnrolmentRole; readonly status: EnrolmentStatus } | null;
}

/** Counts of learners in a cohort. */
export interface CohortCounts {
  readonly learners: number;
  readonly waitlisted: number;
}

/** Builds the DTO of a cohort from its row, its counts, the window state and the actor's enrolment. */
export function presentCohort(
  row: CohortRow,
  courseSlug: string,
  counts: CohortCounts,
  enrolState: EnrolWindowState,
  mine: CohortDto['mine'],
  phase: CohortPhase,
): CohortDto {
  return {
    id: row.id,
    title: row.title,
    courseSlug,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    timeZone: row.time_zone,
    language: row.language,
    capacity: row.capacity,
    waitlistEnabled: row.waitlist_enabled === 1,
    requireConfirmedEmail: row.require_confirmed_email === 1,
    enrolOpensAt: row.enrol_opens_at,
    enrolClosesAt: row.enrol_closes_at,
    approvalRequired: row.approval_required === 1,
    learners: counts.learners,
    waitlisted: counts.waitlisted,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - counts.learners),
    enrolState,
    phase,
    mine,
  };
}
