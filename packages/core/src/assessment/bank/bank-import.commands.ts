import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  insertQuestion,
  insertQuestionCategory,
  insertQuestionVersion,
  listCurrentQuestionVersions,
  listQuestionCategories,
  listQuestions,
  newId,
  updateQuestion,
  upsertQuizDefinition,
  type Database,
  type Transaction,
} from '@labmig/db';
import type { App } from '../../app/app.ts';
import { QuizDefinitionError } from '../attempt/attempt.errors.ts';
import { scheduleCourseQuizzes } from '../attempt/quiz-schedule.commands.ts';
import type { Question } from '../gift/gift.types.ts';
import { checkQuizAgainstBank, loadQuestionBank, type BankProblem } from './question-bank.ts';
import { parseQuizDefinitions, type QuizDefinitionFile } from '../attempt/quiz-definition.ts';

/** The quiz definition file of a course, relative to the course folder. */
export const QUIZ_DEFINITIONS_FILE = path.join('quizzes', 'weekly-assessments.yaml');

/** What a bank import did; all-or-nothing: with problems, nothing was written. */
export type BankImportResult =
  | {
      readonly ok: true;
      /** No quiz definition file in the course: nothing to import. */
      readonly skipped: boolean;
      readonly created: readonly string[];
      readonly versioned: readonly string[];
      readonly unchanged: number;
      readonly quizzes: number;
      readonly cohortsScheduled: number;
    }
  | { readonly ok: false; readonly problems: readonly BankProblem[] };

/** The content hash of a question: everything but its line number (moving a question is not a change). */
export function questionHash(question: Question): string {
  const { line: _line, ...content } = question;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

async function readDefinitions(file: string): Promise<QuizDefinitionFile | BankProblem | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return parseQuizDefinitions(text);
  } catch (error) {
    if (!(error instanceof QuizDefinitionError)) throw error;
    return { code: error.code, file, line: 1, column: 1, message: error.message };
  }
}

/** A course's question bank and quiz definitions, read and checked but not written yet. */
export interface PreparedQuestionBank {
  readonly definitions: QuizDefinitionFile;
  readonly questions: readonly { id: string; question: Question }[];
  /** The GIFT file (base name) each question comes from. */
  readonly sourceOf: ReadonlyMap<string, string>;
}

/**
 * Reads and checks `<courseDir>/quizzes/weekly-assessments.yaml` and the GIFT files it lists, without touching
 * the database: `null` when the course has no quiz file, the problems (file, line, column, reason) when a file is
 * missing, a GIFT file has a syntax error, a name is duplicated or a quiz refers to a missing question.
 */
export async function prepareQuestionBank(
  courseDir: string,
): Promise<
  | { readonly ok: true; readonly bank: PreparedQuestionBank | null }
  | { readonly ok: false; readonly problems: readonly BankProblem[] }
> {
  const defsFile = path.join(courseDir, QUIZ_DEFINITIONS_FILE);
  const defs = await readDefinitions(defsFile);
  if (defs === null) return { ok: true, bank: null };
  if ('problems' in defs || 'code' in defs) return { ok: false, problems: [defs as BankProblem] };
  const files = await Promise.all(
    defs.banks.map(async (bank) => {
      const file = path.join(path.dirname(defsFile), bank);
      return { path: file, source: await readFile(file, 'utf8').catch(() => null) };
    }),
  );
  const missing = files.filter((f) => f.source === null);
  if (missing.length > 0)
    return {
      ok: false,
      problems: missing.map((f) => ({
        code: 'bank.file-missing',
        file: f.path,
        line: 1,
        column: 1,
        message: 'file not found',
      })),
    };
  const read = files as { path: string; source: string }[];
  const bank = loadQuestionBank(read);
  const quizProblems =
    bank.problems.length > 0 ? [] : defs.quizzes.flatMap((q) => checkQuizAgainstBank(q, bank.questions));
  if (bank.problems.length > 0 || quizProblems.length > 0)
    return {
      ok: false,
      problems: [
        ...bank.problems,
        ...quizProblems.map((message) => ({
          code: 'quiz.unknown-question',
          file: defsFile,
          line: 1,
          column: 1,
          message,
        })),
      ],
    };
  const sourceOf = new Map<string, string>();
  for (const f of read)
    for (const q of loadQuestionBank([f]).questions) sourceOf.set(q.id, path.basename(f.path));
  return { ok: true, bank: { definitions: defs, questions: bank.questions, sourceOf } };
}

