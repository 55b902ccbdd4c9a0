/**
 * Rounds a grade to one decimal, halves away from zero, without binary noise: 0.15 stays 0.2 although
 * `0.15 * 10` is 1.4999999999999998. Grades are shown, compared with the pass mark and exported at this precision.
 * @example roundGrade(16.666666) // 16.7
 * @example roundGrade(0.15) // 0.2
 */
export function roundGrade(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`roundGrade: value ${value} is not a finite number`);
  const tenths = Number((Math.abs(value) * 10).toPrecision(12));
  return (Math.sign(value) * Math.round(tenths)) / 10;
}

/**
 * Whether a grade (already rounded, as the learner sees it) reaches the pass mark of the same scale.
 * @example reachesPassMark(49.9, 50) // false
 */
export function reachesPassMark(grade: number | null, passMark: number): boolean {
  return grade !== null && grade >= passMark;
}

/**
 * Whether a number has at most one decimal (the precision tutors enter points and adjustments with).
 * @example hasOneDecimalAtMost(7.5) // true
 * @example hasOneDecimalAtMost(7.25) // false
 */
export function hasOneDecimalAtMost(value: number): boolean {
  return Number.isFinite(value) && Math.abs(roundGrade(value) - value) < 1e-9;
}
