import { gradeQuiz, hasPassed, type GradingMethod } from '../attempt/quiz.rules.ts';

/** What a learner achieved in one quiz. */
export interface QuizOutcome {
  /** The quiz grade (after any override); null when there is none yet. */
  readonly grade: number | null;
  /** The grade the attempts earn, before any override (what a cleared override brings back). */
  readonly computedGrade: number | null;
  /** True while an essay waits for a tutor and could change the grade. */
  readonly provisional: boolean;
  readonly overridden: boolean;
  readonly passed: boolean;
  readonly submittedAttempts: number;
}

/**
 * The outcome of a quiz from a learner's attempts in the order made (open attempts are ignored), the grading
 * method, the pass mark and the latest override (null/undefined = none). An override replaces the computed grade.
 * @example quizOutcome({ attempts: [{ state: 'submitted', grade: 50 }, { state: 'submitted', grade: 70 }], method: 'highest', passMark: 60 }) // → { grade: 70, computedGrade: 70, provisional: false, overridden: false, passed: true, submittedAttempts: 2 }
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
    computedGrade: computed.grade,
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

/** How a cohort did in one quiz (one column of the gradebook). */
export interface GradeSummary {
  /** Learners with at least one submitted attempt (or an override). */
  readonly attempted: number;
  /** Learners whose grade reaches the pass mark (provisional grades included). */
  readonly passed: number;
  /** Mean of the grades there are (null when none); provisional and overridden grades count as shown. */
  readonly mean: number | null;
}

/**
 * Summarises one quiz over the cohort's learners: how many attempted, passed, and the mean grade.
 * @example summariseGrades([{ grade: 80, passed: true, submittedAttempts: 1, overridden: false }, { grade: null, passed: false, submittedAttempts: 0, overridden: false }]) // → { attempted: 1, passed: 1, mean: 80 }
 */
export function summariseGrades(
  cells: readonly {
    readonly grade: number | null;
    readonly passed: boolean;
    readonly submittedAttempts: number;
    readonly overridden: boolean;
  }[],
): GradeSummary {
  const grades = cells.map((c) => c.grade).filter((g): g is number => g !== null);
  return {
    attempted: cells.filter((c) => c.submittedAttempts > 0 || c.overridden).length,
    passed: cells.filter((c) => c.passed).length,
    mean: grades.length === 0 ? null : grades.reduce((a, b) => a + b, 0) / grades.length,
  };
}
