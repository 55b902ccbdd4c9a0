import { describe, expect, it } from 'vitest';
import { adjustmentProblem, memberGrade } from './group-grade.rules.ts';
import { roundGrade } from './grade-rounding.rules.ts';
import { scoreMarks, type GradingScheme, type RubricCriterion } from './rubric-scoring.rules.ts';

/** A criterion whose levels carry the given points, in order. */
function criterion(id: string, weight: number, points: number[]): RubricCriterion {
  return {
    id,
    title: id,
    weight,
    levels: points.map((p) => ({ points: p, title: `${p} points`, descriptor: '' })),
  };
}

const rubric = (passMark: number, ...criteria: RubricCriterion[]): GradingScheme => ({
  kind: 'rubric',
  maxGrade: 100,
  passMark,
  criteria,
});

describe('scoreMarks with a rubric', () => {
  // Each expected grade is worked out by hand in the comment beside it.
  const cases: {
    name: string;
    scheme: GradingScheme;
    levels: Record<string, number>;
    grade: number | null;
    passed: boolean;
    missing?: string[];
  }[] = [
    {
      name: 'top level everywhere gives the maximum grade',
      scheme: rubric(50, criterion('a', 40, [0, 1, 2, 4]), criterion('b', 60, [0, 3, 6])),
      levels: { a: 3, b: 2 },
      grade: 100, // 40 × 4/4 + 60 × 6/6
      passed: true,
    },
    {
      name: 'weights, not raw points, decide each criterion’s share',
      scheme: rubric(50, criterion('a', 60, [0, 1, 2, 3]), criterion('b', 40, [0, 1, 2])),
      levels: { a: 2, b: 1 },
      grade: 60, // 60 × 2/3 + 40 × 1/2 = 40 + 20
      passed: true,
    },
    {
      name: 'a lowest level worth points is not treated as zero',
      scheme: rubric(60, criterion('a', 50, [1, 2, 3, 4]), criterion('b', 50, [1, 2, 3, 4])),
      levels: { a: 0, b: 0 },
      grade: 25, // 50 × 1/4 + 50 × 1/4
      passed: false,
    },
    {
      name: 'the lowest level of zero gives nothing for that criterion',
      scheme: rubric(50, criterion('a', 30, [0, 2, 4]), criterion('b', 70, [0, 5, 10])),
      levels: { a: 0, b: 2 },
      grade: 70, // 0 + 70 × 10/10
      passed: true,
    },
    {
      name: 'thirds that add up to the pass mark pass (rounded once, at the end)',
      scheme: rubric(
        50,
        criterion('a', 25, [0, 1, 2, 3]),
        criterion('b', 25, [0, 1, 2, 3]),
        criterion('c', 50, [0, 1, 2, 3]),
      ),
      levels: { a: 2, b: 2, c: 1 },
      grade: 50, // 25 × 2/3 + 25 × 2/3 + 50 × 1/3 = 16.67 + 16.67 + 16.67 = 50.0
      passed: true,
    },
    {
      name: 'one decimal, halves rounded up',
      scheme: rubric(50, criterion('a', 10, [0, 1, 2, 3, 4, 5, 6, 7, 8]), criterion('b', 90, [0, 1])),
      levels: { a: 3, b: 1 },
      grade: 93.8, // 10 × 3/8 = 3.75, + 90 = 93.75 → 93.8
      passed: true,
    },
    {
      name: 'a grade a tenth below the pass mark fails',
      scheme: rubric(50, criterion('a', 49.9, [0, 1]), criterion('b', 50.1, [0, 1])),
      levels: { a: 1, b: 0 },
      grade: 49.9, // 49.9 × 1/1 + 0
      passed: false,
    },
    {
      name: 'a criterion with no level leaves the grade open',
      scheme: rubric(50, criterion('a', 50, [0, 1, 2]), criterion('b', 50, [0, 1, 2])),
      levels: { a: 2 },
      grade: null,
      passed: false,
      missing: ['b'],
    },
  ];

  it.each(cases)('$name', ({ scheme, levels, grade, passed, missing }) => {
    const scored = scoreMarks(scheme, { kind: 'rubric', levels });
    expect(scored.grade).toBe(grade);
    expect(scored.passed).toBe(passed);
    expect(scored.complete).toBe(grade !== null);
    expect(scored.missing).toEqual(missing ?? []);
  });

  it('keeps a running total of the levels chosen so far', () => {
    const scheme = rubric(50, criterion('a', 50, [0, 1, 2]), criterion('b', 50, [0, 1, 2]));
    const scored = scoreMarks(scheme, { kind: 'rubric', levels: { a: 1 } });
    expect(scored.partial).toBe(25);
    expect(scored.criteria.map((c) => [c.id, c.points])).toEqual([
      ['a', 1],
      ['b', null],
    ]);
  });

  it('refuses a criterion the rubric does not have, and a level that does not exist', () => {
    const scheme = rubric(50, criterion('a', 100, [0, 1, 2]));
    expect(() => scoreMarks(scheme, { kind: 'rubric', levels: { a: 1, z: 0 } })).toThrow(/no criterion "z"/);
    expect(() => scoreMarks(scheme, { kind: 'rubric', levels: { a: 3 } })).toThrow(/no level 3/);
    expect(() => scoreMarks(scheme, { kind: 'rubric', levels: { a: 0.5 } })).toThrow(/no level 0.5/);
  });
});

