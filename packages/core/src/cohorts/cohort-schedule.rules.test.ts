import { describe, expect, it } from 'vitest';
import {
  assessmentDeadline,
  assignmentDeadline,
  cohortLengthDays,
  earliestEndOn,
  scheduleOverruns,
  type CourseDeadline,
} from './cohort-schedule.rules.ts';

const assessment = (week: number, closeAfterDays?: number) =>
  assessmentDeadline({ id: `week-${week}`, title: `Week ${week}`, week, closeAfterDays });
const assignment = (week: number, day: number, lateDays: number) =>
  assignmentDeadline({ id: `a-${week}-${day}`, title: 'Note', dates: { due: { week, day }, lateDays } });

describe('course deadlines in course days', () => {
  it.each([
    // week, closeAfterDays, last open day
    [1, undefined, 7],
    [2, undefined, 14],
    [6, undefined, 42],
    [6, 5, 40],
    [2, 14, 21],
  ])('the week %i assessment (closeAfterDays %s) takes attempts until day %i', (week, close, day) => {
    expect(assessment(week, close).lastDay).toBe(day);
  });

  it.each([
    // due week, due day, late days, cut-off day
    [1, 7, 0, 7],
    [2, 3, 4, 14],
    [6, 3, 2, 40],
    [6, 4, 1, 40],
    [6, 14, 7, 56], // the final assignment before issue 11: three weeks after a six-week cohort's start of week 6
  ])(
    'an assignment due week %i day %i with %i late days takes work until day %i',
    (week, day, late, last) => {
      expect(assignment(week, day, late).lastDay).toBe(last);
    },
  );
});

describe('cohortLengthDays', () => {
  it.each([
    ['2020-10-26', '2020-12-04', 40], // Monday of week 1 to Friday of week 6 (across the end of summer time)
    ['2026-03-02', '2026-03-02', 1],
    ['2026-03-02', '2026-04-12', 42],
    ['2024-02-26', '2024-03-03', 7], // a leap day inside
  ])('%s to %s is %i days', (start, end, days) => {
    expect(cohortLengthDays(start, end)).toBe(days);
  });
});

describe('scheduleOverruns: no deadline after the cohort end date', () => {
  const the2020Edition = { startsOn: '2020-10-26', endsOn: '2020-12-04' };
  const keys = (cohort: { startsOn: string; endsOn: string }, deadlines: CourseDeadline[]) =>
    scheduleOverruns(cohort, deadlines).map((o) => [o.deadline.key, o.date]);

  it.each([
    [
      'a week-6 assessment closing at the end of week 6 overruns a Friday end',
      [assessment(6)],
      [['week-6', '2020-12-06']],
    ],
    ['one closing on Friday fits', [assessment(6, 5)], []],
    ['a deadline on the last day fits', [assignment(6, 4, 1)], []],
    ['one day late overruns', [assignment(6, 4, 2)], [['a-6-4', '2020-12-05']]],
    [
      'the old final assignment overruns by 16 days, listed before a smaller overrun',
      [assessment(6), assignment(6, 14, 7), assessment(1)],
      [
        ['a-6-14', '2020-12-20'],
        ['week-6', '2020-12-06'],
      ],
    ],
    ['an empty schedule fits', [], []],
  ] as const)('%s', (_, deadlines, expected) => {
    expect(keys(the2020Edition, [...deadlines])).toEqual(expected);
  });

  it('counts calendar days, not the end of summer time (25 October) or the time zone', () => {
    expect(keys({ startsOn: '2020-10-19', endsOn: '2020-10-25' }, [assessment(1)])).toEqual([]);
    expect(keys({ startsOn: '2020-10-19', endsOn: '2020-10-24' }, [assessment(1)])).toEqual([
      ['week-1', '2020-10-25'],
    ]);
  });
});

describe('earliestEndOn', () => {
  it.each([
    [[assessment(6, 5), assignment(6, 4, 1)], '2020-12-04'],
    [[assessment(6), assignment(2, 3, 4)], '2020-12-06'],
    [[], '2020-10-26'],
  ])('%#: the earliest end that holds the deadlines is %s', (deadlines, end) => {
    expect(earliestEndOn('2020-10-26', deadlines)).toBe(end);
  });
});
