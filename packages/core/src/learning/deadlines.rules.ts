import { localDateOf } from '../shared/time-zone.rules.ts';

/** A deadline on the course home: the end of a week, or the close of a weekly assessment. */
export interface DeadlineDto {
  readonly kind: 'week' | 'assessment';
  /** Unique among the deadlines (`week-<n>` or `assessment-<quizId>`). */
  readonly key: string;
  /** The week the deadline belongs to. */
  readonly week: number;
  readonly title: string;
  /** The local date in the cohort's time zone of the last minute it takes work. */
  readonly dueOn: string;
  readonly dueAt: string;
  /**
   * The last minute it takes work, to show with the time zone: a week's due minute (23:59), or the minute before
   * an assessment closes (it closes at the start of the next day: "closes on 6 December" ends at 23:59 that day).
   */
  readonly lastMinuteAt: string;
  readonly past: boolean;
  /** Where to go for it (the assessment's start page for learners), or null. */
  readonly href: string | null;
}

/** A week's end as the deadline list needs it. */
export interface WeekEnd {
  readonly number: number;
  readonly title: string;
  readonly dueOn: string;
  readonly dueAt: string;
}

/** A weekly assessment's window as the deadline list needs it (`closesAt` null: it never closes). */
export interface AssessmentWindow {
  readonly quizId: string;
  readonly week: number;
  readonly title: string;
  readonly closesAt: string | null;
}

/**
 * The deadlines still ahead at `now`, soonest first: every week's end and every assessment that closes, with
 * assessment dates as local dates in the cohort's time zone (an assessment that closes at local midnight belongs
 * to the day before). At the same instant a week's end comes first. Pure.
 * @example upcomingDeadlines([], [{ quizId: 'q', week: 1, title: 'Quiz', closesAt: '2026-03-08T22:59:00Z' }], 'Europe/Rome', new Date('2026-03-05T00:00:00Z'), () => null)[0].dueOn // => '2026-03-08'
 */
export function upcomingDeadlines(
  weeks: readonly WeekEnd[],
  assessments: readonly AssessmentWindow[],
  timeZone: string,
  now: Date,
  assessmentHref: (quizId: string) => string | null,
): DeadlineDto[] {
  const all: DeadlineDto[] = [
    ...weeks.map((w) => ({
      kind: 'week' as const,
      key: `week-${w.number}`,
      week: w.number,
      title: w.title,
      dueOn: w.dueOn,
      dueAt: w.dueAt,
      lastMinuteAt: w.dueAt,
      past: Date.parse(w.dueAt) < now.getTime(),
      href: null,
    })),
    ...assessments.flatMap((a) => {
      if (a.closesAt === null) return [];
      const closes = new Date(a.closesAt);
      const lastMinute = new Date(closes.getTime() - 60_000);
      return [
        {
          kind: 'assessment' as const,
          key: `assessment-${a.quizId}`,
          week: a.week,
          title: a.title,
          dueOn: localDateOf(lastMinute, timeZone),
          dueAt: closes.toISOString(),
          lastMinuteAt: lastMinute.toISOString(),
          past: closes.getTime() < now.getTime(),
          href: assessmentHref(a.quizId),
        },
      ];
    }),
  ];
  const order = (d: DeadlineDto) => (d.kind === 'week' ? 0 : 1);
  return all
    .filter((d) => !d.past)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || order(a) - order(b) || a.week - b.week);
}
