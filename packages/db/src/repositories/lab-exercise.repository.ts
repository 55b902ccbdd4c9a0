import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, LabExerciseAttemptTable, LabExerciseDefinitionTable } from '../database.types.ts';
import { listCourseDefinitions } from './course-definition.repository.ts';

/** A Lab exercise as defined for a course. */
export type LabExerciseDefinitionRow = Selectable<LabExerciseDefinitionTable>;
/** One graded attempt of a learner at a Lab exercise. */
export type LabExerciseAttemptRow = Selectable<LabExerciseAttemptTable>;

/** The Lab exercises of a course in course order (retired ones left out unless asked for). */
export function listLabExerciseDefinitions(
  db: Kysely<Database>,
  courseId: string,
  options: { includeRetired?: boolean } = {},
): Promise<LabExerciseDefinitionRow[]> {
  return listCourseDefinitions(db, 'lab_exercise_definitions', courseId, options);
}

/** The attempts at the Lab exercises of a cohort (optionally of some learners), oldest first. */
export async function listLabExerciseAttempts(
  db: Kysely<Database>,
  cohortId: string,
  filter: { readonly userIds?: readonly string[]; readonly exerciseId?: string } = {},
): Promise<LabExerciseAttemptRow[]> {
  let query = db.selectFrom('lab_exercise_attempts').selectAll().where('cohort_id', '=', cohortId);
  if (filter.userIds) {
    if (filter.userIds.length === 0) return [];
    query = query.where('user_id', 'in', filter.userIds);
  }
  if (filter.exerciseId) query = query.where('exercise_id', '=', filter.exerciseId);
  return query.orderBy('user_id').orderBy('attempt').execute();
}

/**
 * Inserts an attempt unless the learner already has one with this number (two tabs answering at once). Returns
 * whether this call inserted it.
 */
export async function insertLabExerciseAttempt(
  db: Kysely<Database>,
  row: Insertable<LabExerciseAttemptTable>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('lab_exercise_attempts')
    .values(row)
    .onConflict((oc) => oc.columns(['exercise_id', 'cohort_id', 'user_id', 'attempt']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}
