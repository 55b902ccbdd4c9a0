import { describe, expect, it } from 'vitest';
import { attemptsLeft, gradeAttempt, gradeQuiz, hasPassed } from './quiz.rules.ts';
import { feedbackVisibility, type FeedbackContext } from './feedback.rules.ts';

describe('gradeAttempt', () => {
  it('sums fraction × mark and rescales to the maximum grade', () => {
    const g = gradeAttempt(
      [
        { maxMark: 1, fraction: 1 },
        { maxMark: 2, fraction: 0.5 },
        { maxMark: 1, fraction: 0 },
      ],
      10,
    );
    expect(g).toEqual({ state: 'graded', marks: 2, maxMarks: 4, grade: 5, pendingQuestions: 0 });
  });

  it('is pending while an essay waits for a tutor', () => {
    expect(
      gradeAttempt(
        [
          { maxMark: 1, fraction: 1 },
          { maxMark: 5, fraction: null },
        ],
        100,
      ),
    ).toEqual({ state: 'pending', marks: 1, maxMarks: 6, grade: null, pendingQuestions: 1 });
  });

  it('clamps out-of-range fractions and rejects bad scales', () => {
    expect(
      gradeAttempt(
        [
          { maxMark: 2, fraction: -0.5 },
          { maxMark: 2, fraction: 1.5 },
        ],
        100,
      ).grade,
    ).toBe(50);
    expect(() => gradeAttempt([], 0)).toThrow(RangeError);
  });
});

describe('gradeQuiz', () => {
  it.each([
    ['highest', [6, 8, 7], 8, false],
    ['average', [6, 8, 7], 7, false],
    ['first', [6, 8, 7], 6, false],
    ['last', [6, 8, 7], 7, false],
    ['highest', [6, null], 6, true],
    ['average', [6, null, 8], 7, true],
    ['last', [6, null], null, true],
    ['first', [null, 9], null, true],
    ['average', [], null, false],
  ] as const)('%s of %j → %s (provisional %s)', (method, grades, grade, provisional) => {
    expect(gradeQuiz(grades, method)).toEqual({ grade, provisional });
  });
});

describe('hasPassed and attemptsLeft', () => {
  it('passes at the pass mark, not below, and never while pending', () => {
    expect(hasPassed(6, 6)).toBe(true);
    expect(hasPassed((0.6 * 10) / 1, 6)).toBe(true);
    expect(hasPassed(5.99, 6)).toBe(false);
    expect(hasPassed(null, 0)).toBe(false);
  });

  it('counts attempts left, unlimited when 0 are set', () => {
    expect([attemptsLeft(3, 1), attemptsLeft(3, 5), attemptsLeft(0, 10)]).toEqual([2, 0, null]);
  });
});

describe('feedbackVisibility', () => {
  const now = new Date('2020-11-02T12:00:00Z');
  const base: FeedbackContext = {
    mode: 'after-submission',
    viewer: 'learner',
    attemptState: 'in-progress',
    now,
  };
  const none = { marks: false, feedback: false, rightAnswer: false };
  const all = { marks: true, feedback: true, rightAnswer: true };

  it.each([
    ['after-submission, in progress', {}, none],
    ['after-submission, submitted', { attemptState: 'submitted' }, all],
    ['immediate, not checked', { mode: 'immediate' }, none],
    ['immediate, checked', { mode: 'immediate', questionChecked: true }, all],
    [
      'after-close, submitted, still open',
      { mode: 'after-close', attemptState: 'submitted', closesAt: new Date('2020-11-08T23:59:00Z') },
      none,
    ],
    [
      'after-close, submitted, closed',
      { mode: 'after-close', attemptState: 'submitted', closesAt: new Date('2020-11-01T23:59:00Z') },
      all,
    ],
    [
      'after-close, in progress, closed',
      { mode: 'after-close', closesAt: new Date('2020-11-01T23:59:00Z') },
      none,
    ],
    [
      'after-close without a close date',
      { mode: 'after-close', attemptState: 'submitted', closesAt: null },
      all,
    ],
    ['staff, in progress', { viewer: 'staff' }, all],
  ] as const)('%s', (_label, change, expected) => {
    expect(feedbackVisibility({ ...base, ...change } as FeedbackContext)).toEqual(expected);
  });
});
