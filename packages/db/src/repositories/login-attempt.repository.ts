import type { Insertable, Kysely } from 'kysely';
import type { Database, LoginAttemptTable } from '../database.types.ts';

/** Records one sign-in attempt. */
export async function insertLoginAttempt(
  db: Kysely<Database>,
  row: Insertable<LoginAttemptTable>,
): Promise<void> {
  await db.insertInto('login_attempts').values(row).execute();
}

/**
 * Counts failed attempts for a key since `since`, ignoring failures before the latest success
 * (a successful sign-in clears the slate).
 */
export async function countRecentFailures(db: Kysely<Database>, key: string, since: string): Promise<number> {
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('key', '=', key)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('key', '=', key)
    .where('succeeded', '=', 0)
    .where('created_at', '>', from)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes attempts older than `before` (housekeeping). */
export async function deleteLoginAttemptsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('created_at', '<', before).execute();
}
