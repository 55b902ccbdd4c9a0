import { hasOneDecimalAtMost, reachesPassMark, roundGrade } from './grade-rounding.rules.ts';

/** Why an individual adjustment cannot be saved. */
export type AdjustmentProblem = 'not-allowed' | 'too-precise' | 'over-limit';

/**
 * Checks a tutor's adjustment of one member's grade in a group assignment: at most `maxAdjustment` points up or
 * down (0 = the assignment allows none), with at most one decimal. Null when it is fine.
 * @example adjustmentProblem(-12, 10) // 'over-limit'
 */
export function adjustmentProblem(adjustment: number, maxAdjustment: number): AdjustmentProblem | null {
  if (adjustment !== 0 && maxAdjustment === 0) return 'not-allowed';
  if (!hasOneDecimalAtMost(adjustment)) return 'too-precise';
  if (Math.abs(adjustment) > maxAdjustment) return 'over-limit';
  return null;
}

/** One member's grade in a group assignment. */
export interface MemberGrade {
  readonly grade: number | null;
  readonly passed: boolean;
  /** The adjustment that applied after clamping (what the member actually got above or below the group). */
  readonly appliedAdjustment: number;
  /** True when the grade hit 0 or maxGrade and part of the adjustment was lost. */
  readonly clamped: boolean;
}

/**
 * A member's grade: the group's grade plus the member's adjustment, kept within 0…maxGrade and rounded to one
 * decimal; the pass mark applies to the member's own grade. No group grade yet → no member grade.
 * @throws RangeError when the adjustment breaks {@link adjustmentProblem} (the form must refuse it first)
 * @example memberGrade(95, 10, { maxGrade: 100, passMark: 50, maxAdjustment: 10 }) // { grade: 100, passed: true, appliedAdjustment: 5, clamped: true }
 */
export function memberGrade(
  groupGrade: number | null,
  adjustment: number,
  scheme: { readonly maxGrade: number; readonly passMark: number; readonly maxAdjustment: number },
): MemberGrade {
  const problem = adjustmentProblem(adjustment, scheme.maxAdjustment);
  if (problem) throw new RangeError(`memberGrade: adjustment ${adjustment} is ${problem}`);
  if (groupGrade === null) return { grade: null, passed: false, appliedAdjustment: 0, clamped: false };
  const raw = roundGrade(groupGrade + adjustment);
  const grade = Math.min(scheme.maxGrade, Math.max(0, raw));
  return {
    grade,
    passed: reachesPassMark(grade, scheme.passMark),
    appliedAdjustment: roundGrade(grade - groupGrade),
    clamped: grade !== raw,
  };
}
