import { addCalendarDays, zonedTimeToUtc } from '../../shared/time-zone.rules.ts';

/** When a quiz of a cohort is open: from `opensAt` (inclusive) to `closesAt` (exclusive; null = never closes). */
export interface QuizWindow {
  readonly opensAt: Date;
  readonly closesAt: Date | null;
}

/**
 * The instant at which a local date (`YYYY-MM-DD`) begins in a time zone (after the gap when clocks jump at midnight).
 * @example startOfLocalDay('2020-10-26', 'Europe/Rome').toISOString() // → '2020-10-25T23:00:00.000Z'
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedTimeToUtc(date, '00:00', timeZone);
}

/**
 * The window of week `week`'s quiz in a cohort: it opens at local midnight on cohort start + 7(week − 1) days
 * and closes `closeAfterDays` later (7 by default: the end of that week), both in the cohort's time zone.
 * @example quizWindow({ startsOn: '2026-03-02', timeZone: 'UTC' }, 2).opensAt.toISOString() // → '2026-03-09T00:00:00.000Z'
 */
export function quizWindow(
  cohort: { readonly startsOn: string; readonly timeZone: string },
  week: number,
  closeAfterDays = 7,
): QuizWindow {
  if (!Number.isInteger(week) || week < 1) throw new RangeError(`quizWindow: week ${week} must be 1 or more`);
  const opensOn = addCalendarDays(cohort.startsOn, 7 * (week - 1));
  return {
    opensAt: startOfLocalDay(opensOn, cohort.timeZone),
    closesAt: startOfLocalDay(addCalendarDays(opensOn, closeAfterDays), cohort.timeZone),
  };
}

/** Where `now` is relative to a window. */
export function windowState(window: QuizWindow, now: Date): 'not-open' | 'open' | 'closed' {
  if (now.getTime() < window.opensAt.getTime()) return 'not-open';
  return window.closesAt && now.getTime() >= window.closesAt.getTime() ? 'closed' : 'open';
}

/** The deadline of an attempt started at `startedAt`: the time limit or the close date, whichever comes first. */
export function attemptDeadline(
  startedAt: Date,
  timeLimitMinutes: number | null,
  closesAt: Date | null,
): Date | null {
  const limit = timeLimitMinutes === null ? null : startedAt.getTime() + timeLimitMinutes * 60_000;
  const close = closesAt?.getTime() ?? null;
  if (limit === null) return close === null ? null : new Date(close);
  return new Date(close === null ? limit : Math.min(limit, close));
}
