import { describe, expect, it } from 'vitest';
import { quizOutcome, requirementOf, summariseGrades, type QuizOutcome } from './gradebook.rules.ts';

const sub = (grade: number | null) => ({ state: 'submitted', grade });

describe('quizOutcome', () => {
  it('ignores open attempts and applies the grading method', () => {
    expect(
      quizOutcome({
        attempts: [sub(50), sub(70), { state: 'open', grade: null }],
        method: 'highest',
        passMark: 60,
      }),
    ).toEqual({
      grade: 70,
      computedGrade: 70,
      provisional: false,
      overridden: false,
      passed: true,
      submittedAttempts: 2,
    });
    expect(quizOutcome({ attempts: [sub(50), sub(70)], method: 'average', passMark: 60 }).grade).toBe(60);
    expect(quizOutcome({ attempts: [sub(80), sub(40)], method: 'last', passMark: 60 }).passed).toBe(false);
  });

  it('lets an override replace the computed grade, and a cleared override restore it', () => {
    expect(quizOutcome({ attempts: [sub(40)], method: 'highest', passMark: 60, override: 65 })).toMatchObject(
      {
        grade: 65,
        computedGrade: 40,
        overridden: true,
        passed: true,
      },
    );
    expect(
      quizOutcome({ attempts: [sub(40)], method: 'highest', passMark: 60, override: null }),
    ).toMatchObject({
      grade: 40,
      overridden: false,
    });
  });

  it('is provisional while an essay waits', () => {
    expect(quizOutcome({ attempts: [sub(70), sub(null)], method: 'highest', passMark: 60 })).toMatchObject({
      grade: 70,
      provisional: true,
    });
  });
});

describe('requirementOf', () => {
  const outcome = (o: Partial<QuizOutcome>): QuizOutcome => ({
    grade: null,
    computedGrade: null,
    provisional: false,
    overridden: false,
    passed: false,
    submittedAttempts: 0,
    ...o,
  });
  const open = { window: 'open' as const, attemptsLeft: 1, gradeHidden: false };
  it.each<[string, QuizOutcome, Parameters<typeof requirementOf>[1], string]>([
    ['passed', outcome({ grade: 80, passed: true, submittedAttempts: 1 }), open, 'passed'],
    ['not yet open', outcome({}), { ...open, window: 'not-open' }, 'not-open'],
    ['open and not attempted', outcome({}), open, 'to-do'],
    ['closed and never attempted', outcome({}), { ...open, window: 'closed' }, 'failed'],
    ['below the pass mark with an attempt left', outcome({ grade: 40, submittedAttempts: 1 }), open, 'retry'],
    [
      'below the pass mark, no attempts left',
      outcome({ grade: 40, submittedAttempts: 2 }),
      { ...open, attemptsLeft: 0 },
      'failed',
    ],
    ['essay waiting', outcome({ grade: null, submittedAttempts: 1 }), open, 'awaiting-grading'],
    [
      'grade hidden until close',
      outcome({ grade: 90, passed: true, submittedAttempts: 1 }),
      { ...open, gradeHidden: true },
      'awaiting-release',
    ],
  ])('%s', (_, o, context, expected) => {
    expect(requirementOf(o, context)).toBe(expected);
  });
});

describe('summariseGrades', () => {
  const c = (grade: number | null, passed: boolean, submittedAttempts: number, overridden = false) => ({
    grade,
    passed,
    submittedAttempts,
    overridden,
  });

  it('counts attempted and passed learners and averages the grades there are', () => {
    // Grades 80, 40 and an override of 70 (no attempt): mean (80 + 40 + 70) / 3 = 63.33…
    expect(
      summariseGrades([
        c(80, true, 1),
        c(40, false, 2),
        c(70, true, 0, true),
        c(null, false, 0),
        c(null, false, 1),
      ]),
    ).toEqual({ attempted: 4, passed: 2, mean: 190 / 3 });
  });

  it('has no mean when nobody has a grade', () => {
    expect(summariseGrades([c(null, false, 0)])).toEqual({ attempted: 0, passed: 0, mean: null });
    expect(summariseGrades([])).toEqual({ attempted: 0, passed: 0, mean: null });
  });
});
