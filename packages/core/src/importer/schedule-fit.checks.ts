import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { QUIZ_DEFINITIONS_FILE } from '../assessment/bank/bank-import.commands.ts';
import type { QuizDefinition } from '../assessment/attempt/quiz-definition.ts';
import type { AssignmentDefinition } from '../assignments/definition/assignment-definition.ts';
import {
  assessmentDeadline,
  assignmentDeadline,
  cohortLengthDays,
  scheduleOverruns,
  type CourseDeadline,
} from '../cohorts/cohort-schedule.rules.ts';
import { contentError, type ContentError } from '../content/content-error.ts';
import type { Course } from '../content/index.ts';

/** A span a course's schedule must fit in: its own weeks, an edition in course.yaml, or a cohort already created. */
export interface ScheduleSpan {
  /** How the message names it, e.g. `the 2020 edition (2020-10-26 – 2020-12-04)`. */
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** The spans every course must fit: its weeks (counted from an arbitrary Monday) and each of its editions. */
export function contentSpans(course: Pick<Course, 'weeks' | 'editions'>): ScheduleSpan[] {
  const weeks = course.weeks.length;
  const start = '2001-01-01';
  return [
    {
      label: `the course's ${weeks} week${weeks === 1 ? '' : 's'} (${weeks * 7} days)`,
      startsOn: start,
      endsOn: new Date(Date.parse(start) + (weeks * 7 - 1) * 86_400_000).toISOString().slice(0, 10),
    },
    ...course.editions.map((e) => ({
      label: `the edition "${e.title}" (${e.start} – ${e.end})`,
      startsOn: e.start,
      endsOn: e.end,
    })),
  ];
}

async function lineOf(file: string, pattern: RegExp): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const index = text.split('\n').findIndex((l) => pattern.test(l));
  return index < 0 ? 1 : index + 1;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The rule "no deadline after the cohort's end date" at content time: every weekly assessment's close and every
 * assignment's cut-off (due day + late days) must fall within each span. One error per item that overruns, at
 * the line that sets its date, naming the item, the span and the day it would fall on.
 */
export async function checkScheduleFits(
  courseDir: string,
  quizzes: readonly QuizDefinition[],
  assignments: readonly AssignmentDefinition[],
  spans: readonly ScheduleSpan[],
): Promise<ContentError[]> {
  const deadlines: CourseDeadline[] = [
    ...quizzes.map(assessmentDeadline),
    ...assignments.map(assignmentDeadline),
  ];
  const worst = new Map<string, { span: ScheduleSpan; date: string; deadline: CourseDeadline }>();
  for (const span of spans)
    for (const { deadline, date } of scheduleOverruns(span, deadlines)) {
      const id = `${deadline.kind}:${deadline.key}`;
      if (!worst.has(id)) worst.set(id, { span, date, deadline });
    }
  const errors: ContentError[] = [];
  for (const { span, date, deadline } of worst.values()) {
    const days = cohortLengthDays(span.startsOn, span.endsOn);
    const what =
      deadline.kind === 'assessment'
        ? `the weekly assessment ${deadline.key} ("${deadline.title}") closes after course day ${deadline.lastDay}`
        : `the assignment ${deadline.key} ("${deadline.title}") takes late work until course day ${deadline.lastDay} (due day + lateDays)`;
    const when = span.label.startsWith('the course') ? '' : ` (${date})`;
    const message =
      `${what}${when}, after the end of ${span.label}: no deadline may fall after a cohort's last day. ` +
      `Make it end by day ${days}.`;
    if (deadline.kind === 'assessment') {
      const file = path.join(courseDir, QUIZ_DEFINITIONS_FILE);
      errors.push(
        contentError(
          file,
          await lineOf(file, new RegExp(`id:\\s*${escape(deadline.key)}\\s*$`)),
          'content.schedule-overrun',
          message,
        ),
      );
    } else {
      const file = path.join(courseDir, 'assignments', `${deadline.key}.md`);
      errors.push(contentError(file, await lineOf(file, /^due:/), 'content.schedule-overrun', message));
    }
  }
  return errors;
}
