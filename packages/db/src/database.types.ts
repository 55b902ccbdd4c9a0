/**
 * Row types of every table, as stored. Timestamps are ISO-8601 UTC text, booleans are integer 0/1,
 * JSON is text. Services map these rows to domain values; rows never leave packages/core.
 */
export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  locale: string;
  country: string;
  organisation_type: string;
  job_title: string;
  created_at: string;
  updated_at: string;
}

/** A session; `id` is the sha256 hex of the token the browser holds. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** A password-reset link; `id` is the sha256 hex of the emailed token. */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One sign-in attempt; `key` combines the email and the client IP. */
export interface LoginAttemptTable {
  id: string;
  key: string;
  succeeded: number;
  created_at: string;
}

/** Mail waiting to be read by admins (no SMTP) or a record of what was sent. */
export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  locale: string;
  created_at: string;
  sent_at: string | null;
}

/** An imported course: the definition is the loader's JSON, the hash identifies the files it came from. */
export interface CourseTable {
  id: string;
  slug: string;
  title: string;
  content_hash: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

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
  language: string;
  created_at: string;
  updated_at: string;
}

/** A person's place in a cohort. */
export interface EnrolmentTable {
  id: string;
  cohort_id: string;
  user_id: string;
  role: string;
  status: string;
  answers: string;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

/** A lesson a learner marked done (no row means not done). */
export interface LessonProgressTable {
  id: string;
  enrolment_id: string;
  module_id: string;
  lesson_id: string;
  completed_at: string;
}

/** The private iCalendar feed of an enrolment; `id` is the sha256 hex of the token in the feed URL. */
export interface CalendarFeedTokenTable {
  id: string;
  enrolment_id: string;
  created_at: string;
}

/** The whole schema as Kysely sees it. */
export interface Database {
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  login_attempts: LoginAttemptTable;
  outbox: OutboxTable;
  courses: CourseTable;
  cohorts: CohortTable;
  enrolments: EnrolmentTable;
  lesson_progress: LessonProgressTable;
  calendar_feed_tokens: CalendarFeedTokenTable;
}
