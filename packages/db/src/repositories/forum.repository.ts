import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ForumTable, ForumThreadTable } from '../database.types.ts';
import { supportsRowLocks } from '../dialect.ts';

/** A stored forum row. */
export type ForumRow = Selectable<ForumTable>;
/** A stored thread row. */
export type ForumThreadRow = Selectable<ForumThreadTable>;
/** A thread with the forum fields every access check needs. */
export type ThreadWithForumRow = ForumThreadRow & {
  forum_kind: ForumRow['kind'];
  forum_group_id: string | null;
  forum_group_mode: ForumRow['group_mode'];
  forum_module_id: string | null;
};

/** Inserts forums, skipping any whose slot the cohort already has (so two requests create each forum once). */
export async function insertForumsIfMissing(
  db: Kysely<Database>,
  rows: readonly Insertable<ForumTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('forums')
    .values([...rows])
    .onConflict((oc) => oc.columns(['cohort_id', 'slot']).doNothing())
    .execute();
}

/** The forums of a cohort in their display order. */
export async function listForumsOfCohort(db: Kysely<Database>, cohortId: string): Promise<ForumRow[]> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A forum of a cohort (undefined when it belongs to another cohort). */
export async function findForum(
  db: Kysely<Database>,
  cohortId: string,
  forumId: string,
): Promise<ForumRow | undefined> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('id', '=', forumId)
    .where('cohort_id', '=', cohortId)
    .executeTakeFirst();
}

/** A forum of a cohort by its slot (`announcements`, `group:<id>`, …). */
export async function findForumBySlot(
  db: Kysely<Database>,
  cohortId: string,
  slot: string,
): Promise<ForumRow | undefined> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('slot', '=', slot)
    .executeTakeFirst();
}

/** Updates a forum's columns. */
export async function updateForum(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ForumTable>,
): Promise<void> {
  await db.updateTable('forums').set(changes).where('id', '=', id).execute();
}

/** Inserts a thread. */
export async function insertThread(db: Kysely<Database>, row: Insertable<ForumThreadTable>): Promise<void> {
  await db.insertInto('forum_threads').values(row).execute();
}

/** Updates a thread's columns. */
export async function updateThread(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ForumThreadTable>,
): Promise<void> {
  await db.updateTable('forum_threads').set(changes).where('id', '=', id).execute();
}

/**
 * A thread of a cohort with its forum's kind, group and mode (undefined when it belongs to another cohort or was
 * deleted). `forUpdate` locks the thread row on PostgreSQL, so that two replies get different numbers (SQLite
 * serialises writers anyway).
 */
export async function findThreadWithForum(
  db: Kysely<Database>,
  cohortId: string,
  threadId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ThreadWithForumRow | undefined> {
  const query = db
    .selectFrom('forum_threads as t')
    .innerJoin('forums as f', 'f.id', 't.forum_id')
    .selectAll('t')
    .select([
      'f.kind as forum_kind',
      'f.group_id as forum_group_id',
      'f.group_mode as forum_group_mode',
      'f.module_id as forum_module_id',
    ])
    .where('t.id', '=', threadId)
    .where('t.cohort_id', '=', cohortId)
    .where('t.deleted_at', 'is', null);
  return (options.forUpdate && supportsRowLocks(db) ? query.forUpdate('t') : query).executeTakeFirst();
}
