import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../database.types.ts';
import type { StoredFileTable } from './platform.types.ts';

/** A stored file's metadata row. */
export type StoredFileRow = Selectable<StoredFileTable>;

/** Records an uploaded file (state `pending` until a feature keeps it). */
export async function insertStoredFile(
  db: Kysely<Database>,
  row: Insertable<StoredFileTable>,
): Promise<void> {
  await db.insertInto('stored_files').values(row).execute();
}

/** Reads one file's metadata. */
export async function findStoredFileById(
  db: Kysely<Database>,
  id: string,
): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks pending files as kept (inside the feature's transaction). Returns how many were pending. */
export async function markStoredFilesKept(
  db: Kysely<Database>,
  ids: readonly string[],
  now: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const updated = await db
    .updateTable('stored_files')
    .set({ state: 'kept', kept_at: now })
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}

/** Deletes a file's metadata row; returns the row that was deleted. */
export async function deleteStoredFileRow(
  db: Kysely<Database>,
  id: string,
): Promise<StoredFileRow | undefined> {
  return db.deleteFrom('stored_files').where('id', '=', id).returningAll().executeTakeFirst();
}

/** Pending files created before `before` (uploads no feature kept: a failed form, a lost process). */
export async function listStalePendingFiles(
  db: Kysely<Database>,
  before: string,
  limit = 500,
): Promise<StoredFileRow[]> {
  return db
    .selectFrom('stored_files')
    .selectAll()
    .where('state', '=', 'pending')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
