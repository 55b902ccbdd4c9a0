import { describe, expect, it } from 'vitest';
import {
  assignmentStatus,
  stillRequired,
  workloadCategory,
  type StatusFacts,
} from './assignment-status.rules.ts';

const base: StatusFacts = {
  status: null,
  window: 'open',
  releasedPassed: null,
  releasedForCurrent: false,
  canStartNewAttempt: false,
};

describe('assignmentStatus', () => {
  it.each([
    ['before it opens', { window: 'not-open' }, 'not-open', false],
    ['open, nothing saved', {}, 'to-do', true],
    ['open, a draft saved', { status: 'draft' }, 'draft', true],
    ['after the due time, nothing handed in', { window: 'late' }, 'late', true],
    ['after the due time, a draft saved', { status: 'draft', window: 'late' }, 'late', true],
    ['closed, nothing handed in', { window: 'closed' }, 'missed', false],
    ['handed in, grade not released (whatever the marking)', { status: 'submitted' }, 'submitted', false],
    ['handed in late, then closed', { status: 'submitted', window: 'closed' }, 'submitted', false],
    [
      'released and passed',
      { status: 'submitted', releasedPassed: true, releasedForCurrent: true },
      'passed',
      false,
    ],
    [
      'released below the pass mark, a further attempt open',
      { status: 'submitted', releasedPassed: false, releasedForCurrent: true, canStartNewAttempt: true },
      'resubmit',
      true,
    ],
    [
      'released below the pass mark, no attempt left',
      { status: 'submitted', releasedPassed: false, releasedForCurrent: true },
      'failed',
      false,
    ],
    [
      'a second attempt handed in, the first one failed',
      { status: 'submitted', releasedPassed: false, releasedForCurrent: false },
      'submitted',
      false,
    ],
    [
      'a second attempt left as a draft until it closed',
      { status: 'draft', window: 'closed', releasedPassed: false, releasedForCurrent: false },
      'failed',
      false,
    ],
  ] as [string, Partial<StatusFacts>, string, boolean][])('%s → %s', (_name, facts, status, required) => {
    const s = assignmentStatus({ ...base, ...facts });
    expect(s).toBe(status);
    expect(stillRequired(s)).toBe(required);
  });
});

describe('workloadCategory', () => {
  it.each([
    [{ status: 'submitted', marking: 'not-started', window: 'open' }, 'to-grade'],
    [{ status: 'submitted', marking: 'in-progress', window: 'closed' }, 'to-grade'],
    [{ status: 'submitted', marking: 'ready', window: 'closed' }, 'to-grade'],
    [{ status: 'submitted', marking: 'released', window: 'closed' }, 'graded'],
    [{ status: null, marking: 'not-started', window: 'late' }, 'overdue'],
    [{ status: 'draft', marking: 'not-started', window: 'closed' }, 'overdue'],
    [{ status: 'draft', marking: 'not-started', window: 'open' }, 'none'],
    [{ status: null, marking: 'not-started', window: 'not-open' }, 'none'],
  ] as const)('%o → %s', (facts, category) => {
    expect(workloadCategory(facts)).toBe(category);
  });
});
