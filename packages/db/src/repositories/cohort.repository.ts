import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CohortTable, Database } from '../database.types.ts';
import { supportsRowLocks } from '../dialect.ts';

/** A stored cohort row. */
export type CohortRow = Selectable<CohortTable>;

/** Inserts a cohort and returns it. */
export async function insertCohort(db: Kysely<Database>, row: Insertable<CohortTable>): Promise<CohortRow> {
  return db.insertInto('cohorts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Finds a cohort by id. */
export async function findCohortById(db: Kysely<Database>, id: string): Promise<CohortRow | undefined> {
  return db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Loads a cohort inside a transaction, locking its row on PostgreSQL so that concurrent enrolments
 * into the same cohort are serialised (SQLite transactions already serialise writers).
 */
export async function findCohortForUpdate(db: Kysely<Database>, id: string): Promise<CohortRow | undefined> {
  const query = db.selectFrom('cohorts').selectAll().where('id', '=', id);
  return (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** Lists the cohorts of a course, earliest first. */
export async function listCohortsOfCourse(db: Kysely<Database>, courseId: string): Promise<CohortRow[]> {
  return db
    .selectFrom('cohorts')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

/** Finds a cohort of a course by exact title (used by idempotent demo setup). */
export async function findCohortByTitle(
  db: Kysely<Database>,
  courseId: string,
  title: string,
): Promise<CohortRow | undefined> {
  return db
    .selectFrom('cohorts')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('title', '=', title)
    .executeTakeFirst();
}

/** Updates a cohort's columns. */
export async function updateCohort(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<CohortTable>,
): Promise<void> {
  await db.updateTable('cohorts').set(changes).where('id', '=', id).execute();
}
