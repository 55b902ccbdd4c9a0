import { listAnswers, listQuizzesOfCohort, upsertAnswer, type Database, type Kysely } from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import type { App } from '../../app/app.ts';
import { ConflictError, DomainValidationError } from '../../errors/domain-errors.ts';
import { gradeManually } from '../attempt/attempt-response.ts';
import { assertCan } from '../../access/can.ts';
import { loadCohortAccess } from '../../access/membership.ts';
import {
  loadAttemptContext,
  loadLayoutQuestions,
  readAttempt,
  type AttemptRef,
} from '../attempt/attempt-context.ts';
import { gradeStoredAttempt, storedResponse } from '../attempt/attempt-grading.ts';

/** Longest comment a tutor may leave on a graded essay. */
export const MAX_GRADING_COMMENT_LENGTH = 2_000;

/** An essay waiting for a tutor. */
export interface PendingEssayDto {
  readonly attemptId: string;
  readonly slot: number;
  readonly quizId: string;
  readonly quizTitle: string;
  readonly userId: string;
  readonly learnerName: string;
  readonly submittedAt: string | null;
  readonly questionText: string;
  readonly maxMark: number;
  readonly essay: string;
}

async function pendingRows(db: Kysely<Database>, cohortId: string) {
  const quizIds = (await listQuizzesOfCohort(db, cohortId)).map((q) => q.id);
  if (quizIds.length === 0) return [];
  return db
    .selectFrom('attempt_answers as a')
    .innerJoin('quiz_attempts as t', 't.id', 'a.attempt_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['a.attempt_id', 'a.slot', 'u.name', 't.user_id', 't.submitted_at'])
    .where('t.quiz_id', 'in', quizIds)
    .where('t.state', '=', 'submitted')
    .where('a.grade_state', '=', 'pending')
    .orderBy('t.submitted_at')
    .orderBy('a.attempt_id')
    .orderBy('a.slot')
    .execute();
}

/**
 * The manual-grading queue of a cohort: submitted essays no tutor has graded yet, oldest submission first.
 * @throws ForbiddenError unless the actor is an active tutor or manager of the cohort, or an admin
 */
export async function listGradingQueue(app: App, actor: Actor, cohortId: string): Promise<PendingEssayDto[]> {
  const { access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'grade.manual', access, { hidden: 'cohort.not_found' });
  const queue: PendingEssayDto[] = [];
  for (const row of await pendingRows(app.db, cohortId)) {
    const ctx = await readAttempt(app.db, row.attempt_id);
    const questions = await loadLayoutQuestions(app.db, ctx.layout);
    const answer = (await listAnswers(app.db, row.attempt_id)).find((a) => a.slot === row.slot);
    const response = storedResponse(answer);
    queue.push({
      attemptId: row.attempt_id,
      slot: row.slot,
      quizId: ctx.quiz.id,
      quizTitle: ctx.definition.title,
      userId: row.user_id,
      learnerName: row.name,
      submittedAt: row.submitted_at,
      questionText: questions[row.slot].text,
      maxMark: ctx.layout.slots[row.slot].maxMark,
      essay: response?.type === 'essay' ? response.text : '',
    });
  }
  return queue;
}

/**
 * A tutor grades one question of a submitted attempt by hand (essays; also a regrade of any question), as a
 * fraction of its mark, with an optional comment. The attempt grade is recomputed.
 * @throws DomainValidationError (`fraction`, `comment`); ConflictError `attempt.closed` when the attempt is still open; ForbiddenError
 */
export async function gradeEssay(
  app: App,
  actor: Actor,
  input: AttemptRef & {
    readonly slot: number;
    readonly fraction: number;
    readonly comment?: string;
  },
): Promise<{ readonly grade: number | null; readonly pendingQuestions: number }> {
  const ctx = await loadAttemptContext(app.db, actor, input, 'grade.manual');
  const comment = (input.comment ?? '').trim();
  if (!(input.fraction >= 0 && input.fraction <= 1))
    throw new DomainValidationError({ fraction: 'between 0 and 1' });
  if (comment.length > MAX_GRADING_COMMENT_LENGTH)
    throw new DomainValidationError({ comment: `at most ${MAX_GRADING_COMMENT_LENGTH} characters` });
  if (!ctx.layout.slots[input.slot]) throw new DomainValidationError({ slot: 'there is no such question' });
  if (ctx.attempt.state !== 'submitted') throw new ConflictError('attempt.closed');
  const grade = gradeManually(input.fraction);
  const now = app.clock.now().toISOString();
  const result = await app.db.transaction().execute(async (trx) => {
    const row = (await listAnswers(trx, input.attemptId)).find((a) => a.slot === input.slot);
    await upsertAnswer(trx, {
      attempt_id: input.attemptId,
      slot: input.slot,
      response: row?.response ?? null,
      checked: row?.checked ?? 0,
      grade_state: grade.state,
      fraction: grade.fraction,
      matched: '[]',
      graded_by: ctx.actor.userId,
      comment: comment || null,
      saved_at: row?.saved_at ?? now,
    });
    const questions = await loadLayoutQuestions(trx, ctx.layout);
    return gradeStoredAttempt(trx, input.attemptId, ctx.layout, questions, ctx.definition.maxGrade, now);
  });
  app.logger.info('question graded by hand', {
    attemptId: input.attemptId,
    slot: input.slot,
    by: ctx.actor.userId,
  });
  return { grade: result.grade, pendingQuestions: result.pendingQuestions };
}
