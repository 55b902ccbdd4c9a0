import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.ts';
import { canOnAssessment, type AssessmentAction, type AssessmentResource } from './assessment.policy.ts';

const user = (userId: string, isAdmin = false): Actor => ({
  kind: 'user',
  userId,
  name: userId,
  email: `${userId}@example.org`,
  locale: 'en',
  isAdmin,
});
const anonymous: Actor = { kind: 'anonymous' };
const ana = user('ana');
const admin = user('root', true);
type Role = 'learner' | 'tutor' | 'manager';
type Status = 'active' | 'waitlisted' | 'withdrawn';
const as = (role: Role | null, status: Status = 'active', ownerUserId = 'ana'): AssessmentResource => ({
  kind: 'assessment',
  membership: role ? { role, status } : null,
  ownerUserId,
});

const ALL: AssessmentAction[] = [
  'quiz.view',
  'attempt.start',
  'attempt.answer',
  'attempt.review',
  'gradebook.own',
  'gradebook.cohort',
  'gradebook.export',
  'grade.manual',
  'grade.override',
  'items.analyse',
];
const STAFF: AssessmentAction[] = [
  'gradebook.cohort',
  'gradebook.export',
  'grade.manual',
  'grade.override',
  'items.analyse',
];

describe('canOnAssessment: who may NOT', () => {
  it.each<[string, Actor, AssessmentResource]>([
    ['anonymous', anonymous, as(null)],
    ['a learner of another cohort (no membership here), even on their own attempt', ana, as(null)],
    ['a tutor of another cohort (no membership here)', ana, as(null, 'active', 'bob')],
    ['a waitlisted learner', ana, as('learner', 'waitlisted')],
    ['a withdrawn tutor', ana, as('tutor', 'withdrawn', 'bob')],
  ])('%s may do nothing', (_, actor, resource) => {
    for (const action of ALL) expect(canOnAssessment(actor, action, resource), action).toBe(false);
  });

  it.each<[string, Actor, AssessmentAction, AssessmentResource]>([
    ['a withdrawn learner cannot start', ana, 'attempt.start', as('learner', 'withdrawn')],
    ['a withdrawn learner cannot answer their attempt', ana, 'attempt.answer', as('learner', 'withdrawn')],
    ['a withdrawn learner cannot see the quizzes to take', ana, 'quiz.view', as('learner', 'withdrawn')],
    [
      'a learner cannot answer another learner’s attempt',
      ana,
      'attempt.answer',
      as('learner', 'active', 'bob'),
    ],
    [
      'a learner cannot review another learner’s attempt',
      ana,
      'attempt.review',
      as('learner', 'active', 'bob'),
    ],
    ['a tutor cannot start an attempt', ana, 'attempt.start', as('tutor')],
    ['a tutor cannot answer for a learner', ana, 'attempt.answer', as('tutor', 'active', 'bob')],
    ['an admin cannot answer for a learner', admin, 'attempt.answer', as(null, 'active', 'bob')],
    ...STAFF.map((a): [string, Actor, AssessmentAction, AssessmentResource] => [
      `an active learner cannot ${a}`,
      ana,
      a,
      as('learner'),
    ]),
  ])('%s', (_, actor, action, resource) => {
    expect(canOnAssessment(actor, action, resource)).toBe(false);
  });
});

describe('canOnAssessment: who may', () => {
  it.each<[string, Actor, AssessmentAction, AssessmentResource]>([
    ['an active learner starts', ana, 'attempt.start', as('learner')],
    ['an active learner answers their own attempt', ana, 'attempt.answer', as('learner')],
    [
      'a withdrawn learner still reviews their own attempt',
      ana,
      'attempt.review',
      as('learner', 'withdrawn'),
    ],
    ['a withdrawn learner still sees their own grades', ana, 'gradebook.own', as('learner', 'withdrawn')],
    [
      'a tutor of the cohort reviews a learner’s attempt',
      ana,
      'attempt.review',
      as('tutor', 'active', 'bob'),
    ],
    ...STAFF.map((a): [string, Actor, AssessmentAction, AssessmentResource] => [
      `a tutor of the cohort may ${a}`,
      ana,
      a,
      as('tutor'),
    ]),
    ['a manager exports the gradebook', ana, 'gradebook.export', as('manager')],
    ['a site admin overrides a grade', admin, 'grade.override', as(null)],
  ])('%s', (_, actor, action, resource) => {
    expect(canOnAssessment(actor, action, resource)).toBe(true);
  });
});
