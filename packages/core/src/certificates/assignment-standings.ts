import type { CohortRow, Database, Kysely } from '@labmig/db';
import { loadAssignmentGrades } from '../assignments/grading/assignment-grades.queries.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import type { AssignmentStanding } from './completion.rules.ts';

/**
 * Each listed learner's standing in the cohort's assignments, for the completion rule: the assignments feature's
 * gradebook cells (only a released passing grade counts as passed; group work counts with the learner's own
 * adjustment). No authorization: callers have asserted their own action.
 */
export async function loadAssignmentStandings(
  db: Kysely<Database>,
  cohort: CohortRow,
  userIds: readonly string[],
  now: Date,
  locale: CertificateLocale,
): Promise<ReadonlyMap<string, readonly AssignmentStanding[]>> {
  const { columns, cells } = await loadAssignmentGrades(db, cohort, userIds, now, locale);
  const byUser = new Map<string, AssignmentStanding[]>();
  for (const userId of userIds) {
    const mine = cells.get(userId) ?? [];
    byUser.set(
      userId,
      columns.map((column, i) => ({
        key: column.key,
        title: column.title,
        final: column.final,
        passed: mine[i]?.passed ?? false,
        status: mine[i]?.status ?? 'to-do',
      })),
    );
  }
  return byUser;
}
