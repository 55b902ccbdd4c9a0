import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.types.ts';

/**
 * Takes one attempt from the bucket `key` if it has room, in one atomic statement (an upsert whose update only
 * happens while the bucket is under `limit`, on SQLite and PostgreSQL alike): parallel requests can never all pass.
 * A bucket whose window started at or before `windowStart` starts a new window at `now`.
 * Returns false when the bucket is full (nothing is written then).
 */
export async function reserveRateLimit(
  db: Kysely<Database>,
  key: string,
  options: { readonly limit: number; readonly windowStart: string; readonly now: string },
): Promise<boolean> {
  const { limit, windowStart, now } = options;
  const expired = sql<boolean>`rate_limits.window_started_at <= ${windowStart}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_started_at: now, count: 1 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
          window_started_at: sql<string>`case when ${expired} then ${now} else rate_limits.window_started_at end`,
        })
        .where(sql<boolean>`${expired} or rate_limits.count < ${limit}`),
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives one attempt back to the bucket `key` (the attempt it was reserved for did not count). */
export async function releaseRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute();
}

/** Empties the bucket `key` (a success clears the slate). */
export async function clearRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Deletes buckets whose window started before `before` (housekeeping). */
export async function deleteRateLimitsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_started_at', '<', before).execute();
}
