import { reachesPassMark, roundGrade } from './grade-rounding.rules.ts';

/** One level of a rubric criterion: its points and what work at that level looks like. */
export interface RubricLevel {
  readonly points: number;
  readonly title: string;
  readonly descriptor: string;
}

/** One criterion: levels in increasing points; `weight` is its share of the grade, on the grade's scale. */
export interface RubricCriterion {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly levels: readonly RubricLevel[];
}

/** How an assignment is graded: a rubric, or simple points from 0 to `maxGrade`. */
export type GradingScheme =
  | {
      readonly kind: 'rubric';
      readonly maxGrade: number;
      readonly passMark: number;
      readonly criteria: readonly RubricCriterion[];
    }
  | { readonly kind: 'points'; readonly maxGrade: number; readonly passMark: number };

/** What a tutor chose: a level index per criterion id (rubric), or the points given (null = not yet). */
export type Marks =
  | { readonly kind: 'rubric'; readonly levels: Readonly<Record<string, number>> }
  | { readonly kind: 'points'; readonly points: number | null };

/** One criterion as scored: the level chosen (null = not yet) and its contribution to the grade. */
export interface CriterionScore {
  readonly id: string;
  readonly level: number | null;
  readonly points: number | null;
  readonly maxPoints: number;
  /** weight × points ÷ maxPoints, unrounded; null when no level is chosen. */
  readonly contribution: number | null;
}

/** A scored grade. `grade` is null until every criterion has a level (`missing` says which have none). */
export interface ScoredGrade {
  readonly complete: boolean;
  readonly missing: readonly string[];
  /** The grade on the `maxGrade` scale, rounded to one decimal; null while incomplete. */
  readonly grade: number | null;
  /** What the chosen levels add up to so far (rounded), for a tutor's running total. */
  readonly partial: number;
  readonly passed: boolean;
  readonly criteria: readonly CriterionScore[];
}

/** The highest points of a criterion (its last level; levels are in increasing order). */
export function maxPointsOf(criterion: RubricCriterion): number {
  return criterion.levels[criterion.levels.length - 1]?.points ?? 0;
}

/**
 * Scores a tutor's marks against a grading scheme. A rubric criterion contributes weight × points ÷ its top
 * points, so the grade stays on the `maxGrade` scale whatever points the levels carry; the total is rounded
 * once, at the end, to one decimal, and compared with the pass mark as rounded (the grade the learner sees).
 * A criterion without a level leaves the grade incomplete: nothing is assumed for it.
 * @throws RangeError for a criterion id the rubric does not have, a level index out of range, or points
 *   outside 0…maxGrade (a form must have refused these; here they are bugs)
 * @example scoreMarks({ kind: 'rubric', maxGrade: 100, passMark: 50, criteria: [{ id: 'a', title: 'A', weight: 60, levels: [{ points: 0, title: '', descriptor: '' }, { points: 3, title: '', descriptor: '' }] }, { id: 'b', title: 'B', weight: 40, levels: [{ points: 0, title: '', descriptor: '' }, { points: 2, title: '', descriptor: '' }] }] }, { kind: 'rubric', levels: { a: 1, b: 0 } }).grade // 60
 */
export function scoreMarks(scheme: GradingScheme, marks: Marks): ScoredGrade {
  if (scheme.kind === 'points') {
    if (marks.kind !== 'points') throw new RangeError('scoreMarks: rubric marks for a points scheme');
    const { points } = marks;
    if (points !== null && !(points >= 0 && points <= scheme.maxGrade))
      throw new RangeError(`scoreMarks: points ${points} outside 0–${scheme.maxGrade}`);
    const grade = points === null ? null : roundGrade(points);
    return {
      complete: grade !== null,
      missing: grade === null ? ['points'] : [],
      grade,
      partial: grade ?? 0,
      passed: reachesPassMark(grade, scheme.passMark),
      criteria: [],
    };
  }
  if (marks.kind !== 'rubric') throw new RangeError('scoreMarks: points marks for a rubric scheme');
  const known = new Set(scheme.criteria.map((c) => c.id));
  for (const id of Object.keys(marks.levels))
    if (!known.has(id)) throw new RangeError(`scoreMarks: the rubric has no criterion "${id}"`);
  const criteria = scheme.criteria.map((c): CriterionScore => {
    const level = marks.levels[c.id] ?? null;
    const maxPoints = maxPointsOf(c);
    if (level === null) return { id: c.id, level: null, points: null, maxPoints, contribution: null };
    const chosen = Number.isInteger(level) ? c.levels[level] : undefined;
    if (!chosen) throw new RangeError(`scoreMarks: criterion "${c.id}" has no level ${level}`);
    return {
      id: c.id,
      level,
      points: chosen.points,
      maxPoints,
      contribution: (c.weight * chosen.points) / maxPoints,
    };
  });
  const missing = criteria.filter((c) => c.contribution === null).map((c) => c.id);
  const sum = criteria.reduce((total, c) => total + (c.contribution ?? 0), 0);
  const grade = missing.length === 0 ? roundGrade(sum) : null;
  return {
    complete: missing.length === 0,
    missing,
    grade,
    partial: roundGrade(sum),
    passed: reachesPassMark(grade, scheme.passMark),
    criteria,
  };
}
