import { listLabExerciseAttempts, type Database, type Kysely, type LabExerciseAttemptRow } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import { loadCohortAccess, ownedBy } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { renderAssignmentMarkdown } from '../assignments/assignment-markdown.ts';
import type { Locale } from '../errors/error-messages.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import { z } from 'zod';
import type { Tolerance } from './definition/lab-exercise-definition.ts';
import { mayAnswer, type AnswerResult, type LabExerciseStatus } from './grading/lab-grading.rules.ts';
import {
  labCellOf,
  labColumnOf,
  labStillRequired,
  type LabExerciseCellDto,
  type LabExerciseColumnDto,
} from './lab-exercise-grades.queries.ts';
import {
  exerciseDueAt,
  labExercisePaths,
  loadLabExercisesContext,
  requireLabExercise,
  type CohortLabExercise,
  type LabExercisesContext,
} from './lab-exercise-context.ts';

const answersSchema = z.record(z.string(), z.string());
const resultsSchema = z.record(z.string(), z.enum(['correct', 'incorrect', 'missing', 'invalid']));

/** One graded attempt as its learner (or staff) sees it. */
export interface LabAttemptDto {
  readonly number: number;
  readonly answers: Readonly<Record<string, string>>;
  readonly results: Readonly<Record<string, AnswerResult>>;
  readonly correct: boolean;
  readonly score: number;
  readonly at: string;
}

const attemptDto = (a: LabExerciseAttemptRow): LabAttemptDto => ({
  number: a.attempt,
  answers: parseStoredJson(answersSchema, a.answers, `answers of attempt ${a.id}`),
  results: parseStoredJson(resultsSchema, a.results, `results of attempt ${a.id}`),
  correct: a.correct === 1,
  score: a.score,
  at: a.created_at,
});

/** An answer field of an exercise page. */
export interface LabAnswerFieldDto {
  readonly id: string;
  readonly label: string;
  readonly hint: string | null;
  readonly tolerance: Tolerance;
}

/** The practice dataset of an exercise and where the Lab shows it. */
export interface LabDatasetDto {
  readonly file: string;
  /** The practice set's name (`lfs_small`), which names its precomputed tables. */
  readonly name: string;
  readonly localHref: string;
  readonly tablesHref: string;
}

/** One exercise page. */
export interface LabExercisePageDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly timeZone: string;
  readonly key: string;
  readonly title: string;
  readonly summary: string;
  readonly taskHtml: string;
  /** The language the task is written in (French when the exercise gives `fr.task`). */
  readonly taskLanguage: Locale;
  readonly week: number;
  readonly points: number;
  readonly attemptsAllowed: number;
  readonly required: boolean;
  readonly dueAt: string;
  readonly dataset: LabDatasetDto | null;
  readonly answers: readonly LabAnswerFieldDto[];
  readonly listHref: string;
  /** The learner's own standing (learners only). */
  readonly learner: {
    readonly cell: LabExerciseCellDto;
    readonly attempts: readonly LabAttemptDto[];
    readonly attemptsLeft: number;
    readonly mayAnswer: boolean;
    /** The expected values, once nothing can change any more (passed, out of attempts, or past due). */
    readonly revealed: Readonly<Record<string, number>> | null;
  } | null;
  /** Staff: the expected values and every learner's attempts. */
  readonly staff: {
    readonly expected: Readonly<Record<string, number>>;
    readonly rows: readonly {
      readonly userId: string;
      readonly name: string;
      readonly email: string;
      readonly enrolment: string;
      readonly cell: LabExerciseCellDto;
      readonly attempts: readonly LabAttemptDto[];
    }[];
  } | null;
}

function fieldsOf(e: CohortLabExercise, locale: Locale): LabAnswerFieldDto[] {
  return e.definition.answers.map((a) => ({
    id: a.id,
    label: locale === 'fr' && a.fr ? a.fr.label : a.label,
    hint: locale === 'fr' && a.fr?.hint ? a.fr.hint : a.hint,
    tolerance: a.tolerance,
  }));
}

