import type { CohortRow, Database, Kysely } from '@labmig/db';
import type { AssignmentStanding } from './completion.rules.ts';

/**
 * Each listed learner's standing in the cohort's assignments, for the completion rule. The seam with the
 * assignments feature (issue 14): until that feature is part of this build, a course has no assignments, and a
 * rule that asks for the final assignment reports `no-final-assignment` (never met).
 */
export async function loadAssignmentStandings(
  _db: Kysely<Database>,
  _cohort: CohortRow,
  userIds: readonly string[],
  _now: Date,
): Promise<ReadonlyMap<string, readonly AssignmentStanding[]>> {
  return new Map(userIds.map((id) => [id, []]));
}
