import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Database,
  QuestionCategoryTable,
  QuestionTable,
  QuestionVersionTable,
  QuizDefinitionTable,
} from '../database.types.ts';

/** A stored question-bank category, question, question version, quiz definition. */
export type QuestionCategoryRow = Selectable<QuestionCategoryTable>;
export type QuestionRow = Selectable<QuestionTable>;
export type QuestionVersionRow = Selectable<QuestionVersionTable>;
export type QuizDefinitionRow = Selectable<QuizDefinitionTable>;

/** The categories of a course's bank. */
export async function listQuestionCategories(
  db: Kysely<Database>,
  courseId: string,
): Promise<QuestionCategoryRow[]> {
  return db.selectFrom('question_categories').selectAll().where('course_id', '=', courseId).execute();
}

/** Inserts a category. */
export async function insertQuestionCategory(
  db: Kysely<Database>,
  row: Insertable<QuestionCategoryTable>,
): Promise<void> {
  await db.insertInto('question_categories').values(row).execute();
}

/** The questions of a course's bank. */
export async function listQuestions(db: Kysely<Database>, courseId: string): Promise<QuestionRow[]> {
  return db.selectFrom('questions').selectAll().where('course_id', '=', courseId).execute();
}

/** Inserts a question (its first version is inserted separately). */
export async function insertQuestion(db: Kysely<Database>, row: Insertable<QuestionTable>): Promise<void> {
  await db.insertInto('questions').values(row).execute();
}

/** Points a question at a new current version and category. */
export async function updateQuestion(
  db: Kysely<Database>,
  id: string,
  changes: { current_version: number; category_id: string; updated_at: string },
): Promise<void> {
  await db.updateTable('questions').set(changes).where('id', '=', id).execute();
}

/** Inserts a question version. */
export async function insertQuestionVersion(
  db: Kysely<Database>,
  row: Insertable<QuestionVersionTable>,
): Promise<void> {
  await db.insertInto('question_versions').values(row).execute();
}

/** The current version of every question of a course, with its name and category path. */
export async function listCurrentQuestionVersions(db: Kysely<Database>, courseId: string) {
  return db
    .selectFrom('questions as q')
    .innerJoin('question_versions as v', (j) =>
      j.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.current_version'),
    )
    .innerJoin('question_categories as c', 'c.id', 'q.category_id')
    .select([
      'q.id as question_id',
      'q.name',
      'c.path as category',
      'v.id as version_id',
      'v.version',
      'v.content_hash',
      'v.definition',
    ])
    .where('q.course_id', '=', courseId)
    .execute();
}

/** The current version id of every question of a course, with its name (no definitions: callers cache those). */
export async function listCurrentQuestionVersionIds(db: Kysely<Database>, courseId: string) {
  return db
    .selectFrom('questions')
    .innerJoin('question_versions as v', (j) =>
      j.onRef('v.question_id', '=', 'questions.id').onRef('v.version', '=', 'questions.current_version'),
    )
    .select(['questions.name', 'v.id as version_id'])
    .where('questions.course_id', '=', courseId)
    .orderBy('questions.name')
    .execute();
}

/** Question versions by id (the versions an attempt froze). */
export async function findQuestionVersions(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<QuestionVersionRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('question_versions')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** Every version of the questions of a course, oldest first (history, tests). */
export async function listQuestionVersions(db: Kysely<Database>, courseId: string) {
  return db
    .selectFrom('question_versions as v')
    .innerJoin('questions as q', 'q.id', 'v.question_id')
    .select(['q.name', 'v.id', 'v.version', 'v.content_hash', 'v.source_file'])
    .where('q.course_id', '=', courseId)
    .orderBy('q.name')
    .orderBy('v.version')
    .execute();
}

/** The quiz definitions of a course. */
export async function listQuizDefinitions(
  db: Kysely<Database>,
  courseId: string,
): Promise<QuizDefinitionRow[]> {
  return db
    .selectFrom('quiz_definitions')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('quiz_key')
    .execute();
}

/** Inserts or replaces a course's quiz definition (by course and key). */
export async function upsertQuizDefinition(
  db: Kysely<Database>,
  row: Insertable<QuizDefinitionTable>,
): Promise<void> {
  await db
    .insertInto('quiz_definitions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['course_id', 'quiz_key'])
        .doUpdateSet({ definition: row.definition, updated_at: row.updated_at }),
    )
    .execute();
}
