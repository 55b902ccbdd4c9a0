import {
  insertAttempt,
  listAnswers,
  listAttemptsOfUser,
  listCurrentQuestionVersionIds,
  newId,
  updateOpenAttempt,
  upsertAnswer,
} from '@labmig/db';
import type { Actor } from '../../accounts/actor.ts';
import type { App } from '../../app/app.ts';
import { ConflictError, DomainValidationError, isDomainError } from '../../errors/domain-errors.ts';
import { buildAttemptLayout, type BankQuestion } from '../attempt-layout.rules.ts';
import type { AnswerErrorCode } from '../assessment.errors.ts';
import { readResponse, type SubmittedAnswer } from '../attempt-response.ts';
import type { Question } from '../gift.types.ts';
import { gradeQuestion } from '../grading.rules.ts';
import { attemptsLeft } from '../quiz.rules.ts';
import type { QuestionResponse } from '../response.types.ts';
import {
  authorize,
  loadAttemptContext,
  loadLayoutQuestions,
  loadQuestionVersions,
  loadQuizContext,
  type StoredLayout,
} from './attempt-context.ts';
import { finaliseAttemptIn, finaliseIfOverdue, isOverdue } from './attempt-finalise.commands.ts';
import { attemptDeadline, windowState } from './quiz-window.rules.ts';

/** Answers posted from one page: slot number → what the form sent (ids of the presented question). */
export type PageAnswers = Readonly<Record<number, SubmittedAnswer>>;

async function startOnce(
  app: App,
  actor: Actor,
  quizId: string,
): Promise<{ attemptId: string; resumed: boolean }> {
  const ctx = await loadQuizContext(app.db, quizId);
  await authorize(app.db, actor, 'attempt.start', ctx.quiz.cohort_id, { notFound: 'quiz.not_found' });
  const userId = (actor as Extract<Actor, { kind: 'user' }>).userId;
  const now = app.clock.now();
  for (const attempt of await listAttemptsOfUser(app.db, quizId, userId))
    if (isOverdue({ attempt }, now))
      await finaliseIfOverdue(app, { ...ctx, attempt, layout: JSON.parse(attempt.layout) });
  const attempts = await listAttemptsOfUser(app.db, quizId, userId);
  const open = attempts.find((a) => a.state === 'open');
  if (open) return { attemptId: open.id, resumed: true };
  const state = windowState({ opensAt: new Date(ctx.quiz.opens_at), closesAt: ctx.closesAt }, now);
  if (state !== 'open') throw new ConflictError(state === 'closed' ? 'quiz.closed' : 'quiz.not_open');
  if (attemptsLeft(ctx.definition.attemptsAllowed, attempts.length) === 0)
    throw new ConflictError('quiz.no_attempts_left');
  const current = await listCurrentQuestionVersionIds(app.db, ctx.cohort.course_id);
  const parsed = await loadQuestionVersions(
    app.db,
    current.map((v) => v.version_id),
  );
  const bank: BankQuestion[] = current.map((v, i) => ({ id: v.name, question: parsed[i] }));
  const versionOf = new Map(current.map((v) => [v.name, v.version_id]));
  const attemptId = newId();
  const slots = buildAttemptLayout(ctx.definition, bank, attemptId);
  const layout: StoredLayout = { slots, versions: slots.map((s) => versionOf.get(s.questionId)!) };
  const deadline = attemptDeadline(now, ctx.definition.timeLimitMinutes, ctx.closesAt);
  await insertAttempt(app.db, {
    id: attemptId,
    quiz_id: quizId,
    user_id: userId,
    attempt_number: (attempts.at(-1)?.attempt_number ?? 0) + 1,
    state: 'open',
    layout: JSON.stringify(layout),
    started_at: now.toISOString(),
    deadline_at: deadline?.toISOString() ?? null,
    pending_count: 0,
    updated_at: now.toISOString(),
  });
  app.logger.info('attempt started', { attemptId, quizId });
  return { attemptId, resumed: false };
}

/**
 * Starts an attempt, or resumes the learner's open one: questions (current versions), their order, the order
 * of choices and calculated values are frozen in the attempt. Overdue attempts are finalised first.
 * Two concurrent starts create one attempt (a unique attempt number); the loser resumes it.
 * @throws NotFoundError `quiz.not_found`; ForbiddenError; ConflictError `quiz.not_open`, `quiz.closed`, `quiz.no_attempts_left`
 */
export async function startAttempt(
  app: App,
  actor: Actor,
  quizId: string,
): Promise<{ attemptId: string; resumed: boolean }> {
  try {
    return await startOnce(app, actor, quizId);
  } catch (error) {
    if (isDomainError(error)) throw error;
    // Most likely a concurrent start took the same attempt number: the second pass resumes that attempt.
    return startOnce(app, actor, quizId);
  }
}

/** The outcome of saving a page: the slots saved, and per refused slot its stable code (its answer is not saved). */
export interface SaveResult {
  readonly savedAt: string;
  readonly slots: readonly number[];
  readonly invalid: Readonly<Record<string, AnswerErrorCode>>;
}

function readPage(questions: readonly Question[], layout: StoredLayout, answers: PageAnswers) {
  const invalid: Record<string, AnswerErrorCode> = {};
  const read: { slot: number; response: QuestionResponse | undefined }[] = [];
  for (const [key, answer] of Object.entries(answers)) {
    const slot = Number(key);
    if (!Number.isInteger(slot) || !layout.slots[slot]) {
      invalid[key] = 'answer.no_such_question';
      continue;
    }
    const { response, problem } = readResponse(questions[slot], layout.slots[slot], answer);
    if (problem) invalid[slot] = problem.code;
    else read.push({ slot, response });
  }
  return { read, invalid };
}

