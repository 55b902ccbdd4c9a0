// Lab exercises: definitions per course (with the engine's expected values) and learners' graded attempts.

/** A Lab exercise as defined in content for a course. */
export interface LabExerciseDefinitionTable {
  id: string;
  course_id: string;
  exercise_key: string;
  position: number;
  /** JSON of the LabExerciseDefinition. */
  definition: string;
  content_hash: string;
  /** JSON: answer id → the value the engine computed for this content version. */
  expected: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One attempt of a learner at a Lab exercise in a cohort, graded when it was made. */
export interface LabExerciseAttemptTable {
  id: string;
  exercise_id: string;
  cohort_id: string;
  user_id: string;
  attempt: number;
  /** JSON: answer id → what the learner typed. */
  answers: string;
  /** JSON: answer id → `correct` | `incorrect` | `missing` | `invalid`. */
  results: string;
  /** 1 when every answer was within its tolerance. */
  correct: number;
  score: number;
  /** The content version the attempt was graded against. */
  content_hash: string;
  created_at: string;
}

/** The tables of Lab exercises. */
export interface LabExercisesTables {
  lab_exercise_definitions: LabExerciseDefinitionTable;
  lab_exercise_attempts: LabExerciseAttemptTable;
}
