import {
  insertAttempt,
  listAnswers,
  listAttemptsOfUser,
  listCurrentQuestionVersionIds,
  newId,
  updateOpenAttempt,
  upsertAnswer,
} from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/can.ts';
import type { App } from '../../app/app.ts';
import { ConflictError, DomainValidationError, isDomainError } from '../../errors/domain-errors.ts';
import type { Question } from '../gift/gift.types.ts';
import { buildAttemptLayout, type BankQuestion } from './attempt-layout.rules.ts';
import type { AnswerErrorCode } from './attempt.errors.ts';
import { readResponse, type SubmittedAnswer } from './attempt-response.ts';
import { gradeQuestion } from './grading.rules.ts';
import { attemptsLeft } from './quiz.rules.ts';
import type { QuestionResponse } from './response.types.ts';
import {
  layoutOf,
  loadAttemptContext,
  loadLayoutQuestions,
  loadQuestionVersions,
  loadQuizContext,
  readAttempt,
  type AttemptContext,
  type AttemptRef,
  type QuizRef,
  type StoredLayout,
} from './attempt-context.ts';
import { finaliseAttemptIn, finaliseIfOverdue, isOverdue } from './attempt-finalise.commands.ts';
import { firstSlotToAnswer, presentAttempt, type AttemptDto } from './attempt.present.ts';
import { attemptDeadline, windowState } from './quiz-window.rules.ts';

/** Answers posted from one page: slot number → what the form sent (ids of the presented question). */
export type PageAnswers = Readonly<Record<number, SubmittedAnswer>>;

/** A started or resumed attempt; `resumeSlot` is where to go on (null: every question answered, the summary). */
export interface StartedAttempt {
  readonly attemptId: string;
  readonly resumed: boolean;
  readonly resumeSlot: number | null;
}

async function startOnce(app: App, actor: Actor, ref: QuizRef): Promise<StartedAttempt> {
  const ctx = await loadQuizContext(app.db, actor, ref, 'attempt.start');
  const userId = ctx.actor.userId;
  const now = app.clock.now();
  for (const attempt of await listAttemptsOfUser(app.db, ref.quizId, userId))
    if (isOverdue({ attempt }, now))
      await finaliseIfOverdue(app, { ...ctx, attempt, layout: layoutOf(attempt) });
  const attempts = await listAttemptsOfUser(app.db, ref.quizId, userId);
  const open = attempts.find((a) => a.state === 'open');
  if (open) {
    const record = { ...ctx, attempt: open, layout: layoutOf(open) };
    const shown = await present(app, {
      ...record,
      access: { ...ctx.access, kind: 'owned', ownerUserId: userId },
    });
    return { attemptId: open.id, resumed: true, resumeSlot: firstSlotToAnswer(shown) };
  }
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
    quiz_id: ref.quizId,
    user_id: userId,
    attempt_number: (attempts.at(-1)?.attempt_number ?? 0) + 1,
    state: 'open',
    layout: JSON.stringify(layout),
    started_at: now.toISOString(),
    deadline_at: deadline?.toISOString() ?? null,
    pending_count: 0,
    updated_at: now.toISOString(),
  });
  app.logger.info('attempt started', { attemptId, quizId: ref.quizId });
  return { attemptId, resumed: false, resumeSlot: 0 };
}

/**
 * Starts an attempt, or resumes the learner's open one: questions (current versions), their order, the order
 * of choices and calculated values are frozen in the attempt. Overdue attempts are finalised first.
 * Two concurrent starts create one attempt (a unique attempt number); the loser resumes it.
 * @throws NotFoundError `quiz.not_found`; ForbiddenError; ConflictError `quiz.not_open`, `quiz.closed`, `quiz.no_attempts_left`
 */
