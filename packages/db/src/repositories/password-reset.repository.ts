import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PasswordResetTable } from '../database.types.ts';

/** A stored password-reset row. */
export type PasswordResetRow = Selectable<PasswordResetTable>;

/** Inserts a reset link record. */
export async function insertPasswordReset(
  db: Kysely<Database>,
  row: Insertable<PasswordResetTable>,
): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

/** Finds a reset by token hash. */
export async function findPasswordReset(
  db: Kysely<Database>,
  id: string,
): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a reset used if it was unused; returns false when someone used it first (single use). */
export async function markPasswordResetUsed(
  db: Kysely<Database>,
  id: string,
  usedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: usedAt })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every unused reset link of a user used (one was used, or the password changed another way). */
export async function revokePasswordResetsOfUser(
  db: Kysely<Database>,
  userId: string,
  usedAt: string,
): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Counts the reset links issued to a user since `since` (to throttle reset mail). */
export async function countPasswordResetsSince(
  db: Kysely<Database>,
  userId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
