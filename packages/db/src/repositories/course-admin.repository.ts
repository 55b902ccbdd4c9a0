import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type {
  CohortState,
  Database,
  EmailChangeTable,
  EnrolmentStatus,
  ReminderDeliveryTable,
} from '../database.types.ts';
import { supportsRowLocks } from '../dialect.ts';
import type { CohortRow } from './cohort.repository.ts';
import type { EnrolmentRow } from './enrolment.repository.ts';
import type { UserRow } from './user.repository.ts';

/** A cohort with its course and how many people hold each status, per role group. */
export interface CohortWithCountsRow extends CohortRow {
  readonly course_slug: string;
  readonly course_title: string;
  /** Learners by status (`active`, `pending`, `waitlisted`, `withdrawn`, `declined`). */
  readonly learners: Readonly<Partial<Record<EnrolmentStatus, number>>>;
  /** Active tutors and managers. */
  readonly staff: number;
}

/**
 * Cohorts with counts, latest start first: all of them, or only `cohortIds` (an empty list gives none), and only
 * those in `states` when given.
 */
export async function listCohortsWithCounts(
  db: Kysely<Database>,
  options: { readonly cohortIds?: readonly string[]; readonly states?: readonly CohortState[] } = {},
): Promise<CohortWithCountsRow[]> {
  if (options.cohortIds?.length === 0 || options.states?.length === 0) return [];
  let query = db
    .selectFrom('cohorts')
    .innerJoin('courses', 'courses.id', 'cohorts.course_id')
    .selectAll('cohorts')
    .select(['courses.slug as course_slug', 'courses.title as course_title']);
  if (options.cohortIds) query = query.where('cohorts.id', 'in', options.cohortIds);
  if (options.states) query = query.where('cohorts.state', 'in', options.states);
  const cohorts = await query.orderBy('cohorts.starts_on', 'desc').orderBy('cohorts.id').execute();
  if (cohorts.length === 0) return [];
  const counts = await db
    .selectFrom('enrolments')
    .select(['cohort_id', 'role', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(
      'cohort_id',
      'in',
      cohorts.map((c) => c.id),
    )
    .groupBy(['cohort_id', 'role', 'status'])
    .execute();
  return cohorts.map((cohort) => {
    const learners: Partial<Record<EnrolmentStatus, number>> = {};
    let staff = 0;
    for (const c of counts) {
      if (c.cohort_id !== cohort.id) continue;
      if (c.role === 'learner') learners[c.status] = Number(c.n);
      else if (c.status === 'active') staff += Number(c.n);
    }
    return { ...cohort, learners, staff };
  });
}

/** The ids of the cohorts where a user is an active manager. */
export async function listManagedCohortIds(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enrolments')
    .select('cohort_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'manager')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.cohort_id);
}

/** Everyone in a cohort with the account fields the course team needs, by name. */
export async function listCohortEnrolments(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.user_id')
    .selectAll('enrolments')
    .select([
      'users.name',
      'users.email',
      'users.country',
      'users.organisation_type',
      'users.job_title',
      'users.deactivated_at',
    ])
    .where('enrolments.cohort_id', '=', cohortId)
    .orderBy('users.name')
    .orderBy('users.email')
    .execute();
}

/** An enrolment of a cohort by id, locked for update on PostgreSQL (undefined when it is of another cohort). */
export async function findEnrolmentInCohort(
  db: Kysely<Database>,
  cohortId: string,
  enrolmentId: string,
): Promise<EnrolmentRow | undefined> {
  const query = db
    .selectFrom('enrolments')
    .selectAll()
    .where('id', '=', enrolmentId)
    .where('cohort_id', '=', cohortId);
  return (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** Escapes `%`, `_` and `\` for a LIKE pattern (with `ESCAPE '\'`). */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Users whose name or email contains `query` (case-insensitive; all users when empty), by name, one page, and how
 * many match in all.
 */
export async function searchUsers(
  db: Kysely<Database>,
  options: { readonly query: string; readonly limit: number; readonly offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const base = () => {
    const q = db.selectFrom('users');
    if (options.query === '') return q;
    const pattern = likePattern(options.query);
    // ESCAPE is explicit: SQLite has no default escape character.
    return q.where(
      sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`,
    );
  };
  const total = await base()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const rows = await base()
    .selectAll()
    .orderBy('name')
    .orderBy('email')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * The ids of the active site admins, their rows locked on PostgreSQL until the transaction ends, so two admins who
 * remove each other at once cannot both succeed (SQLite transactions already serialise writers).
 */
export async function lockActiveAdminIds(db: Kysely<Database>): Promise<string[]> {
  const query = db
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .where('deactivated_at', 'is', null)
    .orderBy('id');
  const rows = await (supportsRowLocks(db) ? query.forUpdate() : query).execute();
  return rows.map((r) => r.id);
}

/** A stored email-change link. */
export type EmailChangeRow = Selectable<EmailChangeTable>;

/** Stores an email-change link. */
export async function insertEmailChange(
  db: Kysely<Database>,
  row: Insertable<EmailChangeTable>,
): Promise<void> {
  await db.insertInto('email_changes').values(row).execute();
}

/** Finds an email-change link by token hash. */
export async function findEmailChange(db: Kysely<Database>, id: string): Promise<EmailChangeRow | undefined> {
  return db.selectFrom('email_changes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Uses every unused email-change link of a user (a new one replaces the old ones); returns how many. */
export async function useEmailChangesOfUser(
  db: Kysely<Database>,
  userId: string,
  usedAt: string,
): Promise<number> {
  const result = await db
    .updateTable('email_changes')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks one link used if it was unused; false when it was used first (single use). */
export async function markEmailChangeUsed(
  db: Kysely<Database>,
  id: string,
  usedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('email_changes')
    .set({ used_at: usedAt })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes every session of a user except one (the one that changed the password stays signed in). */
export async function deleteOtherSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  keepSessionId: string,
): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}

/**
 * Claims a reminder for a person: inserts the delivery unless one exists for the same kind, event and person.
 * True when this call claimed it (and must send it); false when it went out already.
 */
export async function claimReminderDelivery(
  db: Kysely<Database>,
  row: Insertable<ReminderDeliveryTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('reminder_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'event_key', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Active learners of a cohort who take reminders, with what a mail needs. */
export async function listRemindableLearners(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.locale', 'users.mail_secret'])
    .where('enrolments.cohort_id', '=', cohortId)
    .where('enrolments.role', '=', 'learner')
    .where('enrolments.status', '=', 'active')
    .where('users.reminders_enabled', '=', 1)
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.id')
    .execute();
}

/** Cohorts that run (not archived) between two calendar dates (`YYYY-MM-DD`, inclusive overlap). */
export async function listRunningCohorts(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<CohortRow[]> {
  return db
    .selectFrom('cohorts')
    .selectAll()
    .where('state', '!=', 'archived')
    .where('starts_on', '<=', to)
    .where('ends_on', '>=', from)
    .orderBy('id')
    .execute();
}

/** Quizzes that close in `(after, until]` in cohorts that are not archived, with their cohort's title. */
export async function listQuizzesClosingBetween(db: Kysely<Database>, after: string, until: string) {
  return db
    .selectFrom('quizzes')
    .innerJoin('cohorts', 'cohorts.id', 'quizzes.cohort_id')
    .select([
      'quizzes.id',
      'quizzes.cohort_id',
      'quizzes.title',
      'quizzes.week',
      'quizzes.closes_at',
      'cohorts.title as cohort_title',
      'cohorts.time_zone',
    ])
    .where('cohorts.state', '!=', 'archived')
    .where('quizzes.closes_at', '>', after)
    .where('quizzes.closes_at', '<=', until)
    .orderBy('quizzes.closes_at')
    .orderBy('quizzes.id')
    .execute();
}

/** The users who handed in an attempt of a quiz. */
export async function listUsersWhoSubmitted(db: Kysely<Database>, quizId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('quiz_attempts')
    .select('user_id')
    .distinct()
    .where('quiz_id', '=', quizId)
    .where('state', '=', 'submitted')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The users with these (normalised) emails, looked up 500 at a time. */
export async function findUsersByEmails(db: Kysely<Database>, emails: readonly string[]): Promise<UserRow[]> {
  const found: UserRow[] = [];
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    if (chunk.length > 0)
      found.push(...(await db.selectFrom('users').selectAll().where('email', 'in', chunk).execute()));
  }
  return found;
}

/** Counts the email-change links made for a user since `since` (to throttle the mail they cause). */
export async function countEmailChangesSince(
  db: Kysely<Database>,
  userId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('email_changes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The users who already got a reminder (kind and event). */
export async function listReminderRecipients(
  db: Kysely<Database>,
  kind: string,
  eventKey: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reminder_deliveries')
    .select('user_id')
    .where('kind', '=', kind)
    .where('event_key', '=', eventKey)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
