import { gradeQuiz, hasPassed, type GradingMethod } from './quiz.rules.ts';

/** What a learner achieved in one quiz. */
export interface QuizOutcome {
  /** The quiz grade (after any override); null when there is none yet. */
  readonly grade: number | null;
  /** True while an essay waits for a tutor and could change the grade. */
  readonly provisional: boolean;
  readonly overridden: boolean;
  readonly passed: boolean;
  readonly submittedAttempts: number;
}

/**
 * The outcome of a quiz from a learner's attempts in the order made (open attempts are ignored), the grading
 * method, the pass mark and the latest override (null/undefined = none). An override replaces the computed grade.
 * @example quizOutcome({ attempts: [{ state: 'submitted', grade: 50 }, { state: 'submitted', grade: 70 }], method: 'highest', passMark: 60 }) // → { grade: 70, provisional: false, overridden: false, passed: true, submittedAttempts: 2 }
 */
export function quizOutcome(input: {
  readonly attempts: readonly { readonly state: string; readonly grade: number | null }[];
  readonly method: GradingMethod;
  readonly passMark: number;
  readonly override?: number | null;
}): QuizOutcome {
  const submitted = input.attempts.filter((a) => a.state === 'submitted');
  const overridden = input.override !== undefined && input.override !== null;
  const computed = gradeQuiz(
    submitted.map((a) => a.grade),
    input.method,
  );
  const grade = overridden ? (input.override as number) : computed.grade;
  return {
    grade,
    provisional: !overridden && computed.provisional,
    overridden,
    passed: hasPassed(grade, input.passMark),
    submittedAttempts: submitted.length,
  };
}

/**
 * Where a learner stands with one quiz, to say what is still required to pass:
 * `passed`; `awaiting-grading` (an essay waits for a tutor); `awaiting-release` (the feedback mode hides the
 * grade until the quiz closes); `not-open`; `to-do` (open, not attempted); `retry` (below the pass mark, an
 * attempt left and the quiz open); `failed` (closed or out of attempts without passing).
 */
export type Requirement =
  'passed' | 'awaiting-grading' | 'awaiting-release' | 'not-open' | 'to-do' | 'retry' | 'failed';

/** The requirement of one quiz for a learner. */
export function requirementOf(
  outcome: QuizOutcome,
  context: {
    readonly window: 'not-open' | 'open' | 'closed';
    readonly attemptsLeft: number | null;
    readonly gradeHidden: boolean;
  },
): Requirement {
  if (context.gradeHidden && outcome.submittedAttempts > 0) return 'awaiting-release';
  if (outcome.passed && !outcome.provisional) return 'passed';
  if (outcome.provisional || (outcome.submittedAttempts > 0 && outcome.grade === null))
    return 'awaiting-grading';
  if (context.window === 'not-open') return 'not-open';
  const canTry = context.window === 'open' && context.attemptsLeft !== 0;
  if (outcome.submittedAttempts === 0) return canTry ? 'to-do' : 'failed';
  return canTry ? 'retry' : 'failed';
}
