import { describe, expect, it } from 'vitest';
import type { Requirement } from '../assessment/gradebook/gradebook.rules.ts';
import {
  DEFAULT_COMPLETION_RULE,
  evaluateCompletion,
  type AssignmentProgress,
  type AssignmentStanding,
  type CompletionRule,
  type CompletionState,
  type QuizStanding,
} from './completion.rules.ts';

const quiz = (week: number, requirement: Requirement): QuizStanding => ({
  quizId: `q${week}`,
  title: `Week ${week} assessment`,
  week,
  requirement,
});
const final = (status: AssignmentProgress, passed = status === 'passed'): AssignmentStanding => ({
  key: 'final-note',
  title: 'Final statistical note',
  final: true,
  passed,
  status,
});
const weekly = (status: AssignmentProgress): AssignmentStanding => ({
  key: 'week-1',
  title: 'Sources and concepts',
  final: false,
  passed: status === 'passed',
  status,
});

const ALL_PASSED = [1, 2, 3, 4, 5, 6].map((w) => quiz(w, 'passed'));
const QUIZZES_ONLY: CompletionRule = { weeklyAssessments: 'all', finalAssignment: false };
const FINAL_ONLY: CompletionRule = { weeklyAssessments: 'none', finalAssignment: true };

// [case, rule, quizzes, assignments, expected state, expected missing (kind:id)]
const CASES: [string, CompletionRule, QuizStanding[], AssignmentStanding[], CompletionState, string[]][] = [
  ['everything passed', DEFAULT_COMPLETION_RULE, ALL_PASSED, [final('passed')], 'completed', []],
  [
    'a non-final assignment does not count',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('passed'), weekly('failed')],
    'completed',
    [],
  ],
  [
    'final assignment still to hand in',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('to-do')],
    'on-track',
    ['final-assignment:final-note'],
  ],
  [
    'final assignment handed in, not graded',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('submitted')],
    'on-track',
    ['final-assignment:final-note'],
  ],
  [
    'final assignment to resubmit',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('resubmit')],
    'on-track',
    ['final-assignment:final-note'],
  ],
  [
    'final assignment failed',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('failed')],
    'at-risk',
    ['final-assignment:final-note'],
  ],
  [
    'final assignment missed',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('missed')],
    'at-risk',
    ['final-assignment:final-note'],
  ],
  [
    'one quiz to retry',
    DEFAULT_COMPLETION_RULE,
    [...ALL_PASSED.slice(0, 5), quiz(6, 'retry')],
    [final('passed')],
    'on-track',
    ['quiz:q6'],
  ],
  [
    'one quiz failed for good',
    DEFAULT_COMPLETION_RULE,
    [quiz(1, 'failed'), ...ALL_PASSED.slice(1)],
    [final('passed')],
    'at-risk',
    ['quiz:q1'],
  ],
  [
    'essay awaiting grading',
    DEFAULT_COMPLETION_RULE,
    [quiz(1, 'awaiting-grading'), ...ALL_PASSED.slice(1)],
    [final('passed')],
    'on-track',
    ['quiz:q1'],
  ],
  [
    'grade not released yet',
    DEFAULT_COMPLETION_RULE,
    [quiz(2, 'awaiting-release'), quiz(1, 'passed')],
    [final('passed')],
    'on-track',
    ['quiz:q2'],
  ],
  [
    'missing items listed by week, then the final',
    DEFAULT_COMPLETION_RULE,
    [quiz(3, 'not-open'), quiz(1, 'to-do'), quiz(2, 'passed')],
    [final('to-do')],
    'on-track',
    ['quiz:q1', 'quiz:q3', 'final-assignment:final-note'],
  ],
  [
    'a failed quiz with other work pending is at risk',
    DEFAULT_COMPLETION_RULE,
    [quiz(1, 'failed'), quiz(2, 'to-do')],
    [final('to-do')],
    'at-risk',
    ['quiz:q1', 'quiz:q2', 'final-assignment:final-note'],
  ],
  ['no quizzes in the cohort', DEFAULT_COMPLETION_RULE, [], [final('passed')], 'at-risk', ['no-assessments']],
  [
    'no final assignment in the course',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [weekly('passed')],
    'at-risk',
    ['no-final-assignment'],
  ],
  [
    'a passed grade only counts as passed',
    DEFAULT_COMPLETION_RULE,
    ALL_PASSED,
    [final('submitted', false)],
    'on-track',
    ['final-assignment:final-note'],
  ],
  ['rule without the final assignment', QUIZZES_ONLY, ALL_PASSED, [], 'completed', []],
  [
    'rule without the final assignment ignores it',
    QUIZZES_ONLY,
    ALL_PASSED,
    [final('failed')],
    'completed',
    [],
  ],
  ['rule without weekly assessments', FINAL_ONLY, [quiz(1, 'failed')], [final('passed')], 'completed', []],
  [
    'rule without weekly assessments still needs the final',
    FINAL_ONLY,
    ALL_PASSED,
    [final('draft')],
    'on-track',
    ['final-assignment:final-note'],
  ],
];

describe('evaluateCompletion', () => {
  it.each(CASES)('%s', (_name, rule, quizzes, assignments, state, missing) => {
    const result = evaluateCompletion(rule, { quizzes, assignments });
    expect(result.state).toBe(state);
    expect(result.complete).toBe(state === 'completed');
    expect(
      result.missing.map((m) =>
        m.kind === 'quiz'
          ? `quiz:${m.quizId}`
          : m.kind === 'final-assignment'
            ? `final-assignment:${m.key}`
            : m.kind,
      ),
    ).toEqual(missing);
  });

  it('reports where the learner stands on each missing item', () => {
    const result = evaluateCompletion(DEFAULT_COMPLETION_RULE, {
      quizzes: [quiz(4, 'retry')],
      assignments: [final('draft')],
    });
    expect(result.missing).toEqual([
      { kind: 'quiz', quizId: 'q4', title: 'Week 4 assessment', week: 4, requirement: 'retry' },
      { kind: 'final-assignment', key: 'final-note', title: 'Final statistical note', status: 'draft' },
    ]);
  });
});