describe('scoreMarks with simple points', () => {
  const scheme: GradingScheme = { kind: 'points', maxGrade: 20, passMark: 10 };

  it.each([
    { points: 20, grade: 20, passed: true },
    { points: 10, grade: 10, passed: true },
    { points: 9.9, grade: 9.9, passed: false },
    { points: 0, grade: 0, passed: false },
    { points: null, grade: null, passed: false },
  ])('$points points → grade $grade, passed $passed', ({ points, grade, passed }) => {
    const scored = scoreMarks(scheme, { kind: 'points', points });
    expect(scored.grade).toBe(grade);
    expect(scored.passed).toBe(passed);
  });

  it('refuses points above the maximum or below zero', () => {
    expect(() => scoreMarks(scheme, { kind: 'points', points: 21 })).toThrow(/outside 0–20/);
    expect(() => scoreMarks(scheme, { kind: 'points', points: -1 })).toThrow(/outside 0–20/);
  });
});

describe('group grade with an individual adjustment', () => {
  const scheme = { maxGrade: 100, passMark: 50, maxAdjustment: 10 };

  it.each([
    { group: 70, adjustment: 5, grade: 75, applied: 5, clamped: false, passed: true },
    { group: 70, adjustment: 0, grade: 70, applied: 0, clamped: false, passed: true },
    { group: 95, adjustment: 10, grade: 100, applied: 5, clamped: true, passed: true },
    { group: 3, adjustment: -10, grade: 0, applied: -3, clamped: true, passed: false },
    { group: 52, adjustment: -5, grade: 47, applied: -5, clamped: false, passed: false },
    { group: 45.5, adjustment: 4.5, grade: 50, applied: 4.5, clamped: false, passed: true },
  ])(
    'group $group, adjustment $adjustment → $grade',
    ({ group, adjustment, grade, applied, clamped, passed }) => {
      expect(memberGrade(group, adjustment, scheme)).toEqual({
        grade,
        passed,
        appliedAdjustment: applied,
        clamped,
      });
    },
  );

  it('gives no member grade before the group has one', () => {
    expect(memberGrade(null, 5, scheme).grade).toBeNull();
  });

  it.each([
    { adjustment: 12, max: 10, problem: 'over-limit' },
    { adjustment: -10.5, max: 10, problem: 'over-limit' },
    { adjustment: 2.25, max: 10, problem: 'too-precise' },
    { adjustment: 1, max: 0, problem: 'not-allowed' },
    { adjustment: 0, max: 0, problem: null },
    { adjustment: -10, max: 10, problem: null },
  ])('adjustment $adjustment with a limit of $max: $problem', ({ adjustment, max, problem }) => {
    expect(adjustmentProblem(adjustment, max)).toBe(problem);
  });

  it('refuses to apply an adjustment over the limit', () => {
    expect(() => memberGrade(70, 11, scheme)).toThrow(/over-limit/);
  });
});

describe('roundGrade', () => {
  it.each([
    [0.15, 0.2],
    [1.005, 1],
    [2.45, 2.5],
    [16.666666, 16.7],
    [-0.15, -0.2],
    [100, 100],
  ])('%d → %d', (value, rounded) => {
    expect(roundGrade(value)).toBe(rounded);
  });
});
