import {
  findCohortById,
  listCohortsOfCourse,
  listQuizDefinitions,
  newId,
  upsertQuiz,
  type CohortRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { App } from '../../app/app.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { parseStoredJson } from '../../shared/stored-json.ts';
import { storedQuizDefinitionSchema } from './quiz-definition.ts';
import { quizWindow } from './quiz-window.rules.ts';

/**
 * Creates or updates the quizzes of one cohort from its course's quiz definitions: week N opens at cohort
 * start + 7(N − 1) days (local midnight in the cohort's time zone) and closes after `closeAfterDays` (7).
 * Idempotent; existing quiz ids (and their attempts) are kept. Returns how many quizzes the cohort has.
 */
export async function scheduleCohortQuizzes(
  db: Kysely<Database>,
  cohort: CohortRow,
  now: Date,
): Promise<number> {
  const definitions = await listQuizDefinitions(db, cohort.course_id);
  const stamp = now.toISOString();
  for (const row of definitions) {
    const definition = parseStoredJson(
      storedQuizDefinitionSchema,
      row.definition,
      `quiz definition ${row.id}`,
    );
    const window = quizWindow(
      { startsOn: cohort.starts_on, timeZone: cohort.time_zone },
      definition.week,
      definition.closeAfterDays,
    );
    await upsertQuiz(db, {
      id: newId(),
      cohort_id: cohort.id,
      quiz_key: definition.id,
      week: definition.week,
      title: definition.title,
      definition: row.definition,
      opens_at: window.opensAt.toISOString(),
      closes_at: window.closesAt?.toISOString() ?? null,
      created_at: stamp,
      updated_at: stamp,
    });
  }
  return definitions.length;
}

/** Schedules the quizzes of every cohort of a course (after an import changed its definitions). */
export async function scheduleCourseQuizzes(
  db: Kysely<Database>,
  courseId: string,
  now: Date,
): Promise<number> {
  const cohorts = await listCohortsOfCourse(db, courseId);
  for (const cohort of cohorts) await scheduleCohortQuizzes(db, cohort, now);
  return cohorts.length;
}

/**
 * Schedules the quizzes of a cohort created after the last content import (call it after `cohort create`).
 * @throws NotFoundError `cohort.not_found`
 */
export async function scheduleQuizzesForCohort(app: App, cohortId: string): Promise<number> {
  return app.db.transaction().execute(async (trx) => {
    const cohort = await findCohortById(trx, cohortId);
    if (!cohort) throw new NotFoundError('cohort.not_found');
    return scheduleCohortQuizzes(trx, cohort, app.clock.now());
  });
}
