import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EmailConfirmationTable } from '../database.types.ts';

/** A stored email-confirmation row. */
export type EmailConfirmationRow = Selectable<EmailConfirmationTable>;

/** Records a confirmation link. */
export async function insertEmailConfirmation(
  db: Kysely<Database>,
  row: Insertable<EmailConfirmationTable>,
): Promise<void> {
  await db.insertInto('email_confirmations').values(row).execute();
}

/** Finds a confirmation link by token hash. */
export async function findEmailConfirmation(
  db: Kysely<Database>,
  id: string,
): Promise<EmailConfirmationRow | undefined> {
  return db.selectFrom('email_confirmations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks every unused confirmation link of a user used (the address is confirmed now). */
export async function useEmailConfirmationsOfUser(
  db: Kysely<Database>,
  userId: string,
  usedAt: string,
): Promise<void> {
  await db
    .updateTable('email_confirmations')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
