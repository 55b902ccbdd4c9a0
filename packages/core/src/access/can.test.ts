import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { assertCan, can, type PolicyAction } from './can.ts';
import type { CohortAccess } from './membership.ts';
import { POLICIES, POLICIES_BY_FEATURE } from './policies/index.ts';

const ana: Actor = {
  kind: 'user',
  userId: 'ana',
  name: 'Ana',
  email: 'ana@example.org',
  locale: 'en',
  isAdmin: false,
};
const cohort = (role: 'learner' | 'manager' | null, cohortId = 'c', userId = 'ana'): CohortAccess => ({
  kind: 'cohort',
  cohortId: 'c',
  membership: role ? { userId, cohortId, enrolmentId: 'e', role, status: 'active' } : null,
});

describe('can', () => {
  it('knows each action once: no feature redefines another feature’s action', () => {
    const perFeature = Object.values(POLICIES_BY_FEATURE).flatMap((policy) => Object.keys(policy));
    expect(perFeature.length).toBe(new Set(perFeature).size);
    expect(Object.keys(POLICIES).sort()).toEqual([...perFeature].sort());
  });

  it('refuses an action no policy defines', () => {
    expect(can(ana, 'roster.delete-everything' as PolicyAction, cohort('manager') as never)).toBe(false);
    expect(can(ana, 'toString' as PolicyAction, cohort('manager') as never)).toBe(false);
  });

  it('never counts a membership of another cohort or of another person', () => {
    expect(can(ana, 'roster.view', cohort('manager'))).toBe(true);
    expect(can(ana, 'roster.view', cohort('manager', 'other-cohort'))).toBe(false);
    expect(can(ana, 'roster.view', cohort('manager', 'c', 'bob'))).toBe(false);
  });
});

describe('assertCan', () => {
  it('passes when can() says yes', () => {
    expect(() => assertCan(ana, 'roster.view', cohort('manager'))).not.toThrow();
  });

  it('asks anonymous visitors to sign in', () => {
    expect(() => assertCan({ kind: 'anonymous' }, 'roster.view', cohort(null))).toThrow(
      expect.objectContaining({ name: 'UnauthenticatedError', code: 'unauthenticated' }),
    );
  });

  it('answers "not found" to outsiders when the refusal hides the resource, "forbidden" to members', () => {
    const hidden = { hidden: 'quiz.not_found' } as const;
    expect(() => assertCan(ana, 'quiz.view', cohort(null), hidden)).toThrow(
      expect.objectContaining({ name: 'NotFoundError', code: 'quiz.not_found' }),
    );
    expect(() => assertCan(ana, 'gradebook.cohort', cohort('learner'), hidden)).toThrow(
      expect.objectContaining({ name: 'ForbiddenError', code: 'forbidden' }),
    );
    expect(() =>
      assertCan(ana, 'learning.progress', cohort('manager'), { forbidden: 'learning.not_a_learner' }),
    ).toThrow(expect.objectContaining({ name: 'ForbiddenError', code: 'learning.not_a_learner' }));
  });
});
