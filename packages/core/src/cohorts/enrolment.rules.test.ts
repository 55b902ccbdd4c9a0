import { describe, expect, it } from 'vitest';
import {
  approvalOutcome,
  enrolWindowState,
  learnerEnrolmentOutcome,
  type EnrolmentWindow,
} from './enrolment.rules.ts';

const base: EnrolmentWindow = {
  capacity: 2,
  waitlistEnabled: true,
  enrolOpensAt: '2026-02-01T00:00:00.000Z',
  enrolClosesAt: '2026-03-01T00:00:00.000Z',
  endsOn: '2026-04-10',
  state: 'open',
  approvalRequired: false,
};
const at = (iso: string) => new Date(iso);

describe('enrolWindowState', () => {
  it.each([
    ['before opening', base, 0, '2026-01-31T23:59:59.999Z', 'not_yet_open'],
    ['at opening', base, 0, '2026-02-01T00:00:00.000Z', 'open'],
    ['with one place left', base, 1, '2026-02-10T00:00:00.000Z', 'open'],
    ['when full, with a waiting list', base, 2, '2026-02-10T00:00:00.000Z', 'waitlist'],
    [
      'when full, without a waiting list',
      { ...base, waitlistEnabled: false },
      2,
      '2026-02-10T00:00:00.000Z',
      'full',
    ],
    ['at closing', base, 0, '2026-03-01T00:00:00.000Z', 'closed'],
    ['closed even when full', base, 5, '2026-03-02T00:00:00.000Z', 'closed'],
    [
      'closed by the course team, whatever the dates',
      { ...base, state: 'closed' },
      0,
      '2026-02-10T00:00:00.000Z',
      'closed',
    ],
    ['archived', { ...base, state: 'archived' }, 0, '2026-02-10T00:00:00.000Z', 'closed'],
    ['unlimited capacity', { ...base, capacity: null }, 999, '2026-02-10T00:00:00.000Z', 'open'],
    [
      'no dates: open until the end day',
      { ...base, enrolOpensAt: null, enrolClosesAt: null },
      0,
      '2026-04-10T23:00:00.000Z',
      'open',
    ],
    [
      'no dates: closed after the end day',
      { ...base, enrolOpensAt: null, enrolClosesAt: null },
      0,
      '2026-04-11T00:00:00.000Z',
      'closed',
    ],
  ] as const)('%s', (_label, window, active, now, expected) => {
    expect(enrolWindowState(window, active, at(now))).toBe(expected);
  });
});

describe('learnerEnrolmentOutcome', () => {
  it.each([
    ['open', { status: 'active' }],
    ['waitlist', { status: 'waitlisted' }],
    ['full', { error: 'enrolment.full' }],
    ['closed', { error: 'enrolment.closed' }],
    ['not_yet_open', { error: 'enrolment.not_yet_open' }],
  ] as const)('%s → %j', (state, expected) => {
    expect(learnerEnrolmentOutcome(state)).toEqual(expected);
  });

  it.each([
    ['open', { status: 'pending' }],
    ['waitlist', { status: 'pending' }],
    ['full', { error: 'enrolment.full' }],
    ['closed', { error: 'enrolment.closed' }],
    ['not_yet_open', { error: 'enrolment.not_yet_open' }],
  ] as const)('with approval: %s → %j (the place is decided on approval)', (state, expected) => {
    expect(learnerEnrolmentOutcome(state, true)).toEqual(expected);
  });
});

describe('approvalOutcome', () => {
  it.each([
    ['a free place', { capacity: 2, waitlistEnabled: true }, 1, { status: 'active' }],
    ['unlimited capacity', { capacity: null, waitlistEnabled: false }, 500, { status: 'active' }],
    ['full, with a waiting list', { capacity: 2, waitlistEnabled: true }, 2, { status: 'waitlisted' }],
    ['full, without one', { capacity: 2, waitlistEnabled: false }, 2, { error: 'enrolment.full' }],
    [
      'over capacity (lowered since)',
      { capacity: 1, waitlistEnabled: false },
      3,
      { error: 'enrolment.full' },
    ],
  ] as const)('%s', (_label, cohort, active, expected) => {
    expect(approvalOutcome(cohort, active)).toEqual(expected);
  });
});
