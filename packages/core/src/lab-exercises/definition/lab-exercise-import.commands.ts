import { createHash } from 'node:crypto';
import {
  syncCourseDefinitions,
  type CourseDefinitionSyncReport,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { LoadedLabExercise } from './lab-exercise.loader.ts';

/** What importing a course's Lab exercises did (retired: hidden, kept for the attempts that refer to them). */
export type LabExerciseImportReport = CourseDefinitionSyncReport;

/**
 * Stores a course's Lab exercises (loaded, checked and computed by `loadLabExercises`) in course order, each with
 * the expected values the engine computed for this content version: requests grade against these stored values
 * and never run the engine. New exercises are created, changed ones updated in place (attempts stay), unchanged
 * ones left alone, and those no longer in the course retired. Run it inside the import's transaction.
 */
export async function writeLabExerciseDefinitions(
  db: Kysely<Database>,
  courseId: string,
  exercises: readonly LoadedLabExercise[],
  now: string,
): Promise<LabExerciseImportReport> {
  return syncCourseDefinitions(
    db,
    'lab_exercise_definitions',
    courseId,
    exercises.map(({ definition: d, expected }) => {
      const definition = JSON.stringify(d);
      const expectedJson = JSON.stringify(expected);
      const hash = createHash('sha256').update(definition).update('\n').update(expectedJson).digest('hex');
      return { key: d.id, columns: { definition, content_hash: hash, expected: expectedJson } };
    }),
    now,
  );
}
