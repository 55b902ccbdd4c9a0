import type { AttemptAnswerRow } from '@labmig/db';
import { feedbackVisibility, type FeedbackMode } from './feedback.rules.ts';
import type { Question } from '../gift/gift.types.ts';
import { presentQuestion, type PresentedQuestion } from './question.present.ts';
import { hasPassed } from './quiz.rules.ts';
import type { AttemptRecord } from './attempt-context.ts';
import { storedGrade, storedResponse } from './attempt-grading.ts';

/** An attempt as a page may show it: nothing in it reveals marks or answers before the feedback mode allows. */
export interface AttemptDto {
  readonly id: string;
  readonly quizId: string;
  readonly quizTitle: string;
  /** The French title, when the course gives one. */
  readonly quizTitleFr: string | null;
  readonly week: number;
  /** The cohort of the quiz, its time zone (show dates in it) and the quiz's close date (null = never). */
  readonly cohortId: string;
  readonly timeZone: string;
  readonly closesAt: string | null;
  readonly attemptNumber: number;
  readonly state: 'in-progress' | 'submitted';
  readonly startedAt: string;
  /** When the server closes the attempt (time limit or close date); null = no deadline. */
  readonly deadlineAt: string | null;
  /** Whole seconds until the deadline (for the countdown); null = no deadline. */
  readonly secondsLeft: number | null;
  readonly submittedAt: string | null;
  /** `timeout` when the server submitted it at the deadline. */
  readonly submittedBy: 'learner' | 'timeout' | null;
  readonly feedbackMode: FeedbackMode;
  /** True while the viewer may still change answers. */
  readonly canAnswer: boolean;
  /** Present once marks are visible: grade on the quiz's scale, null while an essay waits for a tutor. */
  readonly result?: {
    readonly marks: number;
    readonly maxMarks: number;
    readonly grade: number | null;
    readonly maxGrade: number;
    readonly passMark: number;
    readonly passed: boolean;
    readonly pendingQuestions: number;
  };
  readonly questions: readonly PresentedQuestion[];
}

/** Presents an attempt for a learner (their own) or staff, per the quiz's feedback mode at `now`. */
export function presentAttempt(
  ctx: AttemptRecord,
  questions: readonly Question[],
  answers: readonly AttemptAnswerRow[],
  viewer: { readonly kind: 'learner' | 'staff'; readonly canAnswer: boolean },
  now: Date,
): AttemptDto {
  const { attempt, definition } = ctx;
  const state = attempt.state === 'open' ? 'in-progress' : 'submitted';
  const byslot = new Map(answers.map((a) => [a.slot, a]));
  const visibility = (checked: boolean) =>
    feedbackVisibility({
      mode: definition.feedbackMode,
      viewer: viewer.kind,
      attemptState: state,
      questionChecked: checked,
      now,
      closesAt: ctx.closesAt,
    });
  const overall = visibility(false);
  const deadline = attempt.deadline_at ? Date.parse(attempt.deadline_at) : null;
  return {
    id: attempt.id,
    quizId: attempt.quiz_id,
    quizTitle: definition.title,
    quizTitleFr: definition.fr?.title ?? null,
    week: definition.week,
    cohortId: ctx.cohort.id,
    timeZone: ctx.cohort.time_zone,
    closesAt: ctx.quiz.closes_at,
    attemptNumber: attempt.attempt_number,
    state,
    startedAt: attempt.started_at,
    deadlineAt: attempt.deadline_at,
    secondsLeft: deadline === null ? null : Math.max(0, Math.floor((deadline - now.getTime()) / 1000)),
    submittedAt: attempt.submitted_at,
    submittedBy: attempt.submitted_by,
    feedbackMode: definition.feedbackMode,
    canAnswer: viewer.canAnswer && state === 'in-progress',
    ...(overall.marks && state === 'submitted' && attempt.max_marks !== null
      ? {
          result: {
            marks: attempt.marks ?? 0,
            maxMarks: attempt.max_marks,
            grade: attempt.grade,
            maxGrade: definition.maxGrade,
            passMark: definition.passMark,
            passed: hasPassed(attempt.grade, definition.passMark),
            pendingQuestions: attempt.pending_count,
          },
        }
      : {}),
    questions: ctx.layout.slots.map((slot, index) => {
      const row = byslot.get(index);
      const v = visibility(row?.checked === 1);
      return presentQuestion({
        slotNumber: index,
        slot,
        question: questions[index],
        visibility: v,
        response: storedResponse(row),
        checked: row?.checked === 1,
        // Grades reach the presenter only when marks may be shown, so a stored grade cannot leak.
        grade: v.marks ? storedGrade(row) : undefined,
      });
    }),
  };
}

/**
 * Where a learner resumes an attempt: the slot of the first question still to answer (neither answered nor
 * checked; descriptions have nothing to answer), or null when every question is answered (the summary).
 */
export function firstSlotToAnswer(attempt: Pick<AttemptDto, 'questions'>): number | null {
  const index = attempt.questions.findIndex((q) => q.type !== 'description' && !q.response && !q.checked);
  return index < 0 ? null : index;
}
