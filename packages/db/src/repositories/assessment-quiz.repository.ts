import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, QuizTable } from '../database.types.ts';

/** A quiz scheduled for a cohort. */
export type QuizRow = Selectable<QuizTable>;

/** Finds a quiz by id. */
export async function findQuizById(db: Kysely<Database>, id: string): Promise<QuizRow | undefined> {
  return db.selectFrom('quizzes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The quizzes of a cohort, by week. */
export async function listQuizzesOfCohort(db: Kysely<Database>, cohortId: string): Promise<QuizRow[]> {
  return db
    .selectFrom('quizzes')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('week')
    .orderBy('quiz_key')
    .execute();
}

/** Inserts a quiz or updates its title, definition and dates (by cohort and key); keeps the id. */
export async function upsertQuiz(db: Kysely<Database>, row: Insertable<QuizTable>): Promise<void> {
  await db
    .insertInto('quizzes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cohort_id', 'quiz_key']).doUpdateSet({
        week: row.week,
        title: row.title,
        definition: row.definition,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
