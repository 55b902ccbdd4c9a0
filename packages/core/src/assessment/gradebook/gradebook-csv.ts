import { csvField } from '../../shared/csv.ts';
import type { CohortGradebookDto } from './gradebook.queries.ts';

function formatGrade(grade: number | null): string {
  return grade === null ? '' : String(Math.round(grade * 100) / 100);
}

/**
 * The cohort gradebook as CSV (RFC 4180, CRLF): name, email, status, one column per weekly assessment (grade
 * rounded to 2 decimals, empty when none), then `passed_all`. Every text field is defused against spreadsheet
 * formulas (`=`, `+`, `-`, `@` get a leading apostrophe).
 */
export function gradebookToCsv(gradebook: CohortGradebookDto): string {
  const header = [
    'name',
    'email',
    'status',
    ...gradebook.quizzes.map((q) => `${q.title} (/${q.maxGrade})`),
    'passed_all',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const row of gradebook.rows)
    lines.push(
      [
        row.name,
        row.email,
        row.status,
        ...row.cells.map((c) => formatGrade(c.grade)),
        row.allPassed ? 'yes' : 'no',
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
