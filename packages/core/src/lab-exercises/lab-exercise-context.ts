import {
  findCourseById,
  listLabExerciseDefinitions,
  type CohortRow,
  type Database,
  type Kysely,
  type LabExerciseDefinitionRow,
} from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess, type CohortAccess } from '../access/membership.ts';
import { submissionWindow, windowStateAt } from '../assignments/submission/submission-window.rules.ts';
import { courseDefinitionOf } from '../content/course.stored.ts';
import type { Course } from '../content/course.types.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { Locale } from '../errors/error-messages.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import {
  storedExpectedSchema,
  storedLabExerciseSchema,
  type LabExerciseDefinition,
} from './definition/lab-exercise-definition.ts';

/** A Lab exercise of a cohort's course: its row id, definition and the engine's expected values. */
export interface CohortLabExercise {
  readonly id: string;
  readonly key: string;
  readonly contentHash: string;
  readonly definition: LabExerciseDefinition;
  /** Answer id → the value computed by the engine when the content was imported. */
  readonly expected: Readonly<Record<string, number>>;
}

/** Parses a stored exercise row. */
export function labExerciseOf(row: LabExerciseDefinitionRow): CohortLabExercise {
  return {
    id: row.id,
    key: row.exercise_key,
    contentHash: row.content_hash,
    definition: parseStoredJson(storedLabExerciseSchema, row.definition, `lab exercise ${row.exercise_key}`),
    expected: parseStoredJson(storedExpectedSchema, row.expected, `expected values of ${row.exercise_key}`),
  };
}

/** The Lab exercises of a cohort's course, in course order (no authorization: callers assert their own action). */
export async function loadCohortLabExercises(
  db: Kysely<Database>,
  cohort: CohortRow,
): Promise<CohortLabExercise[]> {
  return (await listLabExerciseDefinitions(db, cohort.course_id)).map(labExerciseOf);
}

/** When an exercise falls due in a cohort: the due minute of its course day, in the cohort's time zone. */
export function exerciseDueAt(cohort: CohortRow, d: LabExerciseDefinition): Date {
  return submissionWindow(
    { startsOn: cohort.starts_on, timeZone: cohort.time_zone },
    { opens: { week: 1, day: 1 }, due: d.due, lateDays: 0 },
  ).dueAt;
}

/** Whether answers are no longer accepted (the due minute has passed). */
export function isPastDue(cohort: CohortRow, d: LabExerciseDefinition, now: Date): boolean {
  const window = submissionWindow(
    { startsOn: cohort.starts_on, timeZone: cohort.time_zone },
    { opens: { week: 1, day: 1 }, due: d.due, lateDays: 0 },
  );
  return windowStateAt(window, now) === 'closed';
}

/** An exercise's title in the reader's language. */
export const titleIn = (d: LabExerciseDefinition, locale: Locale): string =>
  locale === 'fr' && d.fr ? d.fr.title : d.title;

/** A cohort's Lab exercises as a query or command sees them, after `lab-exercise.list` was allowed. */
export interface LabExercisesContext {
  readonly actor: UserActor;
  readonly cohort: CohortRow;
  readonly access: CohortAccess;
  readonly course: Course;
  readonly exercises: readonly CohortLabExercise[];
}

/**
 * Loads a cohort with the actor's membership, asserts `lab-exercise.list` (staff, and learners who got a place),
 * then the course and its Lab exercises.
 * @throws UnauthenticatedError; NotFoundError `cohort.not_found` for people outside the cohort; ForbiddenError
 */
export async function loadLabExercisesContext(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<LabExercisesContext> {
  const { cohort, access } = await loadCohortAccess(db, actor, cohortId);
  assertCan(actor, 'lab-exercise.list', access, { hidden: 'cohort.not_found' });
  const courseRow = await findCourseById(db, cohort.course_id);
  if (!courseRow) throw new NotFoundError('course.not_found');
  return {
    actor,
    cohort,
    access,
    course: courseDefinitionOf(courseRow),
    exercises: await loadCohortLabExercises(db, cohort),
  };
}

/** An exercise of the context by key (NotFoundError `lab-exercise.not_found`). */
export function requireLabExercise(ctx: LabExercisesContext, key: string): CohortLabExercise {
  const found = ctx.exercises.find((e) => e.key === key);
  if (!found) throw new NotFoundError('lab-exercise.not_found');
  return found;
}

/** URLs of the Lab exercise pages of one cohort (without the `/fr` prefix, which the web app adds). */
export function labExercisePaths(cohortId: string) {
  const list = `/cohorts/${encodeURIComponent(cohortId)}/lab-exercises`;
  return { list, exercise: (key: string) => `${list}/${encodeURIComponent(key)}` } as const;
}