function datasetOf(file: string | null): LabDatasetDto | null {
  if (!file) return null;
  const name = file.replace(/\.(csv|sav|dta)$/, '');
  return {
    file,
    name,
    localHref: '/lab/local',
    tablesHref: `/lab/tables/${encodeURIComponent(name)}`,
  };
}

/** The learners of a cohort (active and withdrawn), by name. */
function listLearners(db: Kysely<Database>, cohortId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['u.id', 'u.name', 'u.email', 'e.status'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.role', '=', 'learner')
    .where('e.status', 'in', ['active', 'withdrawn'])
    .orderBy('u.name')
    .orderBy('u.email')
    .execute();
}

/**
 * One Lab exercise page: the task, the dataset and the answer fields; for a learner their attempts with the
 * feedback (which answer is off) and the expected values once nothing can change; for staff the expected values
 * and every learner's attempts.
 * @throws NotFoundError `cohort.not_found` (outsiders), `lab-exercise.not_found`; ForbiddenError
 */
export async function getLabExercisePage(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly key: string },
  locale: Locale,
): Promise<LabExercisePageDto> {
  const ctx = await loadLabExercisesContext(app.db, actor, ref.cohortId);
  const e = requireLabExercise(ctx, ref.key);
  const d = e.definition;
  const now = app.clock.now();
  const staffView = can(ctx.actor, 'lab-exercise.results', ctx.access);
  const task = locale === 'fr' && d.fr?.task ? d.fr.task : d.task;
  const base = {
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    timeZone: ctx.cohort.time_zone,
    key: e.key,
    title: locale === 'fr' && d.fr ? d.fr.title : d.title,
    summary: locale === 'fr' && d.fr?.summary ? d.fr.summary : d.summary,
    taskHtml: renderAssignmentMarkdown(ctx, task, locale, 'lx'),
    taskLanguage: (task === d.task ? 'en' : 'fr') as Locale,
    week: d.week,
    points: d.points,
    attemptsAllowed: d.attempts,
    required: d.required,
    dueAt: exerciseDueAt(ctx.cohort, d).toISOString(),
    dataset: datasetOf(d.dataset),
    answers: fieldsOf(e, locale),
    listHref: labExercisePaths(ctx.cohort.id).list,
  };
  if (staffView) {
    const attempts = await listLabExerciseAttempts(app.db, ctx.cohort.id, { exerciseId: e.id });
    const rows = (await listLearners(app.db, ctx.cohort.id)).map((l) => {
      const own = attempts.filter((a) => a.user_id === l.id);
      return {
        userId: l.id,
        name: l.name,
        email: l.email,
        enrolment: l.status,
        cell: labCellOf(e, own, ctx.cohort, now),
        attempts: own.map(attemptDto),
      };
    });
    return { ...base, learner: null, staff: { expected: e.expected, rows } };
  }
  assertCan(ctx.actor, 'lab-exercise.read', ownedBy(ctx.access, ctx.actor.userId));
  const own = await listLabExerciseAttempts(app.db, ctx.cohort.id, {
    userIds: [ctx.actor.userId],
    exerciseId: e.id,
  });
  const cell = labCellOf(e, own, ctx.cohort, now);
  const answering =
    mayAnswer(cell.status) && can(ctx.actor, 'lab-exercise.answer', ownedBy(ctx.access, ctx.actor.userId));
  return {
    ...base,
    learner: {
      cell,
      attempts: own.map(attemptDto),
      attemptsLeft: Math.max(0, d.attempts - own.length),
      mayAnswer: answering,
      revealed: mayAnswer(cell.status) ? null : e.expected,
    },
    staff: null,
  };
}

/** One exercise in the cohort's list. */
export interface LabExerciseListItemDto extends LabExerciseColumnDto {
  readonly summary: string;
  readonly dueAt: string;
  /** Learners: their own cell. */
  readonly cell: LabExerciseCellDto | null;
  /** Staff: learners who attempted it and who answered it right. */
  readonly attempted: number | null;
  readonly passed: number | null;
}

