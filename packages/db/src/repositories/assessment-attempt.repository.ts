import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  AttemptAnswerTable,
  Database,
  GradeOverrideTable,
  QuizAttemptTable,
} from '../database.types.ts';

/** A stored attempt, answer, grade override. */
export type QuizAttemptRow = Selectable<QuizAttemptTable>;
export type AttemptAnswerRow = Selectable<AttemptAnswerTable>;
export type GradeOverrideRow = Selectable<GradeOverrideTable>;

/** Finds an attempt by id. */
export async function findAttemptById(db: Kysely<Database>, id: string): Promise<QuizAttemptRow | undefined> {
  return db.selectFrom('quiz_attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A learner's attempts at a quiz, oldest first. */
export async function listAttemptsOfUser(
  db: Kysely<Database>,
  quizId: string,
  userId: string,
): Promise<QuizAttemptRow[]> {
  return db
    .selectFrom('quiz_attempts')
    .selectAll()
    .where('quiz_id', '=', quizId)
    .where('user_id', '=', userId)
    .orderBy('attempt_number')
    .execute();
}

/** Every attempt at the given quizzes, oldest first per learner. */
export async function listAttemptsOfQuizzes(
  db: Kysely<Database>,
  quizIds: readonly string[],
): Promise<QuizAttemptRow[]> {
  if (quizIds.length === 0) return [];
  return db
    .selectFrom('quiz_attempts')
    .selectAll()
    .where('quiz_id', 'in', [...quizIds])
    .orderBy('user_id')
    .orderBy('attempt_number')
    .execute();
}

/** Inserts an attempt. Throws on a duplicate attempt number (a concurrent start). */
export async function insertAttempt(db: Kysely<Database>, row: Insertable<QuizAttemptTable>): Promise<void> {
  await db.insertInto('quiz_attempts').values(row).execute();
}

/**
 * Updates an attempt only while it is open; returns whether a row changed. This is the concurrency guard:
 * of two concurrent submits (or a submit and a save) exactly one sees `state = 'open'`.
 */
export async function updateOpenAttempt(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<QuizAttemptTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('quiz_attempts')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Updates an attempt whatever its state (regrading). */
export async function updateAttempt(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<QuizAttemptTable>,
): Promise<void> {
  await db.updateTable('quiz_attempts').set(changes).where('id', '=', id).execute();
}

/** Ids of open attempts whose deadline is at or before `now` (ISO text compares in time order). */
export async function listOverdueAttemptIds(
  db: Kysely<Database>,
  now: string,
  limit = 500,
): Promise<string[]> {
  const rows = await db
    .selectFrom('quiz_attempts')
    .select('id')
    .where('state', '=', 'open')
    .where('deadline_at', '<=', now)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The saved answers of an attempt, by slot. */
export async function listAnswers(db: Kysely<Database>, attemptId: string): Promise<AttemptAnswerRow[]> {
  return db
    .selectFrom('attempt_answers')
    .selectAll()
    .where('attempt_id', '=', attemptId)
    .orderBy('slot')
    .execute();
}

/** Saved answers of several attempts. */
export async function listAnswersOfAttempts(
  db: Kysely<Database>,
  attemptIds: readonly string[],
): Promise<AttemptAnswerRow[]> {
  if (attemptIds.length === 0) return [];
  return db
    .selectFrom('attempt_answers')
    .selectAll()
    .where('attempt_id', 'in', [...attemptIds])
    .execute();
}

/** Inserts or replaces the answer of one slot (idempotent: saving the same answer twice leaves one row). */
export async function upsertAnswer(db: Kysely<Database>, row: Insertable<AttemptAnswerTable>): Promise<void> {
  const { attempt_id: _a, slot: _s, ...changes } = row;
  await db
    .insertInto('attempt_answers')
    .values(row)
    .onConflict((oc) => oc.columns(['attempt_id', 'slot']).doUpdateSet(changes))
    .execute();
}

/** Rows per statement in `upsertAnswers`: 10 columns each, well under SQLite's 32,766 bound parameters. */
const UPSERT_CHUNK = 500;

/**
 * Inserts or replaces the answers of several slots in one statement (per 500 rows): what `upsertAnswer` does for
 * each row, in one round trip. Every row must give every column.
 */
export async function upsertAnswers(
  db: Kysely<Database>,
  rows: readonly Required<Insertable<AttemptAnswerTable>>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await db
      .insertInto('attempt_answers')
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.columns(['attempt_id', 'slot']).doUpdateSet((eb) => ({
          response: eb.ref('excluded.response'),
          checked: eb.ref('excluded.checked'),
          grade_state: eb.ref('excluded.grade_state'),
          fraction: eb.ref('excluded.fraction'),
          matched: eb.ref('excluded.matched'),
          graded_by: eb.ref('excluded.graded_by'),
          comment: eb.ref('excluded.comment'),
          saved_at: eb.ref('excluded.saved_at'),
        })),
      )
      .execute();
  }
}

/** Appends a grade override. */
export async function insertGradeOverride(
  db: Kysely<Database>,
  row: Insertable<GradeOverrideTable>,
): Promise<void> {
  await db.insertInto('grade_overrides').values(row).execute();
}

/** Every override of the given quizzes, oldest first (the last one per learner and quiz applies). */
export async function listGradeOverrides(
  db: Kysely<Database>,
  quizIds: readonly string[],
): Promise<GradeOverrideRow[]> {
  if (quizIds.length === 0) return [];
  return db
    .selectFrom('grade_overrides')
    .selectAll()
    .where('quiz_id', 'in', [...quizIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
