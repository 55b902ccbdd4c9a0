import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database,
  SupportMessageTable,
  SupportPresenceTable,
  SupportQuestionTable,
} from '../database.types.ts';
import { supportsRowLocks } from '../dialect.ts';

/** A stored support question. */
export type SupportQuestionRow = Selectable<SupportQuestionTable>;
/** A support question with the names of its asker and of the tutor answering it. */
export type SupportQuestionListRow = SupportQuestionRow & {
  asker_name: string;
  claimed_by_name: string | null;
  message_count: number | string;
};
/** A line of a question's conversation with its author's name and the hand-over target's name. */
export type SupportMessageListRow = Selectable<SupportMessageTable> & {
  author_name: string;
  target_name: string | null;
};
/** A tutor or manager of a cohort. */
export interface SupportStaffRow {
  user_id: string;
  name: string;
}

/** Inserts a question. */
export async function insertSupportQuestion(
  db: Kysely<Database>,
  row: Insertable<SupportQuestionTable>,
): Promise<void> {
  await db.insertInto('support_questions').values(row).execute();
}

/** Finds a question of a cohort (undefined for another cohort's); `forUpdate` locks it on PostgreSQL. */
export async function findSupportQuestion(
  db: Kysely<Database>,
  cohortId: string,
  questionId: string,
  options: { readonly forUpdate?: boolean } = {},
): Promise<SupportQuestionRow | undefined> {
  let query = db
    .selectFrom('support_questions')
    .selectAll()
    .where('id', '=', questionId)
    .where('cohort_id', '=', cohortId);
  if (options.forUpdate && supportsRowLocks(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Changes a question's columns. */
export async function updateSupportQuestion(
  db: Kysely<Database>,
  questionId: string,
  changes: Updateable<SupportQuestionTable>,
): Promise<void> {
  await db.updateTable('support_questions').set(changes).where('id', '=', questionId).execute();
}

/**
 * Makes `userId` the tutor answering an open question, in one statement that only succeeds while nobody (or they
 * themselves) has it, so two tutors claiming at once cannot both get it. Returns whether they have it now.
 */
export async function claimSupportQuestion(
  db: Kysely<Database>,
  questionId: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('support_questions')
    .set({ claimed_by: userId, claimed_at: at, updated_at: at })
    .where('id', '=', questionId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', userId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds a line to a question's conversation. */
export async function insertSupportMessage(
  db: Kysely<Database>,
  row: Insertable<SupportMessageTable>,
): Promise<void> {
  await db.insertInto('support_messages').values(row).execute();
}

/** A question's conversation, oldest first, with names. */
export async function listSupportMessages(
  db: Kysely<Database>,
  questionId: string,
): Promise<SupportMessageListRow[]> {
  return db
    .selectFrom('support_messages as m')
    .innerJoin('users as a', 'a.id', 'm.author_id')
    .leftJoin('users as t', 't.id', 'm.target_id')
    .selectAll('m')
    .select(['a.name as author_name', 't.name as target_name'])
    .where('m.question_id', '=', questionId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

function questionList(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('support_questions as q')
    .innerJoin('users as a', 'a.id', 'q.asker_id')
    .leftJoin('users as c', 'c.id', 'q.claimed_by')
    .selectAll('q')
    .select((eb) => [
      'a.name as asker_name',
      'c.name as claimed_by_name',
      eb
        .selectFrom('support_messages as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.question_id', '=', 'q.id')
        .where('m.kind', '=', 'message')
        .as('message_count'),
    ])
    .where('q.cohort_id', '=', cohortId);
}

/**
 * The open questions of a cohort for the tutors' queue: those waiting for a tutor first (longest wait first), then
 * the answered ones still open (most recent first).
 */
export async function listSupportQueue(
  db: Kysely<Database>,
  cohortId: string,
): Promise<SupportQuestionListRow[]> {
  const rows = await questionList(db, cohortId)
    .where('q.status', '=', 'open')
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
  return rows as SupportQuestionListRow[];
}

/** The latest closed questions of a cohort (newest first). */
export async function listClosedSupportQuestions(
  db: Kysely<Database>,
  cohortId: string,
  limit: number,
): Promise<SupportQuestionListRow[]> {
  const rows = await questionList(db, cohortId)
    .where('q.status', '=', 'closed')
    .orderBy('q.closed_at', 'desc')
    .orderBy('q.id')
    .limit(limit)
    .execute();
  return rows as SupportQuestionListRow[];
}

/** A learner's own questions in a cohort, newest first. */
export async function listQuestionsOfAsker(
  db: Kysely<Database>,
  cohortId: string,
  askerId: string,
): Promise<SupportQuestionListRow[]> {
  const rows = await questionList(db, cohortId)
    .where('q.asker_id', '=', askerId)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id')
    .execute();
  return rows as SupportQuestionListRow[];
}

/** How many open questions a learner has in a cohort. */
export async function countOpenQuestionsOfAsker(
  db: Kysely<Database>,
  cohortId: string,
  askerId: string,
): Promise<number> {
  const row = await db
    .selectFrom('support_questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('asker_id', '=', askerId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A tutor's presence row on a cohort's desk (undefined: never there). */
export async function findSupportPresence(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
): Promise<Selectable<SupportPresenceTable> | undefined> {
  return db
    .selectFrom('support_presence')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Records a tutor's presence (the first time available unless said otherwise; `available` kept when not given). */
export async function upsertSupportPresence(
  db: Kysely<Database>,
  row: { cohortId: string; userId: string; seenAt: string; available?: boolean },
): Promise<void> {
  const available = row.available === undefined ? undefined : row.available ? 1 : 0;
  await db
    .insertInto('support_presence')
    .values({
      cohort_id: row.cohortId,
      user_id: row.userId,
      available: available ?? 1,
      seen_at: row.seenAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['cohort_id', 'user_id'])
        .doUpdateSet(available === undefined ? { seen_at: row.seenAt } : { seen_at: row.seenAt, available }),
    )
    .execute();
}

/** The cohort's active tutors and managers who are available and had a desk page open since `since`, by name. */
export async function listOnlineSupportStaff(
  db: Kysely<Database>,
  cohortId: string,
  since: string,
): Promise<SupportStaffRow[]> {
  return db
    .selectFrom('support_presence as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('enrolments as e', (j) =>
      j.onRef('e.user_id', '=', 'p.user_id').onRef('e.cohort_id', '=', 'p.cohort_id'),
    )
    .select(['p.user_id', 'u.name'])
    .where('p.cohort_id', '=', cohortId)
    .where('p.available', '=', 1)
    .where('p.seen_at', '>=', since)
    .where('e.status', '=', 'active')
    .where('e.role', 'in', ['tutor', 'manager'])
    .orderBy('u.name')
    .execute();
}

/** The cohort's active tutors and managers, by name (whom a question can be handed over to). */
export async function listSupportStaff(db: Kysely<Database>, cohortId: string): Promise<SupportStaffRow[]> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.user_id', 'u.name'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', '=', 'active')
    .where('e.role', 'in', ['tutor', 'manager'])
    .orderBy('u.name')
    .execute();
}
