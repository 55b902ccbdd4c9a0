import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, LabExerciseAttemptTable, LabExerciseDefinitionTable } from '../database.types.ts';

/** A Lab exercise as defined for a course. */
export type LabExerciseDefinitionRow = Selectable<LabExerciseDefinitionTable>;
/** One graded attempt of a learner at a Lab exercise. */
export type LabExerciseAttemptRow = Selectable<LabExerciseAttemptTable>;

/** The Lab exercises of a course in course order (retired ones left out unless asked for). */
export async function listLabExerciseDefinitions(
  db: Kysely<Database>,
  courseId: string,
  options: { includeRetired?: boolean } = {},
): Promise<LabExerciseDefinitionRow[]> {
  let query = db.selectFrom('lab_exercise_definitions').selectAll().where('course_id', '=', courseId);
  if (!options.includeRetired) query = query.where('retired_at', 'is', null);
  return query.orderBy('position').execute();
}

/** Inserts a Lab exercise definition, or updates it (by course and key) and brings it back from retirement. */
export async function upsertLabExerciseDefinition(
  db: Kysely<Database>,
  row: Insertable<LabExerciseDefinitionTable>,
): Promise<void> {
  await db
    .insertInto('lab_exercise_definitions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['course_id', 'exercise_key']).doUpdateSet({
        position: row.position,
        definition: row.definition,
        content_hash: row.content_hash,
        expected: row.expected,
        retired_at: null,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Retires the Lab exercises of a course whose keys are not in `keep`; returns how many were retired. */
export async function retireLabExerciseDefinitions(
  db: Kysely<Database>,
  courseId: string,
  keep: readonly string[],
  now: string,
): Promise<number> {
  let query = db
    .updateTable('lab_exercise_definitions')
    .set({ retired_at: now, updated_at: now })
    .where('course_id', '=', courseId)
    .where('retired_at', 'is', null);
  if (keep.length > 0) query = query.where('exercise_key', 'not in', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
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
