import { createHash } from 'node:crypto';
import {
  listAssignmentDefinitions,
  newId,
  retireAssignmentDefinitions,
  upsertAssignmentDefinition,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { AssignmentDefinition } from './assignment-definition.ts';

/** What importing a course's assignments did. */
export interface AssignmentImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Assignments whose file left the course: hidden, kept for the submissions that refer to them. */
  readonly retired: number;
}

const hashOf = (json: string): string => createHash('sha256').update(json).digest('hex');

/**
 * Stores a course's assignments (already loaded and checked by `loadAssignments`) in course order: new ones are
 * created, changed ones updated in place (their id and submissions stay), unchanged ones left alone, and those no
 * longer in the course retired. Run it inside the import's transaction.
 */
export async function writeAssignmentDefinitions(
  db: Kysely<Database>,
  courseId: string,
  assignments: readonly AssignmentDefinition[],
  now: string,
): Promise<AssignmentImportReport> {
  const existing = new Map(
    (await listAssignmentDefinitions(db, courseId, { includeRetired: true })).map((r) => [
      r.assignment_key,
      r,
    ]),
  );
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [position, a] of assignments.entries()) {
    const definition = JSON.stringify(a);
    const hash = hashOf(definition);
    const row = existing.get(a.id);
    if (row && row.content_hash === hash && row.position === position && row.retired_at === null) {
      unchanged++;
      continue;
    }
    if (row) updated++;
    else created++;
    await upsertAssignmentDefinition(db, {
      id: row?.id ?? newId(),
      course_id: courseId,
      assignment_key: a.id,
      position,
      definition,
      content_hash: hash,
      retired_at: null,
      created_at: now,
      updated_at: now,
    });
  }
  const retired = await retireAssignmentDefinitions(
    db,
    courseId,
    assignments.map((a) => a.id),
    now,
  );
  return { created, updated, unchanged, retired };
}
