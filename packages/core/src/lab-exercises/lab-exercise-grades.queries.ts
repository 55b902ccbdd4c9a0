import {
  listLabExerciseAttempts,
  type CohortRow,
  type Database,
  type Kysely,
  type LabExerciseAttemptRow,
} from '@labmig/db';
import type { Locale } from '../errors/error-messages.ts';
import { exerciseGrade, exerciseStatus, type LabExerciseStatus } from './grading/lab-grading.rules.ts';
import {
  isPastDue,
  labExercisePaths,
  loadCohortLabExercises,
  titleIn,
  type CohortLabExercise,
} from './lab-exercise-context.ts';

/** One Lab exercise as a gradebook column. */
export interface LabExerciseColumnDto {
  readonly key: string;
  readonly title: string;
  readonly week: number;
  readonly points: number;
  readonly required: boolean;
  readonly attemptsAllowed: number;
  readonly href: string;
}

/** One learner's standing in one Lab exercise. */
export interface LabExerciseCellDto {
  readonly key: string;
  /** The best attempt's score (null before any attempt). */
  readonly score: number | null;
  readonly status: LabExerciseStatus;
  readonly attemptsUsed: number;
}

/** The Lab exercise columns of a cohort and every listed learner's cells. */
export interface LabExerciseGrades {
  readonly columns: readonly LabExerciseColumnDto[];
  /** User id → cells, in column order. */
  readonly cells: ReadonlyMap<string, readonly LabExerciseCellDto[]>;
}

/** A learner's cell from their attempts (oldest first). */
export function labCellOf(
  exercise: CohortLabExercise,
  attempts: readonly LabExerciseAttemptRow[],
  cohort: CohortRow,
  now: Date,
): LabExerciseCellDto {
  const d = exercise.definition;
  const graded = attempts.map((a) => ({ correct: a.correct === 1, score: a.score }));
  return {
    key: exercise.key,
    score: exerciseGrade(graded),
    status: exerciseStatus(graded, d.attempts, isPastDue(cohort, d, now)),
    attemptsUsed: attempts.length,
  };
}

/** A column of the gradebook for an exercise. */
export function labColumnOf(cohort: CohortRow, e: CohortLabExercise, locale: Locale): LabExerciseColumnDto {
  return {
    key: e.key,
    title: titleIn(e.definition, locale),
    week: e.definition.week,
    points: e.definition.points,
    required: e.definition.required,
    attemptsAllowed: e.definition.attempts,
    href: labExercisePaths(cohort.id).exercise(e.key),
  };
}

/**
 * The Lab exercises of a cohort as gradebook columns, with each listed learner's cell at `now`. No authorization
 * here: the gradebook queries that call it have asserted `gradebook.own` or `gradebook.cohort`.
 */
export async function loadLabExerciseGrades(
  db: Kysely<Database>,
  cohort: CohortRow,
  userIds: readonly string[],
  now: Date,
  locale: Locale = 'en',
): Promise<LabExerciseGrades> {
  const exercises = await loadCohortLabExercises(db, cohort);
  const attempts = await listLabExerciseAttempts(db, cohort.id, { userIds });
  const cells = new Map<string, LabExerciseCellDto[]>();
  for (const userId of userIds)
    cells.set(
      userId,
      exercises.map((e) =>
        labCellOf(
          e,
          attempts.filter((a) => a.exercise_id === e.id && a.user_id === userId),
          cohort,
          now,
        ),
      ),
    );
  return { columns: exercises.map((e) => labColumnOf(cohort, e, locale)), cells };
}

/** Whether a required exercise still asks something of the learner (not attempted yet, or a retry left). */
export const labStillRequired = (column: LabExerciseColumnDto, cell: LabExerciseCellDto): boolean =>
  column.required && (cell.status === 'not-attempted' || cell.status === 'retry');
