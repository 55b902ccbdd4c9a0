import {
  findAttemptById,
  findCohortById,
  findEnrolment,
  findQuestionVersions,
  findQuizById,
  type CohortRow,
  type Database,
  type Kysely,
  type QuizAttemptRow,
  type QuizRow,
} from '@labmig/db';
import type { Actor } from '../../accounts/actor.ts';
import type { EnrolmentRole, EnrolmentStatus } from '../../cohorts/cohort.present.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors/domain-errors.ts';
import type { ErrorCode } from '../../errors/error-messages.ts';
import type { AttemptSlot } from '../attempt-layout.rules.ts';
import type { Question } from '../gift.types.ts';
import type { QuizDefinition } from '../quiz-definition.ts';
import { canOnAssessment, type AssessmentAction, type AssessmentResource } from '../assessment.policy.ts';

/** What an attempt froze at its start: the slots and, per slot, the question version id. */
export interface StoredLayout {
  readonly slots: readonly AttemptSlot[];
  readonly versions: readonly string[];
}

/** A quiz with its cohort and parsed definition. */
export interface QuizContext {
  readonly quiz: QuizRow;
  readonly cohort: CohortRow;
  readonly definition: QuizDefinition;
  readonly closesAt: Date | null;
}

/** An attempt with its quiz and layout. */
export interface AttemptContext extends QuizContext {
  readonly attempt: QuizAttemptRow;
  readonly layout: StoredLayout;
}

/** Loads a quiz, its cohort and definition. @throws NotFoundError `quiz.not_found` */
export async function loadQuizContext(db: Kysely<Database>, quizId: string): Promise<QuizContext> {
  const quiz = await findQuizById(db, quizId);
  const cohort = quiz && (await findCohortById(db, quiz.cohort_id));
  if (!quiz || !cohort) throw new NotFoundError('quiz.not_found');
  return {
    quiz,
    cohort,
    definition: JSON.parse(quiz.definition) as QuizDefinition,
    closesAt: quiz.closes_at ? new Date(quiz.closes_at) : null,
  };
}

/** Loads an attempt with its quiz. @throws NotFoundError `attempt.not_found` */
export async function loadAttemptContext(db: Kysely<Database>, attemptId: string): Promise<AttemptContext> {
  const attempt = await findAttemptById(db, attemptId);
  if (!attempt) throw new NotFoundError('attempt.not_found');
  const quiz = await loadQuizContext(db, attempt.quiz_id);
  return { ...quiz, attempt, layout: JSON.parse(attempt.layout) as StoredLayout };
}

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
      versionCache.set(row.id, JSON.parse(row.definition) as Question);
  }
  return versions.map((id) => {
    const question = versionCache.get(id);
    if (!question) throw new Error(`question version ${id} of an attempt is missing`);
    return question;
  });
}

/** The actor's membership of a cohort, as the policy sees it. */
export async function assessmentResource(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  ownerUserId?: string,
): Promise<AssessmentResource> {
  const enrolment = actor.kind === 'user' ? await findEnrolment(db, cohortId, actor.userId) : undefined;
  return {
    kind: 'assessment',
    membership: enrolment ? { role: enrolment.role, status: enrolment.status } : null,
    ...(ownerUserId === undefined ? {} : { ownerUserId }),
  };
}

/**
 * Throws unless the policy allows the action: UnauthenticatedError for anonymous actors, NotFoundError (with
 * `notFound`) for people outside the cohort so they cannot probe ids, ForbiddenError otherwise.
 */
export async function authorize(
  db: Kysely<Database>,
  actor: Actor,
  action: AssessmentAction,
  cohortId: string,
  options: { ownerUserId?: string; notFound?: ErrorCode } = {},
): Promise<AssessmentResource> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const resource = await assessmentResource(db, actor, cohortId, options.ownerUserId);
  if (canOnAssessment(actor, action, resource)) return resource;
  if (options.notFound && resource.membership === null && !actor.isAdmin)
    throw new NotFoundError(options.notFound);
  throw new ForbiddenError();
}
