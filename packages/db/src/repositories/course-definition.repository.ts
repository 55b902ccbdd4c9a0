import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../database.types.ts';
import { newId } from '../ids.ts';

/**
 * The tables that hold what a course's content files define (one row per file) and the column of each that holds the
 * file's key. A row is unique by course and key, has a position in course order, and is retired — kept for the work
 * that refers to it — when its file leaves the course.
 */
const KEY_COLUMN = {
  assignment_definitions: 'assignment_key',
  lab_exercise_definitions: 'exercise_key',
} as const;

/** A table of course definitions (see {@link KEY_COLUMN}). */
export type CourseDefinitionTable = keyof typeof KEY_COLUMN;

/** What a table stores for one definition besides its identity, key, position, retirement and times. */
export type CourseDefinitionColumns<T extends CourseDefinitionTable> = Omit<
  Insertable<Database[T]>,
  (typeof KEY_COLUMN)[T] | 'id' | 'course_id' | 'position' | 'retired_at' | 'created_at' | 'updated_at'
> & { readonly content_hash: string };

/** What {@link syncCourseDefinitions} did. */
export interface CourseDefinitionSyncReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Definitions whose file left the course: hidden, kept for the work that refers to them. */
  readonly retired: number;
}

/** The columns every course definition table has (the key column aside). */
interface StoredDefinition {
  readonly id: string;
  readonly position: number;
  readonly content_hash: string;
  readonly retired_at: string | null;
}

/** The definitions of a course in course order (retired ones left out unless asked for). */
export async function listCourseDefinitions<T extends CourseDefinitionTable>(
  db: Kysely<Database>,
  table: T,
  courseId: string,
  options: { includeRetired?: boolean } = {},
): Promise<Selectable<Database[T]>[]> {
  let query = db
    .selectFrom(table as CourseDefinitionTable)
    .selectAll()
    .where('course_id', '=', courseId);
  if (!options.includeRetired) query = query.where('retired_at', 'is', null);
  // The rows are those of `table`: the union of tables above only types the columns they share.
  return (await query.orderBy('position').execute()) as Selectable<Database[T]>[];
}

/**
 * Stores a course's definitions of one kind in course order, each under its key: new ones are created, changed ones
 * (another content hash or position, or retired) updated in place — their id and the work that refers to them stay —
 * unchanged ones left alone, and those no longer in the course retired. Run it inside the import's transaction.
 */
export async function syncCourseDefinitions<T extends CourseDefinitionTable>(
  db: Kysely<Database>,
  table: T,
  courseId: string,
  definitions: readonly { readonly key: string; readonly columns: CourseDefinitionColumns<T> }[],
  now: string,
): Promise<CourseDefinitionSyncReport> {
  const keyColumn = KEY_COLUMN[table];
  // Every table above has these columns and its key column; TypeScript cannot see them through the type parameter.
  const rows = (await listCourseDefinitions(db, table, courseId, {
    includeRetired: true,
  })) as unknown as (StoredDefinition & Record<typeof keyColumn, string>)[];
  const existing = new Map<string, StoredDefinition>(rows.map((r) => [r[keyColumn], r]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [position, { key, columns }] of definitions.entries()) {
    const row = existing.get(key);
    if (
      row &&
      row.content_hash === columns.content_hash &&
      row.position === position &&
      row.retired_at === null
    ) {
      unchanged++;
      continue;
    }
    if (row) updated++;
    else created++;
    await upsertCourseDefinition(db, table, {
      id: row?.id ?? newId(),
      course_id: courseId,
      [keyColumn]: key,
      position,
      ...columns,
      retired_at: null,
      created_at: now,
      updated_at: now,
    });
  }
  const retired = await retireCourseDefinitions(
    db,
    table,
    courseId,
    definitions.map((d) => d.key),
    now,
  );
  return { created, updated, unchanged, retired };
}

/**
 * Inserts a definition, or updates it by course and key — every column but the id, course, key and creation time —
 * and brings it back from retirement.
 */
async function upsertCourseDefinition(
  db: Kysely<Database>,
  table: CourseDefinitionTable,
  row: Record<string, unknown>,
): Promise<void> {
  const key = KEY_COLUMN[table];
  const changes = Object.fromEntries(
    Object.entries(row).filter(([column]) => !['id', 'course_id', key, 'created_at'].includes(column)),
  );
  // The row is built by syncCourseDefinitions from the table's own columns, typed there.
  await db
    .insertInto(table)
    .values(row as Insertable<Database[CourseDefinitionTable]>)
    .onConflict((oc) =>
      oc
        .columns(['course_id', key])
        .doUpdateSet({ ...changes, retired_at: null } as Updateable<Database[CourseDefinitionTable]>),
    )
    .execute();
}

/** Retires the definitions of a course whose keys are not in `keep`; returns how many were retired. */
async function retireCourseDefinitions(
  db: Kysely<Database>,
  table: CourseDefinitionTable,
  courseId: string,
  keep: readonly string[],
  now: string,
): Promise<number> {
  let query = db
    .updateTable(table)
    .set({ retired_at: now, updated_at: now })
    .where('course_id', '=', courseId)
    .where('retired_at', 'is', null);
  if (keep.length > 0) query = query.where(KEY_COLUMN[table], 'not in', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
