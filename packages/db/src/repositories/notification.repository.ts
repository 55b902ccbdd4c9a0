import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Database,
  EmailMode,
  NotificationPreferenceTable,
  NotificationTable,
} from '../database.types.ts';

/** A stored notification row. */
export type NotificationRow = Selectable<NotificationTable>;
/** A stored mail preference row. */
export type NotificationPreferenceRow = Selectable<NotificationPreferenceTable>;

/** Inserts notifications; one a person already has for the same thing and kind is skipped (a fan-out may re-run). */
export async function insertNotifications(
  db: Kysely<Database>,
  rows: readonly Insertable<NotificationTable>[],
): Promise<void> {
  // Chunks keep each statement well under SQLite's 32,766 bound parameters (11 per row).
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'source_id']).doNothing())
      .execute();
}

/** Deletes the notifications about things that are gone (removed posts). */
export async function deleteNotificationsOfSources(
  db: Kysely<Database>,
  sourceIds: readonly string[],
  kinds: readonly NotificationRow['kind'][],
): Promise<void> {
  if (sourceIds.length === 0) return;
  await db
    .deleteFrom('notifications')
    .where('source_id', 'in', [...sourceIds])
    .where('kind', 'in', [...kinds])
    .execute();
}

/** A person's latest notifications, newest first, with the cohort's title. */
export async function listNotificationsOfUser(db: Kysely<Database>, userId: string, limit: number) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('cohorts as c', 'c.id', 'n.cohort_id')
    .selectAll('n')
    .select('c.title as cohort_title')
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many of a person's notifications are unread. */
export async function countUnreadNotifications(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of a person's notifications read (or all of them when `id` is null); returns how many changed. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  userId: string,
  id: string | null,
  at: string,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks notifications read by the thing they are about (reading a thread reads its notifications). */
export async function markNotificationsReadBySource(
  db: Kysely<Database>,
  userId: string,
  sourceIds: readonly string[],
  at: string,
): Promise<void> {
  if (sourceIds.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('source_id', 'in', [...sourceIds])
    .where('read_at', 'is', null)
    .execute();
}

/** The mail preferences of some people in a cohort (people without a row have the default). */
export async function listEmailModes(
  db: Kysely<Database>,
  cohortId: string,
  userIds: readonly string[],
): Promise<Map<string, EmailMode>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'email_mode'])
    .where('cohort_id', '=', cohortId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.email_mode]));
}

/** A person's preference row in a cohort. */
export async function findNotificationPreference(
  db: Kysely<Database>,
  userId: string,
  cohortId: string,
): Promise<NotificationPreferenceRow | undefined> {
  return db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .where('cohort_id', '=', cohortId)
    .executeTakeFirst();
}

/** Creates a person's preference row unless it exists (two requests may race: one wins, both see it). */
export async function insertNotificationPreferenceIfMissing(
  db: Kysely<Database>,
  row: Insertable<NotificationPreferenceTable>,
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'cohort_id']).doNothing())
    .execute();
}

/** Sets a person's mail choice in a cohort. */
export async function updateEmailMode(
  db: Kysely<Database>,
  userId: string,
  cohortId: string,
  mode: EmailMode,
  at: string,
): Promise<void> {
  await db
    .updateTable('notification_preferences')
    .set({ email_mode: mode, updated_at: at })
    .where('user_id', '=', userId)
    .where('cohort_id', '=', cohortId)
    .execute();
}

/** People with notifications waiting for a digest (in cohorts of the given time zones), by id. */
export async function listDigestRecipients(db: Kysely<Database>, timeZones: readonly string[] | null) {
  let query = db
    .selectFrom('notifications as n')
    .innerJoin('cohorts as c', 'c.id', 'n.cohort_id')
    .select('n.user_id')
    .distinct()
    .where('n.mail_state', '=', 'digest');
  if (timeZones) query = query.where('c.time_zone', 'in', [...timeZones]);
  return (await query.orderBy('n.user_id').execute()).map((r) => r.user_id);
}

/**
 * A person's notifications waiting for a digest, oldest first, with the cohort's title and the person's current
 * mail choice there (null: the default); only of cohorts where they still have an active place.
 */
export async function listDigestItems(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('cohorts as c', 'c.id', 'n.cohort_id')
    .innerJoin('enrolments as e', (join) =>
      join
        .onRef('e.cohort_id', '=', 'n.cohort_id')
        .onRef('e.user_id', '=', 'n.user_id')
        .on('e.status', '=', 'active'),
    )
    .leftJoin('notification_preferences as p', (join) =>
      join.onRef('p.cohort_id', '=', 'n.cohort_id').onRef('p.user_id', '=', 'n.user_id'),
    )
    .selectAll('n')
    .select(['c.title as cohort_title', 'p.email_mode'])
    .where('n.user_id', '=', userId)
    .where('n.mail_state', '=', 'digest')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}

/** Marks notifications as never to be mailed (their person turned forum mail off before the digest). */
export async function markNotificationsUnmailed(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('notifications')
      .set({ mail_state: 'none' })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

/** The time zones of the cohorts whose members have notifications waiting for a digest. */
export async function listDigestTimeZones(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('cohorts as c', 'c.id', 'n.cohort_id')
    .select('c.time_zone')
    .distinct()
    .where('n.mail_state', '=', 'digest')
    .orderBy('c.time_zone')
    .execute();
  return rows.map((r) => r.time_zone);
}

/** Marks notifications as mailed. */
export async function markNotificationsMailed(
  db: Kysely<Database>,
  ids: readonly string[],
  at: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('notifications')
      .set({ mail_state: 'sent', mailed_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

/**
 * Claims the digest of `day` for a person: true for the one caller that inserts the row, false for every other
 * (the primary key is the person and the day), so no one gets two digests a day however many processes try.
 */
export async function claimDigest(
  db: Kysely<Database>,
  userId: string,
  day: string,
  at: string,
  items: number,
): Promise<boolean> {
  const row = await db
    .insertInto('notification_digests')
    .values({ user_id: userId, day, sent_at: at, items })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Name, address and language of the people to notify. */
export async function listRecipients(db: Kysely<Database>, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const rows = [];
  for (let i = 0; i < userIds.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'locale'])
        .where('id', 'in', userIds.slice(i, i + 500))
        .execute()),
    );
  return rows;
}

/** A person's preference rows in every cohort (their unsubscribe secrets). */
export async function listNotificationPreferencesOfUser(db: Kysely<Database>, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}
