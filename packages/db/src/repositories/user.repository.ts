import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, UserTable } from '../database.types.ts';

/** A stored user row. */
export type UserRow = Selectable<UserTable>;

/** Inserts a user; the email must already be normalised (trimmed, lower case). */
export async function insertUser(db: Kysely<Database>, row: Insertable<UserTable>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Finds a user by id. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Finds a user by normalised email. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Updates a user's columns; returns the new row. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<UserTable>,
): Promise<UserRow | undefined> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Lists users ordered by email (admin screens, CLI). */
export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}
