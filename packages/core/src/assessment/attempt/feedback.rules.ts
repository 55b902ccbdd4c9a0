/**
 * When learners see marks, right answers and feedback:
 * - `immediate`: each question once it is checked ("Check" button, then it can no longer change), and all after submission;
 * - `after-submission`: once the attempt is submitted;
 * - `after-close`: once the attempt is submitted and the quiz has closed (a quiz without a close date
 *   behaves as `after-submission`).
 */
export type FeedbackMode = 'immediate' | 'after-submission' | 'after-close';

/** What a viewer may see of one question. */
export interface FeedbackVisibility {
  /** Marks and right/partial/wrong state. */
  readonly marks: boolean;
  /** Per-answer and general feedback. */
  readonly feedback: boolean;
  /** The right answer(s). */
  readonly rightAnswer: boolean;
}

/** The situation in which a question is shown. */
export interface FeedbackContext {
  readonly mode: FeedbackMode;
  readonly viewer: 'learner' | 'staff';
  readonly attemptState: 'in-progress' | 'submitted';
  /** Immediate mode: the learner has checked this question. */
  readonly questionChecked?: boolean;
  readonly now: Date;
  readonly closesAt?: Date | null;
}

const ALL: FeedbackVisibility = { marks: true, feedback: true, rightAnswer: true };
const NONE: FeedbackVisibility = { marks: false, feedback: false, rightAnswer: false };

/**
 * What the viewer may see now. Staff (tutors, managers) always see everything; learners per the mode.
 * @example feedbackVisibility({ mode: 'after-submission', viewer: 'learner', attemptState: 'in-progress', now }) // → { marks: false, feedback: false, rightAnswer: false }
 */
export function feedbackVisibility(context: FeedbackContext): FeedbackVisibility {
  if (context.viewer === 'staff') return ALL;
  const submitted = context.attemptState === 'submitted';
  switch (context.mode) {
    case 'immediate':
      return submitted || context.questionChecked === true ? ALL : NONE;
    case 'after-submission':
      return submitted ? ALL : NONE;
    case 'after-close': {
      const closed = !context.closesAt || context.now.getTime() >= context.closesAt.getTime();
      return submitted && closed ? ALL : NONE;
    }
  }
}
