import { describe, expect, it } from 'vitest';
import {
  attemptScore,
  exerciseGrade,
  exerciseStatus,
  gradeAnswer,
  parseAnswerNumber,
  withinTolerance,
} from './lab-grading.rules.ts';

// R's labour force participation rate of foreign-born women on lfs_small.csv (R 4.2.2, survey 4.1.1;
// /work/shared/reference/lfs/lfs_small_reference.json, case lfpr_by_migrant_sex), in percent.
const R_RATE = 64.2750471265199;
const R_SE = 2.03972335915832;

describe('parseAnswerNumber', () => {
  it.each([
    ['64.28', 64.28],
    ['64,28', 64.28],
    [' 64.28 % ', 64.28],
    ['3\u202f347', 3347],
    ['3 347', 3347],
    ['-1.5', -1.5],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('reads %j as %d', (raw, value) => expect(parseAnswerNumber(raw)).toBe(value));

  it('gives null for an empty field and NaN for text that is not a number', () => {
    expect(parseAnswerNumber('  ')).toBeNull();
    for (const raw of ['abc', '1,234.5,6', '64.2.8', '1,2,3', '12a'])
      expect(parseAnswerNumber(raw)).toBeNaN();
  });
});

describe('gradeAnswer against R’s values', () => {
  it.each([
    // answer, expected, tolerance, result
    ['64.28', R_RATE, { absolute: 0.05 }, 'correct'],
    ['64,3', R_RATE, { absolute: 0.05 }, 'correct'],
    ['64.2', R_RATE, { absolute: 0.05 }, 'incorrect'],
    ['0.6428', R_RATE, { absolute: 0.05 }, 'incorrect'], // a proportion where percent was asked
    ['53.08', R_RATE, { absolute: 0.05 }, 'incorrect'], // women born in the country
    ['2.04', R_SE, { absolute: 0.005 }, 'correct'],
    ['2.05', R_SE, { absolute: 0.005 }, 'incorrect'],
    ['2.1', R_SE, { relative: 0.05 }, 'correct'], // within 5% of 2.0397
    ['2.2', R_SE, { relative: 0.05 }, 'incorrect'],
    ['', R_SE, { absolute: 0.005 }, 'missing'],
    ['two', R_SE, { absolute: 0.005 }, 'invalid'],
  ] as const)('%j for %d within %j is %s', (raw, expected, tolerance, result) => {
    expect(gradeAnswer(raw, expected, tolerance)).toBe(result);
  });

  it('accepts a value exactly on the tolerance boundary, not beyond', () => {
    expect(withinTolerance(3347.5, 3347, { absolute: 0.5 })).toBe(true);
    expect(withinTolerance(3347.51, 3347, { absolute: 0.5 })).toBe(false);
    expect(withinTolerance(0.3, 0.1 + 0.2, { absolute: 1e-12 })).toBe(true);
  });
});

describe('attemptScore and exerciseGrade', () => {
  it('gives points × the share of right answers, one decimal, and the best attempt', () => {
    expect(attemptScore(['correct', 'correct'], 10)).toBe(10);
    expect(attemptScore(['correct', 'incorrect'], 10)).toBe(5);
    expect(attemptScore(['correct', 'incorrect', 'incorrect'], 10)).toBe(3.3);
    expect(attemptScore(['incorrect'], 10)).toBe(0);
    expect(exerciseGrade([])).toBeNull();
    expect(exerciseGrade([{ score: 3.3 }, { score: 10 }, { score: 5 }])).toBe(10);
  });
});

describe('exerciseStatus', () => {
  const off = { correct: false };
  const right = { correct: true };
  it.each([
    [[], 3, false, 'not-attempted'],
    [[off], 3, false, 'retry'],
    [[off, off, off], 3, false, 'failed'],
    [[off, right], 3, false, 'passed'],
    [[right], 3, true, 'passed'],
    [[], 3, true, 'closed'],
    [[off], 3, true, 'failed'],
  ] as const)('%j of %d attempts, past due %s → %s', (attempts, allowed, pastDue, status) => {
    expect(exerciseStatus(attempts, allowed, pastDue)).toBe(status);
  });
});
