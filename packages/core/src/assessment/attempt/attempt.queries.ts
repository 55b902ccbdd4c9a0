import { listAnswers, listAttemptsOfUser } from '@labmig/db';
import type { Actor } from '../../accounts/actor.ts';
import type { App } from '../../app/app.ts';
import { isAssessmentStaff } from '../assessment.policy.ts';
import { authorize, loadAttemptContext, loadLayoutQuestions, loadQuizContext } from './attempt-context.ts';
import { finaliseIfOverdue } from './attempt-finalise.commands.ts';
import { presentAttempt, type AttemptDto } from './attempt.present.ts';
import { windowState } from './quiz-window.rules.ts';

/**
 * An attempt for its learner (to answer, resume or review) or for staff of the cohort. Reading an attempt whose
 * deadline has passed submits it first, so a learner who comes back late sees it submitted.
 * @throws NotFoundError `attempt.not_found`; ForbiddenError; UnauthenticatedError
 */
export async function getAttempt(app: App, actor: Actor, attemptId: string): Promise<AttemptDto> {
  let ctx = await loadAttemptContext(app.db, attemptId);
  const resource = await authorize(app.db, actor, 'attempt.review', ctx.quiz.cohort_id, {
    ownerUserId: ctx.attempt.user_id,
    notFound: 'attempt.not_found',
  });
  if (await finaliseIfOverdue(app, ctx)) ctx = await loadAttemptContext(app.db, attemptId);
  const questions = await loadLayoutQuestions(app.db, ctx.layout);
  const answers = await listAnswers(app.db, attemptId);
  const owner = actor.kind === 'user' && actor.userId === ctx.attempt.user_id;
  const staff = !owner && isAssessmentStaff(actor, resource);
  return presentAttempt(
    ctx,
    questions,
    answers,
    { kind: staff ? 'staff' : 'learner', canAnswer: owner && resource.membership?.status === 'active' },
    app.clock.now(),
  );
}

/** A quiz as its start page shows it to a learner. */
export interface QuizStartDto {
  readonly quizId: string;
  readonly title: string;
  readonly week: number;
  readonly opensAt: string;
  readonly closesAt: string | null;
  readonly window: 'not-open' | 'open' | 'closed';
  readonly timeLimitMinutes: number | null;
  readonly attemptsAllowed: number;
  readonly attemptsUsed: number;
  readonly openAttemptId: string | null;
  readonly questionCount: number;
  readonly feedbackMode: string;
  readonly passMark: number;
  readonly maxGrade: number;
}

/** The start page of a quiz for a learner (or staff previewing it). @throws NotFoundError `quiz.not_found` */
export async function getQuizStart(app: App, actor: Actor, quizId: string): Promise<QuizStartDto> {
  const ctx = await loadQuizContext(app.db, quizId);
  await authorize(app.db, actor, 'quiz.view', ctx.quiz.cohort_id, { notFound: 'quiz.not_found' });
  const userId = actor.kind === 'user' ? actor.userId : '';
  const attempts = await listAttemptsOfUser(app.db, quizId, userId);
  const d = ctx.definition;
  return {
    quizId,
    title: d.title,
    week: d.week,
    opensAt: ctx.quiz.opens_at,
    closesAt: ctx.quiz.closes_at,
    window: windowState({ opensAt: new Date(ctx.quiz.opens_at), closesAt: ctx.closesAt }, app.clock.now()),
    timeLimitMinutes: d.timeLimitMinutes,
    attemptsAllowed: d.attemptsAllowed,
    attemptsUsed: attempts.length,
    openAttemptId: attempts.find((a) => a.state === 'open')?.id ?? null,
    questionCount: d.items.reduce((n, item) => n + (item.kind === 'fixed' ? 1 : item.count), 0),
    feedbackMode: d.feedbackMode,
    passMark: d.passMark,
    maxGrade: d.maxGrade,
  };
}
