import { describe, expect, it } from 'vitest';
import {
  courseDate,
  isLateSubmission,
  reopenedWindow,
  submissionWindow,
  windowStateAt,
  type AssignmentDates,
} from './submission-window.rules.ts';

const rome = { startsOn: '2020-10-26', timeZone: 'Europe/Rome' };
const weekOne: AssignmentDates = {
  opens: { week: 1, day: 1 },
  due: { week: 1, day: 7, time: '23:59' },
  lateDays: 3,
};

describe('courseDate', () => {
  it.each([
    [{ week: 1, day: 1 }, '2020-10-26'],
    [{ week: 1, day: 7 }, '2020-11-01'],
    [{ week: 2, day: 1 }, '2020-11-02'],
    [{ week: 6, day: 5 }, '2020-12-04'],
    [{ week: 6, day: 14 }, '2020-12-13'],
  ])('%o of a cohort starting on Monday 26 October 2020 is %s', (day, date) => {
    expect(courseDate('2020-10-26', day)).toBe(date);
  });

  it('refuses week 0 and day 0', () => {
    expect(() => courseDate('2020-10-26', { week: 0, day: 1 })).toThrow(/week 0/);
    expect(() => courseDate('2020-10-26', { week: 1, day: 0 })).toThrow(/day 0/);
  });
});

describe('submissionWindow', () => {
  it('opens at local midnight and falls due at the local due time of the cohort', () => {
    const w = submissionWindow(rome, weekOne);
    // Rome is on CET (UTC+1) from 25 October 2020.
    expect(w.opensAt.toISOString()).toBe('2020-10-25T23:00:00.000Z');
    expect(w.dueAt.toISOString()).toBe('2020-11-01T22:59:00.000Z');
    expect(w.cutOffAt.toISOString()).toBe('2020-11-04T22:59:00.000Z');
  });

  it('keeps the local cut-off time across a change of clocks (49 hours, not 48)', () => {
    const w = submissionWindow(
      { startsOn: '2020-10-19', timeZone: 'Europe/Rome' },
      { opens: { week: 1, day: 1 }, due: { week: 1, day: 6, time: '23:59' }, lateDays: 2 },
    );
    expect(w.dueAt.toISOString()).toBe('2020-10-24T21:59:00.000Z'); // CEST, UTC+2
    expect(w.cutOffAt.toISOString()).toBe('2020-10-26T22:59:00.000Z'); // CET, UTC+1
    expect((w.cutOffAt.getTime() - w.dueAt.getTime()) / 3_600_000).toBe(49);
  });

  it('puts the same course day at different instants in different time zones', () => {
    const manila = submissionWindow({ startsOn: '2020-10-26', timeZone: 'Asia/Manila' }, weekOne);
    const lima = submissionWindow({ startsOn: '2020-10-26', timeZone: 'America/Lima' }, weekOne);
    expect(manila.dueAt.toISOString()).toBe('2020-11-01T15:59:00.000Z');
    expect(lima.dueAt.toISOString()).toBe('2020-11-02T04:59:00.000Z');
  });

  it('closes at the due time when no late work is allowed', () => {
    const w = submissionWindow(rome, { ...weekOne, lateDays: 0 });
    expect(w.cutOffAt.getTime()).toBe(w.dueAt.getTime());
  });

  it('moves the due time to an extension, and the cut-off when the extension is later', () => {
    const later = new Date('2020-11-08T22:59:00Z');
    const w = submissionWindow(rome, weekOne, later);
    expect(w.dueAt).toEqual(later);
    expect(w.cutOffAt).toEqual(later);
    const shorter = new Date('2020-11-02T22:59:00Z');
    const w2 = submissionWindow(rome, weekOne, shorter);
    expect(w2.dueAt).toEqual(shorter);
    expect(w2.cutOffAt.toISOString()).toBe('2020-11-04T22:59:00.000Z');
  });

  it('refuses a negative number of late days', () => {
    expect(() => submissionWindow(rome, { ...weekOne, lateDays: -1 })).toThrow(/lateDays -1/);
  });
});

describe('windowStateAt', () => {
  const w = submissionWindow(rome, weekOne);
  it.each([
    ['2020-10-25T22:59:59Z', 'not-open'],
    ['2020-10-25T23:00:00Z', 'open'],
    ['2020-11-01T22:59:00Z', 'open'],
    ['2020-11-01T22:59:59Z', 'open'], // the due minute is included
    ['2020-11-01T23:00:00Z', 'late'],
    ['2020-11-04T22:59:59Z', 'late'],
    ['2020-11-04T23:00:00Z', 'closed'],
  ])('at %s the assignment is %s', (at, state) => {
    expect(windowStateAt(w, new Date(at))).toBe(state);
  });

  it('goes from open to closed directly when no late work is allowed', () => {
    const strict = submissionWindow(rome, { ...weekOne, lateDays: 0 });
    expect(windowStateAt(strict, new Date('2020-11-01T23:00:00Z'))).toBe('closed');
  });
});

describe('isLateSubmission', () => {
  const w = submissionWindow(rome, weekOne);
  it('flags work handed in after the due minute, not during it', () => {
    expect(isLateSubmission(w, new Date('2020-11-01T22:59:59Z'))).toBe(false);
    expect(isLateSubmission(w, new Date('2020-11-01T23:00:00Z'))).toBe(true);
  });
});

describe('reopenedWindow', () => {
  it('runs from the release to the due time on the local date reopenDays later, without a late period', () => {
    const w = reopenedWindow(new Date('2020-12-10T09:00:00Z'), 7, '23:59', 'Europe/Rome');
    expect(w.opensAt.toISOString()).toBe('2020-12-10T09:00:00.000Z');
    expect(w.dueAt.toISOString()).toBe('2020-12-17T22:59:00.000Z');
    expect(w.cutOffAt).toEqual(w.dueAt);
  });

  it('counts from the local date of the release (late evening in Rome is already the next day in UTC+1)', () => {
    const w = reopenedWindow(new Date('2020-12-10T23:30:00Z'), 1, '23:59', 'Europe/Rome');
    expect(w.dueAt.toISOString()).toBe('2020-12-12T22:59:00.000Z');
  });

  it('never runs past the due time on the cohort’s last day', () => {
    const w = reopenedWindow(new Date('2020-12-10T09:00:00Z'), 14, '23:59', 'Europe/Rome', '2020-12-13');
    expect(w.dueAt.toISOString()).toBe('2020-12-13T22:59:00.000Z');
    expect(w.cutOffAt).toEqual(w.dueAt);
    // A cohort ending later than the reopened due date changes nothing.
    const later = reopenedWindow(new Date('2020-12-10T09:00:00Z'), 7, '23:59', 'Europe/Rome', '2020-12-31');
    expect(later.dueAt.toISOString()).toBe('2020-12-17T22:59:00.000Z');
    // Released after the cohort's last due time: the further attempt is closed at once.
    const after = reopenedWindow(new Date('2020-12-14T09:00:00Z'), 7, '23:59', 'Europe/Rome', '2020-12-13');
    expect(windowStateAt(after, new Date('2020-12-14T09:00:00Z'))).toBe('closed');
  });
});