const slotFields = (invalid: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(invalid).map(([slot, code]) => [`slot-${slot}`, code]));

async function saveOrCheck(
  app: App,
  actor: Actor,
  attemptId: string,
  answers: PageAnswers,
  check: boolean,
): Promise<SaveResult> {
  const ctx = await loadAttemptContext(app.db, attemptId);
  await authorize(app.db, actor, 'attempt.answer', ctx.quiz.cohort_id, {
    ownerUserId: ctx.attempt.user_id,
    notFound: 'attempt.not_found',
  });
  if ((await finaliseIfOverdue(app, ctx)) || ctx.attempt.state !== 'open')
    throw new ConflictError('attempt.closed');
  const questions = await loadLayoutQuestions(app.db, ctx.layout);
  const { read, invalid } = readPage(questions, ctx.layout, answers);
  if (check && Object.keys(invalid).length > 0) throw new DomainValidationError(slotFields(invalid));
  if (check && read.some((r) => r.response === undefined))
    throw new DomainValidationError(
      slotFields(Object.fromEntries(read.map((r) => [r.slot, 'answer.empty']))),
    );
  return app.db.transaction().execute(async (trx) => {
    const now = app.clock.now();
    // Locks the attempt row (PostgreSQL) and re-checks the state: a concurrent submit cannot miss this save.
    const open =
      !isOverdue(ctx, now) && (await updateOpenAttempt(trx, attemptId, { updated_at: now.toISOString() }));
    if (!open) throw new ConflictError('attempt.closed');
    const stored = new Map((await listAnswers(trx, attemptId)).map((a) => [a.slot, a]));
    for (const { slot, response } of read) {
      const json = response === undefined ? null : JSON.stringify(response);
      const before = stored.get(slot);
      if (before?.checked === 1) {
        if (before.response === json) continue;
        if (check) throw new ConflictError('attempt.question_checked');
        invalid[slot] = 'answer.checked';
        continue;
      }
      const grade = check
        ? gradeQuestion(questions[slot], response, { variables: ctx.layout.slots[slot].variables })
        : null;
      await upsertAnswer(trx, {
        attempt_id: attemptId,
        slot,
        response: json,
        checked: check ? 1 : 0,
        grade_state: grade?.state ?? null,
        fraction: grade?.fraction ?? null,
        matched: grade ? JSON.stringify(grade.matched) : null,
        graded_by: null,
        comment: null,
        saved_at: now.toISOString(),
      });
    }
    return {
      savedAt: now.toISOString(),
      slots: read.map((r) => r.slot).filter((n) => !(n in invalid)),
      invalid,
    };
  });
}

/**
 * Saves the answers of one page (idempotent upsert per slot; an empty answer clears the slot). Call it on every
 * page change and from the autosave. Answers that do not fit their question (`readResponse`), name no question
 * of the attempt or change a checked question are not saved: they come back in `invalid` (slot → stable
 * `answer.*` code) while every other answer of the page is saved, and the refused slots keep what was saved
 * before. After the deadline or submission it saves nothing and throws; everything saved before stays.
 * @throws ConflictError `attempt.closed`; ForbiddenError; NotFoundError `attempt.not_found`
 */
export async function saveAnswers(
  app: App,
  actor: Actor,
  attemptId: string,
  answers: PageAnswers,
): Promise<SaveResult> {
  return saveOrCheck(app, actor, attemptId, answers, false);
}

/**
 * Immediate feedback mode: saves one answer, grades it and locks it ("Check"); the review of that question
 * becomes visible in `getAttempt`. Nothing is saved when it throws.
 * @throws DomainValidationError with `fields['slot-N']` = `answer.not_checkable` (not immediate mode),
 * `answer.empty` or a `readResponse` code; ConflictError `attempt.closed`, `attempt.question_checked` (checked before
 * with another answer)
 */
export async function checkQuestion(
  app: App,
  actor: Actor,
  attemptId: string,
  slot: number,
  answer: SubmittedAnswer,
): Promise<void> {
  const ctx = await loadAttemptContext(app.db, attemptId);
  if (ctx.definition.feedbackMode !== 'immediate')
    throw new DomainValidationError({ [`slot-${slot}`]: 'answer.not_checkable' });
  await saveOrCheck(app, actor, attemptId, { [slot]: answer }, true);
}

/**
 * Submits an attempt and grades it on the server. Idempotent and concurrency-safe: a double click or a retried
 * request submits once (`justSubmitted` is true for exactly one caller). Answers posted with the submit are
 * saved first (refused ones, see `saveAnswers`, keep what was saved before); an attempt already past its deadline
 * is finalised with what was saved before it.
 * @throws ForbiddenError; NotFoundError `attempt.not_found`
 */
export async function submitAttempt(
  app: App,
  actor: Actor,
  attemptId: string,
  lastPage: PageAnswers = {},
): Promise<{ readonly attemptId: string; readonly justSubmitted: boolean }> {
  const ctx = await loadAttemptContext(app.db, attemptId);
  await authorize(app.db, actor, 'attempt.answer', ctx.quiz.cohort_id, {
    ownerUserId: ctx.attempt.user_id,
    notFound: 'attempt.not_found',
  });
  if ((await finaliseIfOverdue(app, ctx)) || ctx.attempt.state !== 'open')
    return { attemptId, justSubmitted: false };
  if (Object.keys(lastPage).length > 0) {
    try {
      await saveAnswers(app, actor, attemptId, lastPage);
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'attempt.closed')) throw error;
    }
  }
  const justSubmitted = await app.db
    .transaction()
    .execute((trx) => finaliseAttemptIn(trx, attemptId, app.clock.now(), 'learner', ctx));
  if (justSubmitted) app.logger.info('attempt submitted', { attemptId });
  return { attemptId, justSubmitted };
}
