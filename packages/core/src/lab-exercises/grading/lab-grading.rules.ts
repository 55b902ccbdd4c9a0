import type { Tolerance } from '../definition/lab-exercise-definition.ts';

/** How one entered answer compares with the engine's value. */
export type AnswerResult = 'correct' | 'incorrect' | 'missing' | 'invalid';

/**
 * Reads a number as a learner types it: spaces (also no-break and narrow no-break, as French writes thousands) are
 * dropped, a decimal comma is read as a point when there is no point, a trailing `%` is ignored. Null when empty;
 * NaN when it is not a number.
 * @example parseAnswerNumber('3,81 %') // 3.81
 * @example parseAnswerNumber('17 275') // 17275
 */
export function parseAnswerNumber(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  s = s.replace(/%$/, '');
  if (!s.includes('.') && (s.match(/,/g) ?? []).length === 1) s = s.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s);
}

/**
 * Whether `given` is within the tolerance of `expected`: |given − expected| ≤ absolute, or ≤ relative × |expected|.
 * A hair of slack (1e-9 of the scale) keeps a boundary value typed exactly from failing on binary noise.
 * @example withinTolerance(3.8, 3.806, { absolute: 0.05 }) // true
 */
export function withinTolerance(given: number, expected: number, tolerance: Tolerance): boolean {
  const allowed = 'absolute' in tolerance ? tolerance.absolute : tolerance.relative * Math.abs(expected);
  return Math.abs(given - expected) <= allowed + 1e-9 * Math.max(1, Math.abs(expected));
}

/** One answer's result. */
export function gradeAnswer(raw: string | undefined, expected: number, tolerance: Tolerance): AnswerResult {
  const n = parseAnswerNumber(raw ?? '');
  if (n === null) return 'missing';
  if (Number.isNaN(n)) return 'invalid';
  return withinTolerance(n, expected, tolerance) ? 'correct' : 'incorrect';
}

/**
 * An attempt's score: the exercise's points × the share of answers within tolerance, rounded to one decimal.
 * @example attemptScore(['correct', 'incorrect'], 10) // 5
 */
export function attemptScore(results: readonly AnswerResult[], points: number): number {
  if (results.length === 0) return 0;
  const right = results.filter((r) => r === 'correct').length;
  return Math.round((points * right * 10) / results.length) / 10;
}

/**
 * Where a learner stands with one exercise: `not-attempted` (attempts left, none made), `retry` (some answer off,
 * attempts left, not past due), `passed` (an attempt had every answer right), `failed` (out of attempts, or past due
 * without a right attempt), `closed` (past due, never attempted).
 */
export type LabExerciseStatus = 'not-attempted' | 'retry' | 'passed' | 'failed' | 'closed';

/** The status of an exercise for a learner from their attempts (oldest first), the attempts allowed and the due time. */
export function exerciseStatus(
  attempts: readonly { readonly correct: boolean }[],
  allowed: number,
  pastDue: boolean,
): LabExerciseStatus {
  if (attempts.some((a) => a.correct)) return 'passed';
  if (attempts.length >= allowed) return 'failed';
  if (pastDue) return attempts.length === 0 ? 'closed' : 'failed';
  return attempts.length === 0 ? 'not-attempted' : 'retry';
}

/** The exercise's grade: the best attempt's score (null before any attempt). */
export function exerciseGrade(attempts: readonly { readonly score: number }[]): number | null {
  return attempts.length === 0 ? null : Math.max(...attempts.map((a) => a.score));
}

/** Whether the learner may still answer, and the expected values may be shown (once nothing can change). */
export function mayAnswer(status: LabExerciseStatus): boolean {
  return status === 'not-attempted' || status === 'retry';
}
