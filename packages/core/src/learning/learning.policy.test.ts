import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.ts';
import type { EnrolmentRole, EnrolmentStatus } from '../cohorts/cohort.present.ts';
import { canLearn, type LearningAction } from './learning.policy.ts';

const user = (isAdmin = false): Actor => ({
  kind: 'user',
  userId: 'u',
  name: 'U',
  email: 'u@example.org',
  locale: 'en',
  isAdmin,
});
const member = (role: EnrolmentRole, status: EnrolmentStatus = 'active') => ({ role, status });

type Who = [string, Actor, ReturnType<typeof member> | null];
const WHO: Who[] = [
  ['anonymous', { kind: 'anonymous' }, null],
  ['outsider', user(), null],
  ['active learner', user(), member('learner')],
  ['waitlisted learner', user(), member('learner', 'waitlisted')],
  ['withdrawn learner', user(), member('learner', 'withdrawn')],
  ['tutor', user(), member('tutor')],
  ['withdrawn tutor', user(), member('tutor', 'withdrawn')],
  ['manager', user(), member('manager')],
  ['site admin (not a member)', user(true), null],
];

// Expected decisions, one row per action, in the order of WHO.
const TABLE: Record<LearningAction, boolean[]> = {
  'learning.view': [false, false, true, false, false, true, false, true, true],
  'learning.progress': [false, false, true, false, false, false, false, false, false],
  'learning.preview': [false, false, false, false, false, false, false, true, true],
  'learning.grid': [false, false, false, false, false, true, false, true, true],
};

describe('canLearn', () => {
  for (const [action, expected] of Object.entries(TABLE) as [LearningAction, boolean[]][])
    it.each(WHO.map(([who, actor, m], i) => [who, expected[i], actor, m] as const))(
      `${action}: %s → %s`,
      (_who, allowed, actor, m) => {
        expect(canLearn(actor, action, { kind: 'cohort', membership: m })).toBe(allowed);
      },
    );
});
