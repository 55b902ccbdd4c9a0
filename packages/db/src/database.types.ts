import type { PlatformTables } from './platform/platform.types.ts';

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

/** A question-bank category of a course (GIFT $CATEGORY path, segments separated by /). */
export interface QuestionCategoryTable {
  id: string;
  course_id: string;
  path: string;
  created_at: string;
}

/** A question of a course bank, named by its GIFT title; `current_version` is the latest imported version. */
export interface QuestionTable {
  id: string;
  course_id: string;
  name: string;
  category_id: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

/** An immutable version of a question: the parsed question as JSON and the hash it was compared by. */
export interface QuestionVersionTable {
  id: string;
  question_id: string;
  version: number;
  content_hash: string;
  definition: string;
  source_file: string;
  created_at: string;
}

/** A quiz as defined in content for a course (JSON of the QuizDefinition). */
export interface QuizDefinitionTable {
  id: string;
  course_id: string;
  quiz_key: string;
  definition: string;
  updated_at: string;
}

/** A quiz scheduled for a cohort: the definition JSON and the dates computed from the cohort schedule. */
export interface QuizTable {
  id: string;
  cohort_id: string;
  quiz_key: string;
  week: number;
  title: string;
  definition: string;
  opens_at: string;
  closes_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One attempt; `layout` (JSON) freezes questions, versions, order, choice order and calculated values. */
export interface QuizAttemptTable {
  id: string;
  quiz_id: string;
  user_id: string;
  attempt_number: number;
  state: string;
  layout: string;
  started_at: string;
  deadline_at: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  marks: number | null;
  max_marks: number | null;
  grade: number | null;
  pending_count: number;
  updated_at: string;
}

/** The saved answer and grade of one slot of an attempt. */
export interface AttemptAnswerTable {
  attempt_id: string;
  slot: number;
  response: string | null;
  checked: number;
  grade_state: string | null;
  fraction: number | null;
  matched: string | null;
  graded_by: string | null;
  comment: string | null;
  saved_at: string;
}

/** A tutor's or manager's override of a quiz grade (append-only: the latest row applies; grade null clears). */
export interface GradeOverrideTable {
  id: string;
  quiz_id: string;
  user_id: string;
  grade: number | null;
  reason: string;
  created_by: string;
  created_at: string;
}

/** The whole schema as Kysely sees it. */
export interface Database extends PlatformTables {
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
  question_categories: QuestionCategoryTable;
  questions: QuestionTable;
  question_versions: QuestionVersionTable;
  quiz_definitions: QuizDefinitionTable;
  quizzes: QuizTable;
  quiz_attempts: QuizAttemptTable;
  attempt_answers: AttemptAnswerTable;
  grade_overrides: GradeOverrideTable;
}
