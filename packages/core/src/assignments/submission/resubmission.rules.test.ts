import { describe, expect, it } from 'vitest';
import { learnerActions, type AttemptFacts, type ResubmissionSettings } from './resubmission.rules.ts';

const fresh: AttemptFacts = {
  attempt: 1,
  status: null,
  marking: 'not-started',
  releasedPassed: null,
  window: 'open',
  reopenWindow: null,
};
const resubmit: ResubmissionSettings = { untilDue: true, attempts: 2 };
const strict: ResubmissionSettings = { untilDue: false, attempts: 1 };

describe('learnerActions: writing and handing in', () => {
  it.each([
    { name: 'nothing saved, window open', facts: {}, edit: { allowed: true, late: false } },
    { name: 'a draft, window open', facts: { status: 'draft' }, edit: { allowed: true, late: false } },
    {
      name: 'a draft after the due time',
      facts: { status: 'draft', window: 'late' },
      edit: { allowed: true, late: true },
    },
    {
      name: 'a draft after the cut-off',
      facts: { status: 'draft', window: 'closed' },
      edit: { allowed: false, reason: 'closed' },
    },
    {
      name: 'before the assignment opens',
      facts: { window: 'not-open' },
      edit: { allowed: false, reason: 'not-open' },
    },
    {
      name: 'work already handed in',
      facts: { status: 'submitted' },
      edit: { allowed: false, reason: 'already-submitted' },
    },
  ] as const)('$name', ({ facts, edit }) => {
    const actions = learnerActions({ ...fresh, ...facts }, resubmit);
    expect(actions.edit).toEqual(edit);
    expect(actions.submit).toEqual(edit);
  });
});

describe('learnerActions: taking submitted work back before the due time', () => {
  const submitted: AttemptFacts = { ...fresh, status: 'submitted' };
  it.each([
    {
      name: 'allowed before the due time',
      facts: {},
      settings: resubmit,
      withdraw: { allowed: true, late: false },
    },
    {
      name: 'not when the assignment does not allow it',
      facts: {},
      settings: strict,
      withdraw: { allowed: false, reason: 'resubmission-off' },
    },
    {
      name: 'not once a tutor has started marking',
      facts: { marking: 'in-progress' },
      settings: resubmit,
      withdraw: { allowed: false, reason: 'marking-started' },
    },
    {
      name: 'not after the due time (in the late period)',
      facts: { window: 'late' },
      settings: resubmit,
      withdraw: { allowed: false, reason: 'after-due' },
    },
    {
      name: 'not after the cut-off',
      facts: { window: 'closed' },
      settings: resubmit,
      withdraw: { allowed: false, reason: 'closed' },
    },
    {
      name: 'not for a draft',
      facts: { status: 'draft' },
      settings: resubmit,
      withdraw: { allowed: false, reason: 'not-submitted' },
    },
  ] as const)('$name', ({ facts, settings, withdraw }) => {
    expect(learnerActions({ ...submitted, ...facts }, settings).withdraw).toEqual(withdraw);
  });
});

describe('learnerActions: a further attempt after a failing grade', () => {
  const failed: AttemptFacts = {
    ...fresh,
    status: 'submitted',
    marking: 'released',
    releasedPassed: false,
    window: 'closed',
    reopenWindow: 'open',
  };
  it.each([
    {
      name: 'allowed after a released failing grade, attempts left',
      facts: {},
      settings: resubmit,
      newAttempt: { allowed: true, late: false },
    },
    {
      name: 'not after a passing grade',
      facts: { releasedPassed: true },
      settings: resubmit,
      newAttempt: { allowed: false, reason: 'not-failed' },
    },
    {
      name: 'not before the grade is released',
      facts: { releasedPassed: null, marking: 'ready' },
      settings: resubmit,
      newAttempt: { allowed: false, reason: 'not-failed' },
    },
    {
      name: 'not when the attempts are used up',
      facts: { attempt: 2 },
      settings: resubmit,
      newAttempt: { allowed: false, reason: 'no-attempts-left' },
    },
    {
      name: 'not with a single attempt',
      facts: {},
      settings: strict,
      newAttempt: { allowed: false, reason: 'no-attempts-left' },
    },
    {
      name: 'not after the reopened due time',
      facts: { reopenWindow: 'closed' },
      settings: resubmit,
      newAttempt: { allowed: false, reason: 'reopen-expired' },
    },
  ] as const)('$name', ({ facts, settings, newAttempt }) => {
    expect(learnerActions({ ...failed, ...facts }, settings).newAttempt).toEqual(newAttempt);
  });
});
