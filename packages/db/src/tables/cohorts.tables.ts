// Cohorts and enrolments.

/** A person's role in a cohort. */
export type EnrolmentRole = 'learner' | 'tutor' | 'manager';

/** Where a person's place in a cohort stands: `waitlisted` learners wait for a free place. */
export type EnrolmentStatus = 'active' | 'waitlisted' | 'withdrawn';

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
}

/** The cohort tables. */
export interface CohortsTables {
  cohorts: CohortTable;
  enrolments: EnrolmentTable;
}