/** The cohort's Lab exercises page. */
export interface LabExercisesIndexDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly timeZone: string;
  readonly view: 'learner' | 'staff';
  readonly exercises: readonly LabExerciseListItemDto[];
}

/**
 * The cohort's Lab exercises: learners see their own status and score; staff see how many attempted and passed.
 * @throws NotFoundError `cohort.not_found`; ForbiddenError
 */
export async function getLabExercisesIndex(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
): Promise<LabExercisesIndexDto> {
  const ctx = await loadLabExercisesContext(app.db, actor, cohortId);
  const now = app.clock.now();
  const staffView = can(ctx.actor, 'lab-exercise.results', ctx.access);
  const attempts = await listLabExerciseAttempts(
    app.db,
    ctx.cohort.id,
    staffView ? {} : { userIds: [ctx.actor.userId] },
  );
  const learners = staffView ? await listLearners(app.db, ctx.cohort.id) : [];
  const exercises = ctx.exercises.map((e) => {
    const d = e.definition;
    const mine = attempts.filter((a) => a.exercise_id === e.id);
    const common = {
      ...labColumnOf(ctx.cohort, e, locale),
      summary: locale === 'fr' && d.fr?.summary ? d.fr.summary : d.summary,
      dueAt: exerciseDueAt(ctx.cohort, d).toISOString(),
    };
    if (!staffView)
      return { ...common, cell: labCellOf(e, mine, ctx.cohort, now), attempted: null, passed: null };
    const cells = learners.map((l) =>
      labCellOf(
        e,
        mine.filter((a) => a.user_id === l.id),
        ctx.cohort,
        now,
      ),
    );
    return {
      ...common,
      cell: null,
      attempted: cells.filter((c) => c.attemptsUsed > 0).length,
      passed: cells.filter((c) => c.status === 'passed').length,
    };
  });
  return {
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    timeZone: ctx.cohort.time_zone,
    view: staffView ? 'staff' : 'learner',
    exercises,
  };
}

/** What the course home shows of Lab exercises: the link, and for learners the required ones still open. */
export interface LabExercisesHomeDto {
  readonly href: string;
  readonly stillRequired: readonly {
    readonly key: string;
    readonly title: string;
    readonly href: string;
    readonly dueAt: string;
    readonly status: LabExerciseStatus;
    readonly attemptsLeft: number;
  }[];
}

/**
 * The Lab exercises part of the course home, or null for people who may not see them (or when the course has
 * none). Learners get the required exercises not yet answered right that they can still answer, soonest due first.
 */
export async function getLabExercisesHome(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
): Promise<LabExercisesHomeDto | null> {
  if (actor.kind !== 'user') return null;
  const { access } = await loadCohortAccess(app.db, actor, cohortId);
  if (!can(actor, 'lab-exercise.list', access)) return null;
  const ctx: LabExercisesContext = await loadLabExercisesContext(app.db, actor, cohortId);
  if (ctx.exercises.length === 0) return null;
  const href = labExercisePaths(cohortId).list;
  if (can(actor, 'lab-exercise.results', access)) return { href, stillRequired: [] };
  const now = app.clock.now();
  const attempts = await listLabExerciseAttempts(app.db, cohortId, { userIds: [ctx.actor.userId] });
  const stillRequired = ctx.exercises
    .map((e) => {
      const own = attempts.filter((a) => a.exercise_id === e.id);
      const column = labColumnOf(ctx.cohort, e, locale);
      const cell = labCellOf(e, own, ctx.cohort, now);
      return { column, cell, e, used: own.length };
    })
    .filter(({ column, cell }) => labStillRequired(column, cell))
    .map(({ column, cell, e, used }) => ({
      key: column.key,
      title: column.title,
      href: column.href,
      dueAt: exerciseDueAt(ctx.cohort, e.definition).toISOString(),
      status: cell.status,
      attemptsLeft: Math.max(0, e.definition.attempts - used),
    }))
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  return { href, stillRequired };
}