/**
 * Writes a prepared bank in one transaction: questions whose content changed get a new version (unchanged ones
 * none), quiz definitions are upserted, and the quizzes of every cohort of the course are (re)scheduled.
 */
export async function writeQuestionBank(
  app: App,
  courseId: string,
  prepared: PreparedQuestionBank,
): Promise<Extract<BankImportResult, { ok: true }>> {
  const defs = prepared.definitions;
  const result = await app.db.transaction().execute(async (trx) => {
    const changes = await writeBank(
      trx,
      courseId,
      prepared.questions,
      prepared.sourceOf,
      app.clock.now().toISOString(),
    );
    for (const quiz of defs.quizzes)
      await upsertQuizDefinition(trx, {
        id: newId(),
        course_id: courseId,
        quiz_key: quiz.id,
        definition: JSON.stringify(quiz),
        updated_at: app.clock.now().toISOString(),
      });
    const cohortsScheduled = await scheduleCourseQuizzes(trx, courseId, app.clock.now());
    return { ...changes, quizzes: defs.quizzes.length, cohortsScheduled };
  });
  app.logger.info('question bank imported', {
    courseId,
    created: result.created.length,
    versioned: result.versioned.length,
    unchanged: result.unchanged,
  });
  return { ok: true, skipped: false, ...result };
}

/**
 * Imports a course's question bank and weekly assessments from `<courseDir>/quizzes/weekly-assessments.yaml`
 * and the GIFT files it lists, then (re)schedules the quizzes of every cohort of the course. `importContent`
 * calls it for each course. All or nothing: a GIFT syntax error, a duplicate question name or a quiz
 * that refers to a missing question returns `{ ok: false, problems }` (file, line, column, reason) and writes
 * nothing. A question whose content changed gets a new version; an unchanged one gets none.
 */
export async function importQuestionBank(
  app: App,
  input: { readonly courseId: string; readonly courseDir: string },
): Promise<BankImportResult> {
  const prepared = await prepareQuestionBank(input.courseDir);
  if (!prepared.ok) return prepared;
  if (prepared.bank === null)
    return {
      ok: true,
      skipped: true,
      created: [],
      versioned: [],
      unchanged: 0,
      quizzes: 0,
      cohortsScheduled: 0,
    };
  return writeQuestionBank(app, input.courseId, prepared.bank);
}

async function writeBank(
  trx: Transaction<Database>,
  courseId: string,
  questions: readonly { id: string; question: Question }[],
  sourceOf: ReadonlyMap<string, string>,
  now: string,
): Promise<{ created: string[]; versioned: string[]; unchanged: number }> {
  const categories = new Map((await listQuestionCategories(trx, courseId)).map((c) => [c.path, c.id]));
  const existing = new Map((await listQuestions(trx, courseId)).map((q) => [q.name, q]));
  const hashes = new Map(
    (await listCurrentQuestionVersions(trx, courseId)).map((v) => [v.name, v.content_hash]),
  );
  const created: string[] = [];
  const versioned: string[] = [];
  let unchanged = 0;
  for (const { id: name, question } of questions) {
    let categoryId = categories.get(question.category);
    if (!categoryId) {
      categoryId = newId();
      await insertQuestionCategory(trx, {
        id: categoryId,
        course_id: courseId,
        path: question.category,
        created_at: now,
      });
      categories.set(question.category, categoryId);
    }
    const hash = questionHash(question);
    const current = existing.get(name);
    if (current && hashes.get(name) === hash) {
      unchanged++;
      continue;
    }
    const questionId = current?.id ?? newId();
    const version = (current?.current_version ?? 0) + 1;
    if (!current)
      await insertQuestion(trx, {
        id: questionId,
        course_id: courseId,
        name,
        category_id: categoryId,
        current_version: version,
        created_at: now,
        updated_at: now,
      });
    await insertQuestionVersion(trx, {
      id: newId(),
      question_id: questionId,
      version,
      content_hash: hash,
      definition: JSON.stringify(question),
      source_file: sourceOf.get(name) ?? '',
      created_at: now,
    });
    if (current) {
      await updateQuestion(trx, questionId, {
        current_version: version,
        category_id: categoryId,
        updated_at: now,
      });
      versioned.push(name);
    } else created.push(name);
  }
  return { created, versioned, unchanged };
}
