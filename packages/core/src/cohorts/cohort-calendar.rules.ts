/** Where a cohort is in time. */
export type CohortPhase = 'upcoming' | 'running' | 'finished';

/** Today's date (`YYYY-MM-DD`) in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whether the cohort has not started, is running, or has ended, judged by the local date in its time zone. */
export function cohortPhase(startsOn: string, endsOn: string, timeZone: string, now: Date): CohortPhase {
  const today = localDate(now, timeZone);
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'finished' : 'running';
}

/** The 1-based week of a running cohort (day 0–6 is week 1), or null when it is not running. */
export function currentWeek(startsOn: string, endsOn: string, timeZone: string, now: Date): number | null {
  if (cohortPhase(startsOn, endsOn, timeZone, now) !== 'running') return null;
  const days = Math.round((Date.parse(localDate(now, timeZone)) - Date.parse(startsOn)) / 86_400_000);
  return Math.floor(days / 7) + 1;
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
