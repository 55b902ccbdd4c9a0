import type { AttemptDto, PresentedQuestion } from '@labmig/core/assessment';
import { slotsOfView, type AttemptView } from './attempt-pages.ts';
import { isLocked } from './save-page.ts';

/** A question as the attempt page renders it: the presented DTO (its `html` is core's safe HTML) plus view state. */
export type QuestionView = PresentedQuestion & {
  /** Checked in immediate mode: shown with its feedback, no longer editable. */
  readonly locked: boolean;
  readonly answered: boolean;
};

/** One entry of the question navigator. */
export interface NavEntry {
  readonly page: number;
  readonly answered: boolean;
  readonly locked: boolean;
}

/** True when the learner has given an answer (descriptions count as answered: there is nothing to do). */
export function isAnswered(q: PresentedQuestion): boolean {
  return q.type === 'description' || q.response !== undefined;
}

/** What the attempt page needs for one view: the questions shown, the navigator and the summary counts. */
export function attemptView(attempt: AttemptDto, view: AttemptView) {
  const count = attempt.questions.length;
  const questions: QuestionView[] = slotsOfView(view, count).map((slot) => {
    const q = attempt.questions[slot];
    return {
      ...q,
      locked: isLocked(attempt, q),
      answered: isAnswered(q),
    };
  });
  const nav: NavEntry[] = attempt.questions.map((q, i) => ({
    page: i + 1,
    answered: isAnswered(q),
    locked: isLocked(attempt, q),
  }));
  const gradable = attempt.questions.filter((q) => q.type !== 'description');
  const answered = gradable.filter((q) => q.response !== undefined).length;
  return {
    questions,
    nav,
    summary: {
      answered,
      unanswered: gradable.length - answered,
      unansweredPages: nav.filter((n) => !n.answered).map((n) => n.page),
    },
  };
}
