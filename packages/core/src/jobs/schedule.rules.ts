import { localDateOf, zonedTimeToUtc } from '../shared/time-zone.rules.ts';

/** How often a recurring job runs: every n minutes (aligned on UTC), or daily at a local time. */
export type Recurrence = { readonly everyMinutes: number } | { readonly dailyAt: string };

/** One due run of a schedule: its unique slot and when it was due. */
export interface DueRun {
  /** Unique per schedule: the UTC start of the period, or `<zone>@<local date>` for daily runs. */
  readonly slot: string;
  readonly scheduledFor: Date;
  readonly timeZone: string;
  /** The local calendar date of a daily run (YYYY-MM-DD). */
  readonly localDate?: string;
}

/**
 * The run of a recurrence that is due at `now`: for `everyMinutes`, the current period (aligned on multiples of n
 * minutes since the epoch); for `dailyAt`, today's run in the zone once its local time has passed (a process that
 * starts later in the day still runs it — once, as the slot is unique). Undefined when none is due yet.
 * @example dueRun({ everyMinutes: 1 }, new Date('2026-03-10T09:00:42Z'), 'UTC')?.slot // '2026-03-10T09:00:00.000Z'
 * @example dueRun({ dailyAt: '06:00' }, new Date('2026-03-10T05:30:00Z'), 'Africa/Dakar') // undefined
 * @example dueRun({ dailyAt: '06:00' }, new Date('2026-03-10T05:30:00Z'), 'Europe/Paris')?.slot // 'Europe/Paris@2026-03-10'
 */
export function dueRun(recurrence: Recurrence, now: Date, timeZone: string): DueRun | undefined {
  if ('everyMinutes' in recurrence) {
    const period = recurrence.everyMinutes * 60_000;
    const start = new Date(Math.floor(now.getTime() / period) * period);
    return { slot: start.toISOString(), scheduledFor: start, timeZone: 'UTC' };
  }
  const localDate = localDateOf(now, timeZone);
  const scheduledFor = zonedTimeToUtc(localDate, recurrence.dailyAt, timeZone);
  if (now.getTime() < scheduledFor.getTime()) return undefined;
  return { slot: `${timeZone}@${localDate}`, scheduledFor, timeZone, localDate };
}

/** Checks a recurrence. @throws RangeError naming what is wrong */
export function checkRecurrence(recurrence: Recurrence): void {
  if ('everyMinutes' in recurrence) {
    const n = recurrence.everyMinutes;
    if (!Number.isInteger(n) || n < 1 || n > 24 * 60)
      throw new RangeError(`schedule: everyMinutes must be a whole number from 1 to 1440 (got ${n})`);
  } else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(recurrence.dailyAt)) {
    throw new RangeError(`schedule: dailyAt must be HH:MM (got ${JSON.stringify(recurrence.dailyAt)})`);
  }
}
