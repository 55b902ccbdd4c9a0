// Assessment: question banks, quizzes, attempts, answers and grade overrides.

/** An attempt is `open` while its learner answers, `submitted` once handed in (by the learner or at the deadline). */
export type AttemptState = 'open' | 'submitted';

/** Who submitted an attempt: its learner, or the server when the time was up. */
export type AttemptSubmitter = 'learner' | 'timeout';

/** The state of a graded question. `pending` = waiting for a tutor (essays); `ungraded` = descriptions. */
export type GradeState =
  'correct' | 'partial' | 'incorrect' | 'unanswered' | 'invalid' | 'pending' | 'ungraded';

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
  state: AttemptState;
  layout: string;
  started_at: string;
  deadline_at: string | null;
  submitted_at: string | null;
  submitted_by: AttemptSubmitter | null;
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
  grade_state: GradeState | null;
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

/** The assessment tables. */
export interface AssessmentTables {
  question_categories: QuestionCategoryTable;
  questions: QuestionTable;
  question_versions: QuestionVersionTable;
  quiz_definitions: QuizDefinitionTable;
  quizzes: QuizTable;
  quiz_attempts: QuizAttemptTable;
  attempt_answers: AttemptAnswerTable;
  grade_overrides: GradeOverrideTable;
}
