import type { Kysely, Selectable } from 'kysely';
import type { Database, LessonProgressTable } from '../database.types.ts';

/** A stored lesson-progress row: one lesson a learner marked done. */
export type LessonProgressRow = Selectable<LessonProgressTable>;

/**
 * Records a lesson as done for an enrolment. Idempotent: a lesson already done keeps its first
 * `completed_at`. Returns true when a row was added.
 */
export async function insertLessonDone(db: Kysely<Database>, row: LessonProgressRow): Promise<boolean> {
  const result = await db
    .insertInto('lesson_progress')
    .values(row)
    .onConflict((oc) => oc.columns(['enrolment_id', 'module_id', 'lesson_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

/** Marks a lesson as not done again; returns true when a row was removed. */
export async function deleteLessonDone(
  db: Kysely<Database>,
  enrolmentId: string,
  moduleId: string,
  lessonId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('lesson_progress')
    .where('enrolment_id', '=', enrolmentId)
    .where('module_id', '=', moduleId)
    .where('lesson_id', '=', lessonId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every lesson one enrolment marked done. */
export async function listLessonsDone(
  db: Kysely<Database>,
  enrolmentId: string,
): Promise<LessonProgressRow[]> {
  return db
    .selectFrom('lesson_progress')
    .selectAll()
    .where('enrolment_id', '=', enrolmentId)
    .orderBy('completed_at')
    .orderBy('id')
    .execute();
}

/** Every lesson marked done by anyone in a cohort, for the progress grid. */
export async function listLessonsDoneInCohort(
  db: Kysely<Database>,
  cohortId: string,
): Promise<LessonProgressRow[]> {
  return db
    .selectFrom('lesson_progress')
    .innerJoin('enrolments', 'enrolments.id', 'lesson_progress.enrolment_id')
    .selectAll('lesson_progress')
    .where('enrolments.cohort_id', '=', cohortId)
    .orderBy('lesson_progress.id')
    .execute();
}
