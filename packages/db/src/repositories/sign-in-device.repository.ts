import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SignInDeviceTable } from '../database.types.ts';

/** A stored sign-in device row. */
export type SignInDeviceRow = Selectable<SignInDeviceTable>;

/** Records a browser a user signed in from. */
export async function insertSignInDevice(
  db: Kysely<Database>,
  row: Insertable<SignInDeviceTable>,
): Promise<void> {
  await db.insertInto('sign_in_devices').values(row).execute();
}

/** The device `id` (token hash) if it belongs to `userId`. */
export async function findSignInDevice(
  db: Kysely<Database>,
  id: string,
  userId: string,
): Promise<SignInDeviceRow | undefined> {
  return db
    .selectFrom('sign_in_devices')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Notes a new sign-in from a known device. */
export async function touchSignInDevice(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('sign_in_devices').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Forgets devices not used since `before`. */
export async function deleteSignInDevicesBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('sign_in_devices').where('last_used_at', '<', before).execute();
}
