import { describe, expect, it } from 'vitest';
import { upcomingDeadlines } from './deadlines.rules.ts';

const weeks = [
  { number: 1, title: 'One', dueOn: '2026-03-08', dueAt: '2026-03-08T22:59:00.000Z' },
  { number: 2, title: 'Two', dueOn: '2026-03-15', dueAt: '2026-03-15T22:59:00.000Z' },
];

describe('upcomingDeadlines', () => {
  it('merges week ends and assessment closes, soonest first, with local dates in the cohort zone', () => {
    const list = upcomingDeadlines(
      weeks,
      [
        // 23:30 UTC on 10 March is already 11 March in Rome (UTC+1).
        { quizId: 'q2', week: 2, title: 'Quiz 2', closesAt: '2026-03-10T23:30:00.000Z' },
        { quizId: 'q1', week: 1, title: 'Quiz 1', closesAt: '2026-03-08T22:59:00.000Z' },
        { quizId: 'q3', week: 2, title: 'Open-ended', closesAt: null },
      ],
      'Europe/Rome',
      new Date('2026-03-05T09:00:00.000Z'),
      (id) => `/a/${id}`,
    );
    expect(list.map((d) => [d.key, d.dueOn, d.href])).toEqual([
      ['week-1', '2026-03-08', null],
      ['assessment-q1', '2026-03-08', '/a/q1'],
      ['assessment-q2', '2026-03-11', '/a/q2'],
      ['week-2', '2026-03-15', null],
    ]);
    expect(list[2]).toMatchObject({ kind: 'assessment', week: 2, title: 'Quiz 2', past: false });
    expect(list[2]!.dueAt).toBe('2026-03-10T23:30:00.000Z');
  });

  it('puts an assessment that closes at local midnight on the day before, ending at 23:59 local time', () => {
    // Week 6 of the 2020 edition closes at the start of Saturday 5 December in Rome (UTC+1): its last day is Friday 4.
    const [d] = upcomingDeadlines(
      [],
      [{ quizId: 'w6', week: 6, title: 'Week 6', closesAt: '2020-12-04T23:00:00.000Z' }],
      'Europe/Rome',
      new Date('2020-12-01T09:00:00.000Z'),
      () => null,
    );
    expect([d!.dueOn, d!.lastMinuteAt, d!.dueAt]).toEqual([
      '2020-12-04',
      '2020-12-04T22:59:00.000Z',
      '2020-12-04T23:00:00.000Z',
    ]);
  });

  it('drops what is past at now', () => {
    const list = upcomingDeadlines(
      weeks,
      [{ quizId: 'q1', week: 1, title: 'Quiz 1', closesAt: '2026-03-09T10:00:00.000Z' }],
      'UTC',
      new Date('2026-03-09T10:00:00.001Z'),
      () => null,
    );
    expect(list.map((d) => d.key)).toEqual(['week-2']);
  });
});
