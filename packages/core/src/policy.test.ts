import { describe, expect, it } from 'vitest';
import type { Actor } from './accounts/actor.ts';
import { can, type PolicyAction, type PolicyResource } from './policy.ts';

const user = (isAdmin = false): Actor => ({
  kind: 'user',
  userId: 'u',
  name: 'U',
  email: 'u@x.org',
  locale: 'en',
  isAdmin,
});
const anonymous: Actor = { kind: 'anonymous' };
const member = (
  role: 'learner' | 'tutor' | 'manager',
  status: 'active' | 'waitlisted' | 'withdrawn' = 'active',
): PolicyResource => ({
  kind: 'cohort',
  membership: { role, status },
});
const outsider: PolicyResource = { kind: 'cohort', membership: null };
const site: PolicyResource = { kind: 'site' };

describe('can', () => {
  it.each<[string, Actor, PolicyAction, PolicyResource, boolean]>([
    ['anyone views a cohort', anonymous, 'view', outsider, true],
    ['anonymous cannot enrol', anonymous, 'enrol', outsider, false],
    ['a user can enrol', user(), 'enrol', outsider, true],
    ['a learner cannot see the roster', user(), 'roster.view', member('learner'), false],
    ['a tutor cannot see the roster', user(), 'roster.view', member('tutor'), false],
    ['a manager sees the roster', user(), 'roster.view', member('manager'), true],
    ['a manager exports the roster', user(), 'roster.export', member('manager'), true],
    ['a withdrawn manager does not', user(), 'roster.view', member('manager', 'withdrawn'), false],
    ['an outsider does not', user(), 'roster.view', outsider, false],
    ['a site admin sees any roster', user(true), 'roster.view', outsider, true],
    ['anonymous never sees a roster', anonymous, 'roster.view', outsider, false],
    ['a tutor cannot see admin pages', user(), 'admin.view', member('tutor'), false],
    ['a manager cannot see admin pages', user(), 'admin.view', member('manager'), false],
    ['a learner cannot read the outbox', user(), 'outbox.view', site, false],
    ['a site admin reads the outbox', user(true), 'outbox.view', site, true],
    ['cohort actions need a cohort', user(true), 'roster.view', site, false],
  ])('%s', (_label, actor, action, resource, expected) => {
    expect(can(actor, action, resource)).toBe(expected);
  });
});
