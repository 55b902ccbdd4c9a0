/** How the grades of several attempts make the quiz grade (Moodle's "grading method"). */
export type GradingMethod = 'highest' | 'average' | 'first' | 'last';

/** One question of an attempt, after grading: credit in [0, 1] (null while a tutor has not graded it). */
export interface SlotGrade {
  readonly maxMark: number;
  readonly fraction: number | null;
}

/** The grade of one attempt. */
export interface AttemptGrade {
  /** `pending` while some question waits for manual grading. */
  readonly state: 'graded' | 'pending';
  /** Sum of marks of graded questions, and the maximum possible. */
  readonly marks: number;
  readonly maxMarks: number;
  /** Marks rescaled to the quiz's maximum grade; null while pending. */
  readonly grade: number | null;
  readonly pendingQuestions: number;
}

/**
 * Grades an attempt: Σ fraction × maxMark, rescaled to `maxGrade` (grade = marks / maxMarks × maxGrade).
 * @example gradeAttempt([{ maxMark: 1, fraction: 1 }, { maxMark: 2, fraction: 0.5 }], 10) // → { state: 'graded', marks: 2, maxMarks: 3, grade: 6.666…, pendingQuestions: 0 }
 */
export function gradeAttempt(slots: readonly SlotGrade[], maxGrade: number): AttemptGrade {
  if (!(maxGrade > 0)) throw new RangeError('gradeAttempt: maxGrade must be greater than 0');
  let marks = 0;
  let maxMarks = 0;
  let pending = 0;
  for (const slot of slots) {
    if (slot.maxMark < 0) throw new RangeError('gradeAttempt: a maxMark cannot be negative');
    maxMarks += slot.maxMark;
    if (slot.fraction === null) pending++;
    else marks += Math.min(1, Math.max(0, slot.fraction)) * slot.maxMark;
  }
  const grade = pending > 0 ? null : maxMarks === 0 ? 0 : (marks / maxMarks) * maxGrade;
  return { state: pending > 0 ? 'pending' : 'graded', marks, maxMarks, grade, pendingQuestions: pending };
}

/** The quiz grade of a learner from their finished attempts. */
export interface QuizGrade {
  /** null when there is no graded attempt to use (yet). */
  readonly grade: number | null;
  /** True when a pending attempt could still change the grade. */
  readonly provisional: boolean;
}

/**
 * Combines the grades of finished attempts, given in the order they were made (null = pending manual grading):
 * `highest` and `average` use the graded attempts and are provisional while another is pending;
 * `first` and `last` use that attempt only, and are null while it is pending.
 * @example gradeQuiz([6, 8, 7], 'average') // → { grade: 7, provisional: false }
 */
export function gradeQuiz(attemptGrades: readonly (number | null)[], method: GradingMethod): QuizGrade {
  if (attemptGrades.length === 0) return { grade: null, provisional: false };
  if (method === 'first' || method === 'last') {
    const grade = method === 'first' ? attemptGrades[0] : attemptGrades[attemptGrades.length - 1];
    return { grade, provisional: grade === null };
  }
  const graded = attemptGrades.filter((g): g is number => g !== null);
  const provisional = graded.length < attemptGrades.length;
  if (graded.length === 0) return { grade: null, provisional };
  const grade =
    method === 'highest' ? Math.max(...graded) : graded.reduce((a, b) => a + b, 0) / graded.length;
  return { grade, provisional };
}

/**
 * Whether a grade reaches the pass mark (both on the same scale). A tiny allowance absorbs binary rounding,
 * so 60 % of 10 marks passes a pass mark of 6.
 */
export function hasPassed(grade: number | null, passMark: number): boolean {
  return grade !== null && grade >= passMark - 1e-9;
}

/** How many more attempts a learner may start; null = unlimited (`attemptsAllowed` 0). */
export function attemptsLeft(attemptsAllowed: number, attemptsStarted: number): number | null {
  return attemptsAllowed === 0 ? null : Math.max(0, attemptsAllowed - attemptsStarted);
}
