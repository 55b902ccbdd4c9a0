import type { App } from '../app/app.ts';
import type { AnyJobType } from './job-type.ts';
import { checkRecurrence, type DueRun, type Recurrence } from './schedule.rules.ts';

/**
 * A job enqueued on a recurrence, once per run slot across every process (the slot is unique in the jobs table).
 * Daily runs happen at a local time in each of `timeZones` — e.g. a digest at 06:00 in every time zone that a
 * running cohort uses.
 */
export interface RecurringSchedule {
  /** Unique name of the schedule (part of the slot's key). */
  readonly key: string;
  readonly job: AnyJobType;
  readonly recurrence: Recurrence;
  /** Daily schedules: the zones to run in, one run per zone per local day (default UTC). */
  readonly timeZones?: (app: App) => Promise<readonly string[]>;
  /** The payload of a run (default `{}`), from the slot (its zone and local date for daily runs). */
  readonly payload?: (run: DueRun) => unknown;
}

/** Defines a schedule. @throws RangeError for a bad key or recurrence */
export function defineSchedule(schedule: RecurringSchedule): RecurringSchedule {
  if (!/^[a-z][a-z0-9.-]{0,99}$/.test(schedule.key))
    throw new RangeError(`defineSchedule: key ${JSON.stringify(schedule.key)} must be lower-case words`);
  checkRecurrence(schedule.recurrence);
  return schedule;
}

/** The job types a process runs and the schedules it keeps. Every process of a campus runs the same catalogue. */
export interface JobCatalogue {
  readonly types: readonly AnyJobType[];
  readonly schedules: readonly RecurringSchedule[];
}
