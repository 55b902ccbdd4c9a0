import type { Kysely, Selectable } from 'kysely';
import type { CalendarFeedTokenTable, Database } from '../database.types.ts';

/** A stored calendar-feed token row (`id` is the token's sha256 hex). */
export type CalendarFeedTokenRow = Selectable<CalendarFeedTokenTable>;

/**
 * Gives an enrolment a new feed token, replacing any previous one (so the old URL stops working).
 * Call inside a transaction.
 */
export async function replaceCalendarFeedToken(
  db: Kysely<Database>,
  row: CalendarFeedTokenRow,
): Promise<void> {
  await db.deleteFrom('calendar_feed_tokens').where('enrolment_id', '=', row.enrolment_id).execute();
  await db.insertInto('calendar_feed_tokens').values(row).execute();
}

/** Revokes an enrolment's feed token; returns true when there was one. */
export async function deleteCalendarFeedToken(db: Kysely<Database>, enrolmentId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('calendar_feed_tokens')
    .where('enrolment_id', '=', enrolmentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The feed token row of an enrolment, if any. */
export async function findCalendarFeedTokenOfEnrolment(
  db: Kysely<Database>,
  enrolmentId: string,
): Promise<CalendarFeedTokenRow | undefined> {
  return db
    .selectFrom('calendar_feed_tokens')
    .selectAll()
    .where('enrolment_id', '=', enrolmentId)
    .executeTakeFirst();
}

/** Resolves a token hash to its enrolment (with the user id and cohort id), if the token exists. */
export async function findEnrolmentByFeedToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('calendar_feed_tokens')
    .innerJoin('enrolments', 'enrolments.id', 'calendar_feed_tokens.enrolment_id')
    .select([
      'enrolments.id',
      'enrolments.cohort_id',
      'enrolments.user_id',
      'enrolments.role',
      'enrolments.status',
    ])
    .where('calendar_feed_tokens.id', '=', tokenHash)
    .executeTakeFirst();
}
