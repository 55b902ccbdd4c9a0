import {
  findCohortById,
  listAnswers,
  listAttemptsOfUser,
  listQuizzesOfCohort,
  type QuizAttemptRow,
} from '@labmig/db';
import type { Actor } from '../../accounts/actor.ts';
import type { App } from '../../app/app.ts';
import { isAssessmentStaff } from '../assessment.policy.ts';
import { feedbackVisibility, type FeedbackMode } from '../feedback.rules.ts';
import { getLearnerGradebook, type LearnerGradebookDto } from '../gradebook.queries.ts';
import { hasPassed, type GradingMethod } from '../quiz.rules.ts';
import { authorize, loadAttemptContext, loadLayoutQuestions, loadQuizContext } from './attempt-context.ts';
import { finaliseIfOverdue, isOverdue } from './attempt-finalise.commands.ts';
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
  /** The cohort of the quiz and its time zone (dates on the page are shown in it). */
  readonly cohortId: string;
  readonly timeZone: string;
  readonly gradingMethod: GradingMethod;
  /** The learner's attempts, oldest first (overdue ones already submitted by the server). */
  readonly attempts: readonly QuizAttemptSummaryDto[];
}

/** One of the learner's attempts on the start page. */
export interface QuizAttemptSummaryDto {
  readonly attemptId: string;
  readonly attemptNumber: number;
  readonly state: 'in-progress' | 'submitted';
  readonly startedAt: string;
  readonly submittedAt: string | null;
  readonly submittedBy: 'learner' | 'timeout' | null;
  /** True once the feedback mode lets the learner see marks (then `grade`/`passed` are set). */
  readonly resultVisible: boolean;
  /** On the quiz's scale; null while hidden or while an essay waits for a tutor. */
  readonly grade: number | null;
  readonly passed: boolean | null;
}

function summarise(
  a: QuizAttemptRow,
  mode: FeedbackMode,
  passMark: number,
  closesAt: Date | null,
  now: Date,
): QuizAttemptSummaryDto {
  const state = a.state === 'open' ? 'in-progress' : 'submitted';
  const visible =
    state === 'submitted' &&
    feedbackVisibility({ mode, viewer: 'learner', attemptState: state, now, closesAt }).marks;
  return {
    attemptId: a.id,
    attemptNumber: a.attempt_number,
    state,
    startedAt: a.started_at,
    submittedAt: a.submitted_at,
    submittedBy: a.submitted_by,
    resultVisible: visible,
    grade: visible ? a.grade : null,
    passed: visible && a.grade !== null ? hasPassed(a.grade, passMark) : null,
  };
}

/** The start page of a quiz for a learner (or staff previewing it). @throws NotFoundError `quiz.not_found` */
export async function getQuizStart(app: App, actor: Actor, quizId: string): Promise<QuizStartDto> {
  const ctx = await loadQuizContext(app.db, quizId);
  await authorize(app.db, actor, 'quiz.view', ctx.quiz.cohort_id, { notFound: 'quiz.not_found' });
  const userId = actor.kind === 'user' ? actor.userId : '';
  const now = app.clock.now();
  let attempts = await listAttemptsOfUser(app.db, quizId, userId);
  // An attempt whose deadline passed is submitted by the server before the page lists it (as getAttempt does).
  const overdue = attempts.filter((attempt) => isOverdue({ attempt }, now));
  for (const attempt of overdue)
    await finaliseIfOverdue(app, { ...ctx, attempt, layout: JSON.parse(attempt.layout) });
  if (overdue.length > 0) attempts = await listAttemptsOfUser(app.db, quizId, userId);
  const d = ctx.definition;
  return {
    quizId,
    title: d.title,
    week: d.week,
    opensAt: ctx.quiz.opens_at,
    closesAt: ctx.quiz.closes_at,
    window: windowState({ opensAt: new Date(ctx.quiz.opens_at), closesAt: ctx.closesAt }, now),
    timeLimitMinutes: d.timeLimitMinutes,
    attemptsAllowed: d.attemptsAllowed,
    attemptsUsed: attempts.length,
    openAttemptId: attempts.find((a) => a.state === 'open')?.id ?? null,
    questionCount: d.items.reduce((n, item) => n + (item.kind === 'fixed' ? 1 : item.count), 0),
    feedbackMode: d.feedbackMode,
    passMark: d.passMark,
    maxGrade: d.maxGrade,
    cohortId: ctx.cohort.id,
    timeZone: ctx.cohort.time_zone,
    gradingMethod: d.gradingMethod,
    attempts: attempts.map((a) => summarise(a, d.feedbackMode, d.passMark, ctx.closesAt, now)),
  };
}

/** The learner's assessments page: their gradebook, plus the cohort's time zone and each quiz's window now. */
export interface LearnerAssessmentsDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly timeZone: string;
  readonly gradebook: LearnerGradebookDto;
  /** Quiz id → where the quiz's window is now. */
  readonly windows: Readonly<Record<string, 'not-open' | 'open' | 'closed'>>;
}

/**
 * The cohort's weekly assessments as a learner sees them (getLearnerGradebook with the window of each quiz).
 * @throws NotFoundError `cohort.not_found`; ForbiddenError (see getLearnerGradebook)
 */
export async function getLearnerAssessments(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<LearnerAssessmentsDto> {
  const gradebook = await getLearnerGradebook(app, actor, cohortId);
  const cohort = await findCohortById(app.db, cohortId);
  const now = app.clock.now();
  const windows: Record<string, 'not-open' | 'open' | 'closed'> = {};
  for (const q of await listQuizzesOfCohort(app.db, cohortId))
    windows[q.id] = windowState(
      { opensAt: new Date(q.opens_at), closesAt: q.closes_at ? new Date(q.closes_at) : null },
      now,
    );
  return {
    cohortId,
    cohortTitle: cohort?.title ?? '',
    timeZone: cohort?.time_zone ?? 'UTC',
    gradebook,
    windows,
  };
}
