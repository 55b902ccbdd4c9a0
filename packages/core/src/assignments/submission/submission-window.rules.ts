import { addCalendarDays, localDateOf, zonedTimeToUtc } from '../../shared/time-zone.rules.ts';

/** A day of a cohort's course: day 1 of week 1 is the cohort's start date; day 8 of a week is day 1 of the next. */
export interface CourseDay {
  readonly week: number;
  readonly day: number;
}

/** When an assignment opens, falls due and closes, relative to the cohort's weeks. */
export interface AssignmentDates {
  /** Opens at local midnight of this day. */
  readonly opens: CourseDay;
  /** Falls due at the local time `time` (HH:MM) of this day. */
  readonly due: CourseDay & { readonly time: string };
  /** Late submissions are accepted for this many days after the due time (the cut-off); 0 = none. */
  readonly lateDays: number;
}

/**
 * The instants of one assignment in one cohort (or of one learner's or group's extension). Deadlines include
 * their whole minute: work handed in at 23:59:40 is on time for a due time of 23:59.
 */
export interface SubmissionWindow {
  readonly opensAt: Date;
  readonly dueAt: Date;
  /** The last minute late work is accepted; equal to `dueAt` when no late work is allowed. */
  readonly cutOffAt: Date;
  readonly timeZone: string;
}

/** Where an instant falls: before opening, before the due time, in the late period, or after the cut-off. */
export type WindowState = 'not-open' | 'open' | 'late' | 'closed';

const MINUTE = 60_000;

/**
 * The local date of a course day in a cohort (no time zone involved: calendar arithmetic).
 * @example courseDate('2020-10-26', { week: 6, day: 14 }) // '2020-12-13'
 */
export function courseDate(startsOn: string, day: CourseDay): string {
  if (!Number.isInteger(day.week) || day.week < 1)
    throw new RangeError(`courseDate: week ${day.week} must be 1 or more`);
  if (!Number.isInteger(day.day) || day.day < 1)
    throw new RangeError(`courseDate: day ${day.day} must be 1 or more`);
  return addCalendarDays(startsOn, 7 * (day.week - 1) + day.day - 1);
}

/**
 * An assignment's window in a cohort, in the cohort's time zone (DST-safe: the cut-off is the same local time
 * `lateDays` calendar days after the due date, not a multiple of 24 hours). An extension granted to a learner or a
 * group moves the due time there; the cut-off then is the later of the two.
 * @example submissionWindow({ startsOn: '2020-10-26', timeZone: 'Europe/Rome' }, { opens: { week: 1, day: 1 }, due: { week: 1, day: 7, time: '23:59' }, lateDays: 3 }).cutOffAt.toISOString() // '2020-11-04T22:59:00.000Z'
 */
export function submissionWindow(
  cohort: { readonly startsOn: string; readonly timeZone: string },
  dates: AssignmentDates,
  extension: Date | null = null,
): SubmissionWindow {
  if (!Number.isInteger(dates.lateDays) || dates.lateDays < 0)
    throw new RangeError(
      `submissionWindow: lateDays ${dates.lateDays} must be a whole number of days, 0 or more`,
    );
  const { timeZone } = cohort;
  const dueOn = courseDate(cohort.startsOn, dates.due);
  const opensAt = zonedTimeToUtc(courseDate(cohort.startsOn, dates.opens), '00:00', timeZone);
  const dueAt = zonedTimeToUtc(dueOn, dates.due.time, timeZone);
  const cutOffAt = zonedTimeToUtc(addCalendarDays(dueOn, dates.lateDays), dates.due.time, timeZone);
  if (extension === null) return { opensAt, dueAt, cutOffAt, timeZone };
  return {
    opensAt,
    dueAt: extension,
    cutOffAt: new Date(Math.max(cutOffAt.getTime(), extension.getTime())),
    timeZone,
  };
}

/**
 * The window of a further attempt, opened when a failing grade is released: it runs from the release to the
 * assignment's due time on the local date `reopenDays` after the release, with no late period — and never past the
 * due time on the cohort's last day (`endsOn`, a local date), since no deadline falls after the cohort's end.
 * @example reopenedWindow(new Date('2020-12-10T09:00:00Z'), 7, '23:59', 'Europe/Rome').dueAt.toISOString() // '2020-12-17T22:59:00.000Z'
 * @example reopenedWindow(new Date('2020-12-10T09:00:00Z'), 14, '23:59', 'Europe/Rome', '2020-12-13').dueAt.toISOString() // '2020-12-13T22:59:00.000Z'
 */
export function reopenedWindow(
  releasedAt: Date,
  reopenDays: number,
  dueTime: string,
  timeZone: string,
  endsOn?: string,
): SubmissionWindow {
  if (!Number.isInteger(reopenDays) || reopenDays < 1)
    throw new RangeError(
      `reopenedWindow: reopenDays ${reopenDays} must be a whole number of days, 1 or more`,
    );
  const reopenedDue = zonedTimeToUtc(
    addCalendarDays(localDateOf(releasedAt, timeZone), reopenDays),
    dueTime,
    timeZone,
  );
  const lastDue = endsOn === undefined ? null : zonedTimeToUtc(endsOn, dueTime, timeZone);
  const dueAt = lastDue !== null && lastDue < reopenedDue ? lastDue : reopenedDue;
  return { opensAt: releasedAt, dueAt, cutOffAt: dueAt, timeZone };
}

/**
 * Where `now` falls in a window.
 * @example windowStateAt({ opensAt: new Date('2026-03-02T00:00Z'), dueAt: new Date('2026-03-08T23:59Z'), cutOffAt: new Date('2026-03-08T23:59Z'), timeZone: 'UTC' }, new Date('2026-03-08T23:59:30Z')) // 'open'
 */
export function windowStateAt(window: SubmissionWindow, now: Date): WindowState {
  const t = now.getTime();
  if (t < window.opensAt.getTime()) return 'not-open';
  if (t < window.dueAt.getTime() + MINUTE) return 'open';
  if (t < window.cutOffAt.getTime() + MINUTE) return 'late';
  return 'closed';
}

/** Whether work handed in at `submittedAt` counts as late (after the due minute). */
export function isLateSubmission(window: SubmissionWindow, submittedAt: Date): boolean {
  return submittedAt.getTime() >= window.dueAt.getTime() + MINUTE;
}
