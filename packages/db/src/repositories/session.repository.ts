import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SessionTable, UserTable } from '../database.types.ts';

/** A stored session row. */
export type SessionRow = Selectable<SessionTable>;

/** Inserts a session. */
export async function insertSession(db: Kysely<Database>, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Finds a session by token hash together with its user. */
export async function findSessionWithUser(
  db: Kysely<Database>,
  id: string,
): Promise<{ session: SessionRow; user: Selectable<UserTable> } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as s_id',
      'sessions.created_at as s_created_at',
      'sessions.expires_at as s_expires_at',
      'sessions.last_seen_at as s_last_seen_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_created_at, s_expires_at, s_last_seen_at, ...user } = row;
  return {
    session: {
      id: s_id,
      user_id: user.id,
      created_at: s_created_at,
      expires_at: s_expires_at,
      last_seen_at: s_last_seen_at,
    },
    user,
  };
}

/** Moves a session's expiry forward (sliding expiry). */
export async function touchSession(
  db: Kysely<Database>,
  id: string,
  expiresAt: string,
  lastSeenAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ expires_at: expiresAt, last_seen_at: lastSeenAt })
    .where('id', '=', id)
    .execute();
}

/** Deletes one session. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of a user (after a password reset). */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
