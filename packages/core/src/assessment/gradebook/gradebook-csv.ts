import { toCsv } from '../../shared/csv.ts';
import type { CohortGradebookDto } from './gradebook.queries.ts';

/**
 * The cohort gradebook as CSV (the shared writer: UTF-8 BOM, CRLF, every cell quoted as needed and defused): name,
 * email, status, one column per weekly assessment (grade rounded to 2 decimals, empty when none), then `passed_all`.
 */
export function gradebookToCsv(gradebook: CohortGradebookDto): string {
  return toCsv(
    ['name', 'email', 'status', ...gradebook.quizzes.map((q) => `${q.title} (/${q.maxGrade})`), 'passed_all'],
    gradebook.rows.map((row) => [
      row.name,
      row.email,
      row.status,
      ...row.cells.map((c) => (c.grade === null ? null : Math.round(c.grade * 100) / 100)),
      row.allPassed ? 'yes' : 'no',
    ]),
  );
}
