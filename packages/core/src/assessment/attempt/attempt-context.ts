import {
  findAttemptById,
  findCohortById,
  findQuestionVersions,
  findQuizById,
  type CohortRow,
  type Database,
  type Kysely,
  type QuizAttemptRow,
  type QuizRow,
} from '@labmig/db';
import type { Actor, UserActor } from '../../access/actor.ts';
import { assertCan, type PolicyAction } from '../../access/can.ts';
import { loadCohortAccess, ownedBy, type CohortAccess, type OwnedAccess } from '../../access/membership.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { parseStoredJson } from '../../shared/stored-json.ts';
import type { Question } from '../gift/gift.types.ts';
import { storedQuestionSchema } from '../gift/question.stored.ts';
import { storedLayoutSchema, type StoredLayout } from './attempt.stored.ts';
import { storedQuizDefinitionSchema, type QuizDefinition } from './quiz-definition.ts';

export type { StoredLayout };

/** A quiz inside the cohort whose URL it was asked under. */
export interface QuizRef {
  readonly cohortId: string;
  readonly quizId: string;
}

/** An attempt inside the cohort whose URL it was asked under. */
export interface AttemptRef {
  readonly cohortId: string;
  readonly attemptId: string;
}

/** A quiz with its cohort and parsed definition. */
export interface QuizRecord {
  readonly quiz: QuizRow;
  readonly cohort: CohortRow;
  readonly definition: QuizDefinition;
  readonly closesAt: Date | null;
}

/** An attempt with its quiz and layout. */
export interface AttemptRecord extends QuizRecord {
  readonly attempt: QuizAttemptRow;
  readonly layout: StoredLayout;
}

/** A quiz an actor was allowed to act on, with the access that allowed it. */
export interface QuizContext extends QuizRecord {
  readonly actor: UserActor;
  readonly access: CohortAccess;
}

/** An attempt an actor was allowed to act on, with the access that allowed it. */
export interface AttemptContext extends AttemptRecord {
  readonly actor: UserActor;
  readonly access: OwnedAccess;
}

/** Quiz actions of the policy that take a cohort. */
type QuizAction = Extract<
  PolicyAction,
  'quiz.view' | 'attempt.start' | 'gradebook.cohort' | 'grade.override' | 'items.analyse'
>;
/** Attempt actions of the policy (they take an attempt and its owner). */
type AttemptAction = Extract<PolicyAction, 'attempt.answer' | 'attempt.review' | 'grade.manual'>;

const withQuiz = (quiz: QuizRow, cohort: CohortRow): QuizRecord => ({
  quiz,
  cohort,
  definition: parseStoredJson(storedQuizDefinitionSchema, quiz.definition, `definition of quiz ${quiz.id}`),
  closesAt: quiz.closes_at ? new Date(quiz.closes_at) : null,
});

/** The layout an attempt froze at its start. */
export const layoutOf = (attempt: Pick<QuizAttemptRow, 'id' | 'layout'>): StoredLayout =>
  parseStoredJson(storedLayoutSchema, attempt.layout, `layout of attempt ${attempt.id}`);

/**
 * Loads a quiz of the cohort in `ref`, once, and asserts `action` with `can()` on the actor's membership there.
 * A quiz of another cohort is not found. @throws NotFoundError `cohort.not_found`, `quiz.not_found` (also for
 * people outside the cohort); UnauthenticatedError; ForbiddenError
 */
export async function loadQuizContext(
  db: Kysely<Database>,
  actor: Actor,
  ref: QuizRef,
  action: QuizAction,
): Promise<QuizContext> {
  const { cohort, access } = await loadCohortAccess(db, actor, ref.cohortId);
  const quiz = await findQuizById(db, ref.quizId);
  if (!quiz || quiz.cohort_id !== cohort.id) throw new NotFoundError('quiz.not_found');
  assertCan(actor, action, access, { hidden: 'quiz.not_found' });
  return { ...withQuiz(quiz, cohort), actor, access };
}

/**
 * Loads an attempt of the cohort in `ref` with its quiz, once, and asserts `action` with `can()` on the
 * actor's membership and the attempt's owner. An attempt of another cohort is not found.
 * @throws NotFoundError `cohort.not_found`, `attempt.not_found` (also for people outside the cohort);
 * UnauthenticatedError; ForbiddenError
 */
export async function loadAttemptContext(
  db: Kysely<Database>,
  actor: Actor,
  ref: AttemptRef,
  action: AttemptAction,
): Promise<AttemptContext> {
  const { cohort, access } = await loadCohortAccess(db, actor, ref.cohortId);
  const attempt = await findAttemptById(db, ref.attemptId);
  const quiz = attempt && (await findQuizById(db, attempt.quiz_id));
  if (!attempt || !quiz || quiz.cohort_id !== cohort.id) throw new NotFoundError('attempt.not_found');
  const owned = ownedBy(access, attempt.user_id);
  if (action === 'grade.manual') assertCan(actor, action, access, { hidden: 'attempt.not_found' });
  else assertCan(actor, action, owned, { hidden: 'attempt.not_found' });
  return { ...withQuiz(quiz, cohort), attempt, layout: layoutOf(attempt), actor, access: owned };
}

/**
 * Reads an attempt with its quiz without any access check — for the server's own work (the deadline sweep) and
 * for code that authorized the attempt's cohort already. @throws NotFoundError `attempt.not_found`
 */
export async function readAttempt(db: Kysely<Database>, attemptId: string): Promise<AttemptRecord> {
  const attempt = await findAttemptById(db, attemptId);
  const quiz = attempt && (await findQuizById(db, attempt.quiz_id));
  const cohort = quiz && (await findCohortById(db, quiz.cohort_id));
  if (!attempt || !quiz || !cohort) throw new NotFoundError('attempt.not_found');
  return { ...withQuiz(quiz, cohort), attempt, layout: layoutOf(attempt) };
}

/** The quiz record of a row whose cohort is known (no access check). */
export const quizRecordOf = withQuiz;

// Question versions never change once written (ids are UUIDs), so parsed versions can be shared by every
// request of the process; bounded so a long-running server does not grow without limit.
const VERSION_CACHE_LIMIT = 5_000;
const versionCache = new Map<string, Question>();

/** The questions of an attempt's layout, by slot. */
export async function loadLayoutQuestions(db: Kysely<Database>, layout: StoredLayout): Promise<Question[]> {
  return loadQuestionVersions(db, layout.versions);
}

/** Parsed question versions by id, in the order asked (cached: versions are immutable). */
export async function loadQuestionVersions(
  db: Kysely<Database>,
  versions: readonly string[],
): Promise<Question[]> {
  const missing = versions.filter((id) => !versionCache.has(id));
  if (missing.length > 0) {
    if (versionCache.size + missing.length > VERSION_CACHE_LIMIT) versionCache.clear();
    for (const row of await findQuestionVersions(db, missing))
      versionCache.set(
        row.id,
        parseStoredJson(storedQuestionSchema, row.definition, `question version ${row.id}`),
      );
  }
  return versions.map((id) => {
    const question = versionCache.get(id);
    if (!question) throw new Error(`question version ${id} of an attempt is missing`);
    return question;
  });
}
