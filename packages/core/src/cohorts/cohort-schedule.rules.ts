import { addCalendarDays } from '../shared/time-zone.rules.ts';

/**
 * A deadline of a course, counted in course days (day 1 is a cohort's first day): the last day on which the item
 * still takes work. A weekly assessment takes attempts until the end of its last open day; an assignment takes
 * late work until its cut-off (due day + late days, at the due time of that day).
 */
export interface CourseDeadline {
  readonly kind: 'assessment' | 'assignment';
  /** The quiz id or assignment key, as the content names it. */
  readonly key: string;
  readonly title: string;
  readonly lastDay: number;
}

/** A deadline that falls after a cohort's end date, with the local date it falls on. */
export interface ScheduleOverrun {
  readonly deadline: CourseDeadline;
  /** The local date (YYYY-MM-DD) of the deadline in the cohort. */
  readonly date: string;
}

/**
 * A weekly assessment's deadline: week N opens on course day 7(N − 1) + 1 and closes at the start of the day
 * `closeAfterDays` later, so its last open day is 7(N − 1) + closeAfterDays.
 * @example assessmentDeadline({ id: 'week-6', title: 'Week 6', week: 6 }).lastDay // 42
 */
export function assessmentDeadline(quiz: {
  readonly id: string;
  readonly title: string;
  readonly week: number;
  readonly closeAfterDays?: number;
}): CourseDeadline {
  return {
    kind: 'assessment',
    key: quiz.id,
    title: quiz.title,
    lastDay: 7 * (quiz.week - 1) + (quiz.closeAfterDays ?? 7),
  };
}

/**
 * An assignment's deadline: its cut-off day (the due day plus the days late work is accepted).
 * @example assignmentDeadline({ id: 'final', title: 'Final', dates: { due: { week: 6, day: 3 }, lateDays: 2 } }).lastDay // 40
 */
export function assignmentDeadline(assignment: {
  readonly id: string;
  readonly title: string;
  readonly dates: {
    readonly due: { readonly week: number; readonly day: number };
    readonly lateDays: number;
  };
}): CourseDeadline {
  const { due, lateDays } = assignment.dates;
  return {
    kind: 'assignment',
    key: assignment.id,
    title: assignment.title,
    lastDay: 7 * (due.week - 1) + due.day + lateDays,
  };
}

/**
 * How many days a cohort runs, both ends included.
 * @example cohortLengthDays('2020-10-26', '2020-12-04') // 40
 */
export function cohortLengthDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000) + 1;
}

/**
 * The deadlines that fall after a cohort's end date (the rule: no deadline after the cohort's last day), latest
 * first, each with the local date it would fall on. Empty when the schedule fits. Pure.
 * @example scheduleOverruns({ startsOn: '2020-10-26', endsOn: '2020-12-04' }, [{ kind: 'assessment', key: 'week-6', title: 'Week 6', lastDay: 42 }])[0].date // '2020-12-06'
 */
export function scheduleOverruns(
  cohort: { readonly startsOn: string; readonly endsOn: string },
  deadlines: readonly CourseDeadline[],
): ScheduleOverrun[] {
  const length = cohortLengthDays(cohort.startsOn, cohort.endsOn);
  return deadlines
    .filter((d) => d.lastDay > length)
    .sort((a, b) => b.lastDay - a.lastDay || a.key.localeCompare(b.key))
    .map((deadline) => ({ deadline, date: addCalendarDays(cohort.startsOn, deadline.lastDay - 1) }));
}

/**
 * The earliest end date that fits every deadline of a schedule (the cohort's start date when it has none).
 * @example earliestEndOn('2020-10-26', [{ kind: 'assessment', key: 'week-6', title: 'Week 6', lastDay: 40 }]) // '2020-12-04'
 */
export function earliestEndOn(startsOn: string, deadlines: readonly CourseDeadline[]): string {
  const last = deadlines.reduce((max, d) => Math.max(max, d.lastDay), 1);
  return addCalendarDays(startsOn, last - 1);
}
