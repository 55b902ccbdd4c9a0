import { listAssignmentDefinitions, listQuizDefinitions, type Database, type Kysely } from '@labmig/db';
import { storedQuizDefinitionSchema } from '../assessment/attempt/quiz-definition.ts';
import { storedAssignmentDefinitionSchema } from '../assignments/definition/assignment.stored.ts';
import { DomainValidationError } from '../errors/domain-errors.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import {
  assessmentDeadline,
  assignmentDeadline,
  earliestEndOn,
  scheduleOverruns,
  type CourseDeadline,
  type ScheduleOverrun,
} from './cohort-schedule.rules.ts';

/**
 * A cohort's end date comes before one of its course's deadlines. The message names the latest deadline, the
 * date it falls on and the earliest end date that fits; the form shows it on the end date field.
 */
export class ScheduleOverrunError extends DomainValidationError {
  readonly overruns: readonly ScheduleOverrun[];
  readonly fitsFrom: string;

  constructor(overruns: readonly ScheduleOverrun[], fitsFrom: string) {
    super({ endsOn: 'cohort.schedule_overrun' }, 'cohort.schedule_overrun');
    this.overruns = overruns;
    this.fitsFrom = fitsFrom;
    this.message = this.localize('en');
  }

  override localize(locale: string): string {
    const { deadline, date } = this.overruns[0]!;
    const others = this.overruns.length - 1;
    if (locale === 'fr') {
      const more =
        others === 0 ? '' : others === 1 ? ' (et 1 autre échéance)' : ` (et ${others} autres échéances)`;
      return (
        `Aucune échéance ne peut tomber après la fin de la session\u202f: «\u202f${deadline.title}\u202f» accepte des travaux ` +
        `jusqu’au ${date}${more}. Choisissez une date de fin au ${this.fitsFrom} ou plus tard.`
      );
    }
    const more =
      others === 0 ? '' : others === 1 ? ' (and 1 other deadline)' : ` (and ${others} other deadlines)`;
    return (
      `No deadline may fall after the cohort’s end date: “${deadline.title}” takes work until ${date}${more}. ` +
      `Choose an end date on or after ${this.fitsFrom}.`
    );
  }
}

/** Every deadline of a course as imported: its weekly assessments' close days and its assignments' cut-offs. */
export async function courseDeadlines(db: Kysely<Database>, courseId: string): Promise<CourseDeadline[]> {
  const quizzes = await listQuizDefinitions(db, courseId);
  const assignments = await listAssignmentDefinitions(db, courseId);
  return [
    ...quizzes.map((row) =>
      assessmentDeadline(
        parseStoredJson(storedQuizDefinitionSchema, row.definition, `quiz definition ${row.id}`),
      ),
    ),
    ...assignments.map((row) =>
      assignmentDeadline(
        parseStoredJson(storedAssignmentDefinitionSchema, row.definition, `assignment definition ${row.id}`),
      ),
    ),
  ];
}

/**
 * Checks the rule "no deadline after the cohort's end date" for a cohort of a course with these dates.
 * @throws ScheduleOverrunError (a DomainValidationError on `endsOn`, code `cohort.schedule_overrun`)
 */
export async function assertScheduleFits(
  db: Kysely<Database>,
  courseId: string,
  cohort: { readonly startsOn: string; readonly endsOn: string },
): Promise<void> {
  const deadlines = await courseDeadlines(db, courseId);
  const overruns = scheduleOverruns(cohort, deadlines);
  if (overruns.length > 0)
    throw new ScheduleOverrunError(overruns, earliestEndOn(cohort.startsOn, deadlines));
}
