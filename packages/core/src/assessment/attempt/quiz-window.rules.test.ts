import { describe, expect, it } from 'vitest';
import { attemptDeadline, quizWindow, startOfLocalDay, windowState } from './quiz-window.rules.ts';

describe('quizWindow', () => {
  it('opens week N at cohort start + 7(N − 1) days and closes a week later (UTC)', () => {
    const w = quizWindow({ startsOn: '2026-03-02', timeZone: 'UTC' }, 3);
    expect(w.opensAt.toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(w.closesAt?.toISOString()).toBe('2026-03-23T00:00:00.000Z');
  });

  it('uses local midnight in the cohort time zone, across a daylight-saving change', () => {
    // The 2020 edition started on Monday 26 October in Turin; Italy left summer time on 25 October 2020.
    expect(startOfLocalDay('2020-10-24', 'Europe/Rome').toISOString()).toBe('2020-10-23T22:00:00.000Z');
    const w = quizWindow({ startsOn: '2020-10-26', timeZone: 'Europe/Rome' }, 1);
    expect(w.opensAt.toISOString()).toBe('2020-10-25T23:00:00.000Z');
    expect(w.closesAt?.toISOString()).toBe('2020-11-01T23:00:00.000Z');
  });

  it('starts a day after the gap when clocks jump forward at midnight (America/Santiago)', () => {
    // 2022-09-11 00:00 does not exist in Santiago (−04 → −03): the day starts at 01:00 local, 04:00 UTC.
    expect(startOfLocalDay('2022-09-11', 'America/Santiago').toISOString()).toBe('2022-09-11T04:00:00.000Z');
  });

  it('honours a close offset from the definition', () => {
    const w = quizWindow({ startsOn: '2026-03-02', timeZone: 'America/New_York' }, 1, 14);
    expect(w.opensAt.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    // US summer time starts on 8 March 2026, so midnight on 16 March is 04:00 UTC.
    expect(w.closesAt?.toISOString()).toBe('2026-03-16T04:00:00.000Z');
  });

  it('rejects week 0', () => {
    expect(() => quizWindow({ startsOn: '2026-03-02', timeZone: 'UTC' }, 0)).toThrow(RangeError);
  });
});

describe('windowState and attemptDeadline', () => {
  const w = { opensAt: new Date('2026-03-02T00:00:00Z'), closesAt: new Date('2026-03-09T00:00:00Z') };

  it('is open from the open instant up to, not including, the close instant', () => {
    expect(windowState(w, new Date('2026-03-01T23:59:59Z'))).toBe('not-open');
    expect(windowState(w, new Date('2026-03-02T00:00:00Z'))).toBe('open');
    expect(windowState(w, new Date('2026-03-09T00:00:00Z'))).toBe('closed');
  });

  it('takes the earlier of the time limit and the close date', () => {
    expect(attemptDeadline(new Date('2026-03-03T10:00:00Z'), 30, w.closesAt)?.toISOString()).toBe(
      '2026-03-03T10:30:00.000Z',
    );
    expect(attemptDeadline(new Date('2026-03-08T23:50:00Z'), 30, w.closesAt)?.toISOString()).toBe(
      '2026-03-09T00:00:00.000Z',
    );
    expect(attemptDeadline(new Date('2026-03-08T23:50:00Z'), null, null)).toBeNull();
  });
});
