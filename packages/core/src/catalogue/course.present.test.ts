import { describe, expect, it } from 'vitest';
import type { CohortDto } from '../cohorts/cohort.present.ts';
import { featuredCohort, leadCohort } from './course.present.ts';

const cohort = (
  id: string,
  startsOn: string,
  phase: CohortDto['phase'],
  enrolState: CohortDto['enrolState'],
): CohortDto => ({
  id,
  title: id,
  courseSlug: 'c',
  startsOn,
  endsOn: startsOn,
  timeZone: 'UTC',
  language: 'en',
  capacity: null,
  waitlistEnabled: true,
  requireConfirmedEmail: true,
  enrolOpensAt: null,
  enrolClosesAt: null,
  approvalRequired: false,
  learners: 0,
  waitlisted: 0,
  placesLeft: null,
  enrolState,
  phase,
  mine: null,
});

const today = '2026-03-10';
const past2020 = cohort('2020', '2020-10-26', 'finished', 'closed');
const started3DaysAgo = cohort('spring', '2026-03-07', 'running', 'open');
const started5WeeksAgo = cohort('winter', '2026-02-03', 'running', 'open');
const in10Days = cohort('soon', '2026-03-20', 'upcoming', 'waitlist');
const in30DaysNotOpen = cohort('autumn', '2026-04-09', 'upcoming', 'not_yet_open');
const runningClosed = cohort('closed', '2026-03-02', 'running', 'closed');

describe('leadCohort: the edition the course page leads with', () => {
  it.each([
    ['only the ended 2020 edition: none', [past2020], null],
    [
      'an open cohort that started three days ago, before one in ten days',
      [past2020, in10Days, started3DaysAgo],
      'spring',
    ],
    [
      'one in ten days (waiting list) before one that started five weeks ago',
      [started5WeeksAgo, in10Days],
      'soon',
    ],
    [
      'an open cohort before a nearer one that takes no one',
      [runningClosed, in30DaysNotOpen, in10Days],
      'soon',
    ],
    ['none open: the nearest that has not ended', [past2020, in30DaysNotOpen, runningClosed], 'closed'],
    ['none open and only one ahead', [past2020, in30DaysNotOpen], 'autumn'],
    ['nothing at all', [], null],
  ] as const)('%s', (_, cohorts, expected) => {
    expect(leadCohort(cohorts, today)?.id ?? null).toBe(expected);
  });

  it('the catalogue features the lead, else the latest ended edition', () => {
    expect(featuredCohort([past2020, in30DaysNotOpen], today)?.id).toBe('autumn');
    expect(featuredCohort([past2020], today)?.id).toBe('2020');
  });
});