export async function startAttempt(app: App, actor: Actor, ref: QuizRef): Promise<StartedAttempt> {
  try {
    return await startOnce(app, actor, ref);
  } catch (error) {
    if (isDomainError(error)) throw error;
    // Most likely a concurrent start took the same attempt number: the second pass resumes that attempt.
    return startOnce(app, actor, ref);
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

/** Saves (or, with `check`, grades and locks) answers of an attempt already loaded and allowed to answer. */
async function saveLoaded(
  app: App,
  ctx: AttemptContext,
  answers: PageAnswers,
  check: boolean,
): Promise<SaveResult> {
  const attemptId = ctx.attempt.id;
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

/** Grades and locks one answer of an attempt already loaded and allowed to answer (immediate feedback mode). */
async function checkLoaded(
  app: App,
  ctx: AttemptContext,
  slot: number,
  answer: SubmittedAnswer,
): Promise<void> {
  if (ctx.definition.feedbackMode !== 'immediate')
    throw new DomainValidationError({ [`slot-${slot}`]: 'answer.not_checkable' });
  await saveLoaded(app, ctx, { [slot]: answer }, true);
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
  ref: AttemptRef,
  answers: PageAnswers,
): Promise<SaveResult> {
  return saveLoaded(app, await loadAttemptContext(app.db, actor, ref, 'attempt.answer'), answers, false);
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
  ref: AttemptRef,
  slot: number,
  answer: SubmittedAnswer,
): Promise<void> {
  await checkLoaded(app, await loadAttemptContext(app.db, actor, ref, 'attempt.answer'), slot, answer);
}

/** Submits an attempt already loaded and allowed to answer; saves `lastPage` first. */
async function submitLoaded(
  app: App,
  ctx: AttemptContext,
  lastPage: PageAnswers,
): Promise<{ readonly attemptId: string; readonly justSubmitted: boolean }> {
  const attemptId = ctx.attempt.id;
  if ((await finaliseIfOverdue(app, ctx)) || ctx.attempt.state !== 'open')
    return { attemptId, justSubmitted: false };
  if (Object.keys(lastPage).length > 0) {
    try {
      await saveLoaded(app, ctx, lastPage, false);
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
  ref: AttemptRef,
  lastPage: PageAnswers = {},
): Promise<{ readonly attemptId: string; readonly justSubmitted: boolean }> {
  return submitLoaded(app, await loadAttemptContext(app.db, actor, ref, 'attempt.answer'), lastPage);
}

/** An attempt as the actor may see it now (overdue attempts are submitted first). */
async function present(app: App, ctx: AttemptContext): Promise<AttemptDto> {
  const record = (await finaliseIfOverdue(app, ctx)) ? await readAttempt(app.db, ctx.attempt.id) : ctx;
  const questions = await loadLayoutQuestions(app.db, record.layout);
  const answers = await listAnswers(app.db, record.attempt.id);
  const owner = ctx.actor.userId === record.attempt.user_id;
  return presentAttempt(
    record,
    questions,
    answers,
    { kind: owner ? 'learner' : 'staff', canAnswer: can(ctx.actor, 'attempt.answer', ctx.access) },
    app.clock.now(),
  );
}

/**
 * An attempt for its learner (to answer, resume or review) or for staff of the cohort. Reading an attempt whose
 * deadline has passed submits it first, so a learner who comes back late sees it submitted.
 * @throws NotFoundError `attempt.not_found` (also for an attempt of another cohort); ForbiddenError; UnauthenticatedError
 */
export async function getAttempt(app: App, actor: Actor, ref: AttemptRef): Promise<AttemptDto> {
  return present(app, await loadAttemptContext(app.db, actor, ref, 'attempt.review'));
}

/** What one post of an attempt page asks: the answers of the page, then a check or the submission. */
export interface AttemptPost {
  /** Reads the posted answers against the attempt as its learner sees it (slot → answer). */
  readonly answers: (attempt: AttemptDto) => PageAnswers;
  /** Immediate feedback: grade and lock this slot after saving the others. */
  readonly check?: number;
  /** Submit the attempt after saving. */
  readonly submit?: boolean;
}

/** The outcome of a post: `closed` when nothing could be saved (submitted before, or its time is up). */
export type AttemptPostOutcome =
  | { readonly kind: 'closed'; readonly attempt: AttemptDto }
  | { readonly kind: 'submitted'; readonly attempt: AttemptDto }
  | {
      readonly kind: 'saved';
      readonly attempt: AttemptDto;
      /** null when the page had no answers. */
      readonly savedAt: string | null;
      /** Refused slots (their earlier answers are kept) with a stable `answer.*` code each. */
      readonly invalid: Readonly<Record<string, AnswerErrorCode>>;
    };

/**
 * One post of an attempt page, in one load and one authorization: saves the page's answers (the valid ones;
 * refused slots come back in `invalid`), then checks `check` (immediate feedback) or submits (`submit`).
 * A post after the deadline or submission saves nothing (`closed`). Check refusals join `invalid` (nothing of
 * that question is saved).
 * @throws NotFoundError `attempt.not_found`; ForbiddenError; ConflictError `attempt.question_checked`
 */
export async function postAttemptPage(
  app: App,
  actor: Actor,
  ref: AttemptRef,
  post: AttemptPost,
): Promise<AttemptPostOutcome> {
  const ctx = await loadAttemptContext(app.db, actor, ref, 'attempt.review');
  const attempt = await present(app, ctx);
  if (!attempt.canAnswer) return { kind: 'closed', attempt };
  const { [post.check ?? -1]: checked, ...page } = post.answers(attempt);
  const invalid: Record<string, AnswerErrorCode> = {};
  let savedAt: string | null = null;
  try {
    if (post.check !== undefined) {
      const question = attempt.questions[post.check];
      if (!question || question.type === 'description' || question.checked)
        throw new DomainValidationError({}, 'answer.cannot_check');
    }
    if (Object.keys(page).length > 0) {
      const saved = await saveLoaded(app, ctx, page, false);
      Object.assign(invalid, saved.invalid);
      savedAt = saved.savedAt;
    }
    if (post.check !== undefined) {
      try {
        await checkLoaded(app, ctx, post.check, checked ?? {});
      } catch (error) {
        if (!(error instanceof DomainValidationError) || !error.fields) throw error;
        for (const [field, code] of Object.entries(error.fields))
          invalid[field.replace(/^slot-/, '')] = code as AnswerErrorCode;
      }
    }
    if (post.submit) {
      await submitLoaded(app, ctx, {});
      return { kind: 'submitted', attempt };
    }
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'attempt.closed') return { kind: 'closed', attempt };
    throw error;
  }
  return { kind: 'saved', attempt, savedAt, invalid };
}
