import type { Generated } from 'kysely';

// Cohorts and enrolments.

/** A person's role in a cohort. */
export type EnrolmentRole = 'learner' | 'tutor' | 'manager';

/**
 * Where a person's place in a cohort stands: `pending` applications wait for the course team (cohorts that require
 * approval), `waitlisted` learners wait for a free place, `declined` applications were refused.
 */
export type EnrolmentStatus = 'active' | 'pending' | 'waitlisted' | 'withdrawn' | 'declined';

/** A cohort's life cycle: `open` as set up, `closed` to new enrolments, `archived` (hidden from the catalogue). */
export type CohortState = 'open' | 'closed' | 'archived';

/** An edition of a course. Dates are `YYYY-MM-DD` in the cohort's time zone. */
export interface CohortTable {
  id: string;
  course_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  time_zone: string;
  capacity: number | null;
  /** 1 when learners beyond capacity join a waiting list, 0 when the cohort is then simply full. */
  waitlist_enabled: number;
  enrol_opens_at: string | null;
  enrol_closes_at: string | null;
  /** 1 when learners must have confirmed their email address to enrol themselves (the default), 0 when not. */
  require_confirmed_email: number;
  language: string;
  /** Defaults to `open` (migration 0006). */
  state: Generated<CohortState>;
  /** 1 when applications wait for a manager's approval (migration 0006, default 0). */
  approval_required: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A person's place in a cohort. */
export interface EnrolmentTable {
  id: string;
  cohort_id: string;
  user_id: string;
  role: EnrolmentRole;
  status: EnrolmentStatus;
  answers: string;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
  /** Why a place was withdrawn or an application declined, as the course team wrote it (migration 0006). */
  status_reason: Generated<string | null>;
}

/** The cohort tables. */
export interface CohortsTables {
  cohorts: CohortTable;
  enrolments: EnrolmentTable;
}
