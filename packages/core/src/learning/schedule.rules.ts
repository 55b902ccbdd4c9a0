import type { Course, CourseModule } from '../content/course.types.ts';
import { addCalendarDays, zonedTimeToUtc } from '../shared/time-zone.rules.ts';

/** What a learner can do with a week's items: read them (`open`) or only see their outline. */
export type ItemState = 'open' | 'outline';

/** The cohort facts a schedule needs. Dates are `YYYY-MM-DD` in the cohort's IANA time zone. */
export interface ScheduleCohort {
  readonly id: string;
  readonly startsOn: string;
  /** The cohort's last day: no week falls due after it (the last week's due date moves back to it). */
  readonly endsOn?: string;
  readonly timeZone: string;
}

/** When weeks fall due: `dueOffsetDays` after the week opens (6 = its last day) at local `dueTime`. */
export interface ScheduleOptions {
  readonly dueOffsetDays?: number;
  readonly dueTime?: string;
  /** Extra days for particular weeks (e.g. `{ 6: 7 }` gives the final week one more week). */
  readonly extraDaysByWeek?: Readonly<Record<number, number>>;
}

/** A lesson in the schedule. */
export interface ScheduledLesson {
  readonly id: string;
  readonly title: string;
  readonly hours: number;
}

/** A module in the schedule, with the state of its week. */
export interface ScheduledModule {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly titleFr: string | null;
  readonly week: number;
  readonly hours: number;
  readonly state: ItemState;
  readonly lessons: readonly ScheduledLesson[];
}

/** One week of a cohort. */
export interface ScheduledWeek {
  readonly number: number;
  readonly title: string;
  readonly titleFr: string | null;
  /** Local date the week opens, and the UTC instant of local midnight that day. */
  readonly opensOn: string;
  readonly opensAt: string;
  /** Local date and UTC instant of the week's due date. */
  readonly dueOn: string;
  readonly dueAt: string;
  readonly state: ItemState;
  readonly modules: readonly ScheduledModule[];
}

/** A cohort's weeks as of an instant. */
export interface CohortSchedule {
  readonly cohortId: string;
  readonly timeZone: string;
  /** The latest week that is open, or null before week 1 opens. */
  readonly currentWeek: number | null;
  readonly weeks: readonly ScheduledWeek[];
}

/** Most weeks a course may have. */
export const MAX_WEEKS = 6;

/**
 * A cohort's weeks: week N opens at local midnight of `startsOn + 7(N−1)` days in the cohort's time zone
 * (DST-safe), holds the course modules whose `week` is N, and falls due at local 23:59 on its last day unless
 * options say otherwise — and never after the cohort's last day (`endsOn`). Items are `open` once their week has opened at `now`, else `outline`. Pure.
 * @example cohortSchedule({ id: 'c', startsOn: '2026-03-02', timeZone: 'UTC' }, course, new Date('2026-03-10T00:00Z')).currentWeek // 2
 */
export function cohortSchedule(
  cohort: ScheduleCohort,
  course: Pick<Course, 'weeks' | 'modules'>,
  now: Date,
  options: ScheduleOptions = {},
): CohortSchedule {
  const dueOffset = options.dueOffsetDays ?? 6;
  const dueTime = options.dueTime ?? '23:59';
  const weeks = [...course.weeks]
    .filter((w) => w.number >= 1 && w.number <= MAX_WEEKS)
    .sort((a, b) => a.number - b.number)
    .map((w): ScheduledWeek => {
      const opensOn = addCalendarDays(cohort.startsOn, 7 * (w.number - 1));
      const opensAt = zonedTimeToUtc(opensOn, '00:00', cohort.timeZone);
      const weekDue = addCalendarDays(opensOn, dueOffset + (options.extraDaysByWeek?.[w.number] ?? 0));
      const dueOn = cohort.endsOn !== undefined && cohort.endsOn < weekDue ? cohort.endsOn : weekDue;
      const state: ItemState = now.getTime() >= opensAt.getTime() ? 'open' : 'outline';
      return {
        number: w.number,
        title: w.title,
        titleFr: w.fr?.title ?? null,
        opensOn,
        opensAt: opensAt.toISOString(),
        dueOn,
        dueAt: zonedTimeToUtc(dueOn, dueTime, cohort.timeZone).toISOString(),
        state,
        modules: course.modules.filter((m) => m.week === w.number).map((m) => scheduleModule(m, state)),
      };
    });
  const open = weeks.filter((w) => w.state === 'open');
  return {
    cohortId: cohort.id,
    timeZone: cohort.timeZone,
    currentWeek: open.length > 0 ? open[open.length - 1]!.number : null,
    weeks,
  };
}

function scheduleModule(m: CourseModule, state: ItemState): ScheduledModule {
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    titleFr: m.fr?.title ?? null,
    week: m.week,
    hours: m.hours,
    state,
    lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, hours: l.hours })),
  };
}

/** The week of a schedule, or undefined when the course has no such week. */
export function findWeek(schedule: CohortSchedule, week: number): ScheduledWeek | undefined {
  return schedule.weeks.find((w) => w.number === week);
}

/** The week a module belongs to in a schedule. */
export function weekOfModule(schedule: CohortSchedule, moduleId: string): ScheduledWeek | undefined {
  return schedule.weeks.find((w) => w.modules.some((m) => m.id === moduleId));
}
