import { localDateOf } from '../shared/time-zone.rules.ts';

/** Where a cohort is in time. */
export type CohortPhase = 'upcoming' | 'running' | 'finished';

/** Whether the cohort has not started, is running, or has ended, judged by the local date in its time zone. */
export function cohortPhase(startsOn: string, endsOn: string, timeZone: string, now: Date): CohortPhase {
  const today = localDateOf(now, timeZone);
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'finished' : 'running';
}

/** The 1-based week of a running cohort (day 0–6 is week 1), or null when it is not running. */
export function currentWeek(startsOn: string, endsOn: string, timeZone: string, now: Date): number | null {
  if (cohortPhase(startsOn, endsOn, timeZone, now) !== 'running') return null;
  const days = Math.round((Date.parse(localDateOf(now, timeZone)) - Date.parse(startsOn)) / 86_400_000);
  return Math.floor(days / 7) + 1;
}
