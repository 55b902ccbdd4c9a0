import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CourseTable, Database, ProgrammeTable } from '../database.types.ts';

/** A stored course row. */
export type CourseRow = Selectable<CourseTable>;

/** Finds a course by slug. */
export async function findCourseBySlug(db: Kysely<Database>, slug: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Finds a course by id. */
export async function findCourseById(db: Kysely<Database>, id: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Lists all courses by title. */
export async function listCourses(db: Kysely<Database>): Promise<CourseRow[]> {
  return db.selectFrom('courses').selectAll().orderBy('title').execute();
}

/** Inserts a course. */
export async function insertCourse(db: Kysely<Database>, row: Insertable<CourseTable>): Promise<void> {
  await db.insertInto('courses').values(row).execute();
}

/** Updates a course. */
export async function updateCourse(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<CourseTable>,
): Promise<void> {
  await db.updateTable('courses').set(changes).where('id', '=', id).execute();
}

/** How many courses are imported (also the smallest query that proves the database answers). */
export async function countCourses(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('courses')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A stored programme row. */
export type ProgrammeRow = Selectable<ProgrammeTable>;

/** Finds a programme by slug. */
export async function findProgrammeBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Lists all programmes by title. */
export async function listProgrammes(db: Kysely<Database>): Promise<ProgrammeRow[]> {
  return db.selectFrom('programmes').selectAll().orderBy('title').orderBy('slug').execute();
}

/** Inserts a programme, or replaces its title, definition and hash. */
export async function upsertProgramme(db: Kysely<Database>, row: Insertable<ProgrammeTable>): Promise<void> {
  await db
    .insertInto('programmes')
    .values(row)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        title: row.title,
        content_hash: row.content_hash,
        definition: row.definition,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
