import { createHash } from 'node:crypto';
import {
  listLabExerciseDefinitions,
  newId,
  retireLabExerciseDefinitions,
  upsertLabExerciseDefinition,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { LoadedLabExercise } from './lab-exercise.loader.ts';

/** What importing a course's Lab exercises did. */
export interface LabExerciseImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Exercises whose file left the course: hidden, kept for the attempts that refer to them. */
  readonly retired: number;
}

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
  const existing = new Map(
    (await listLabExerciseDefinitions(db, courseId, { includeRetired: true })).map((r) => [
      r.exercise_key,
      r,
    ]),
  );
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [position, { definition: d, expected }] of exercises.entries()) {
    const definition = JSON.stringify(d);
    const expectedJson = JSON.stringify(expected);
    const hash = createHash('sha256').update(definition).update('\n').update(expectedJson).digest('hex');
    const row = existing.get(d.id);
    if (row && row.content_hash === hash && row.position === position && row.retired_at === null) {
      unchanged++;
      continue;
    }
    if (row) updated++;
    else created++;
    await upsertLabExerciseDefinition(db, {
      id: row?.id ?? newId(),
      course_id: courseId,
      exercise_key: d.id,
      position,
      definition,
      content_hash: hash,
      expected: expectedJson,
      retired_at: null,
      created_at: now,
      updated_at: now,
    });
  }
  const retired = await retireLabExerciseDefinitions(
    db,
    courseId,
    exercises.map((e) => e.definition.id),
    now,
  );
  return { created, updated, unchanged, retired };
}
