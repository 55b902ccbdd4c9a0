import type { CohortSchedule, ScheduledWeek } from '../learning/schedule.rules.ts';

/** How far back a reminder may still go out: a process that was down for less than this catches up, no more. */
export const REMINDER_LOOKBACK_HOURS = 24;
/** Learners are reminded of an assessment this long before it closes. */
export const CLOSING_NOTICE_HOURS = 24;

/**
 * The weeks whose opening reminder is due at `now`: opened in the last REMINDER_LOOKBACK_HOURS. Week 1 is left out
 * (the enrolment mail and the course start cover it). Pure.
 * @example weeksOpenedRecently(schedule, new Date('2026-03-09T06:00Z')).map((w) => w.number) // [2]
 */
export function weeksOpenedRecently(schedule: CohortSchedule, now: Date): ScheduledWeek[] {
  const from = now.getTime() - REMINDER_LOOKBACK_HOURS * 3_600_000;
  return schedule.weeks.filter((w) => {
    const opens = Date.parse(w.opensAt);
    return w.number > 1 && opens <= now.getTime() && opens > from;
  });
}

/** The window in which assessments closing get their reminder: `(now, now + CLOSING_NOTICE_HOURS]`. */
export function closingWindow(now: Date): { readonly after: string; readonly until: string } {
  return {
    after: now.toISOString(),
    until: new Date(now.getTime() + CLOSING_NOTICE_HOURS * 3_600_000).toISOString(),
  };
}

/** The key that makes a reminder go once per person: the kind and what it is about. */
export const reminderKey = {
  weekOpening: (cohortId: string, week: number) => `${cohortId}:week-${week}`,
  assessmentClosing: (quizId: string) => quizId,
} as const;
