import { listAttemptsOfUser, type QuizAttemptRow } from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import type { App } from '../../app/app.ts';
import { feedbackVisibility, type FeedbackMode } from './feedback.rules.ts';
import { hasPassed, type GradingMethod } from './quiz.rules.ts';
import { layoutOf, loadQuizContext, type QuizRef } from './attempt-context.ts';
import { finaliseIfOverdue, isOverdue } from './attempt-finalise.commands.ts';
import { windowState } from './quiz-window.rules.ts';

/** A quiz as its start page shows it to a learner. */
export interface QuizStartDto {
  readonly quizId: string;
  readonly title: string;
  /** The French title, when the course gives one. */
  readonly titleFr: string | null;
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
export async function getQuizStart(app: App, actor: Actor, ref: QuizRef): Promise<QuizStartDto> {
  const ctx = await loadQuizContext(app.db, actor, ref, 'quiz.view');
  const { quizId } = ref;
  const userId = ctx.actor.userId;
  const now = app.clock.now();
  let attempts = await listAttemptsOfUser(app.db, quizId, userId);
  // An attempt whose deadline passed is submitted by the server before the page lists it (as getAttempt does).
  const overdue = attempts.filter((attempt) => isOverdue({ attempt }, now));
  for (const attempt of overdue) await finaliseIfOverdue(app, { ...ctx, attempt, layout: layoutOf(attempt) });
  if (overdue.length > 0) attempts = await listAttemptsOfUser(app.db, quizId, userId);
  const d = ctx.definition;
  return {
    quizId,
    title: d.title,
    titleFr: d.fr?.title ?? null,
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
