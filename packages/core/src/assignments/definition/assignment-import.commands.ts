import { createHash } from 'node:crypto';
import {
  syncCourseDefinitions,
  type CourseDefinitionSyncReport,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { AssignmentDefinition } from './assignment-definition.ts';

/** What importing a course's assignments did (retired: hidden, kept for the submissions that refer to them). */
export type AssignmentImportReport = CourseDefinitionSyncReport;

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
  return syncCourseDefinitions(
    db,
    'assignment_definitions',
    courseId,
    assignments.map((a) => {
      const definition = JSON.stringify(a);
      return { key: a.id, columns: { definition, content_hash: hashOf(definition) } };
    }),
    now,
  );
}
