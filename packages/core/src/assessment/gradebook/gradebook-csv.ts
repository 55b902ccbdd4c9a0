import { toXlsxWorkbook } from '@labmig/stats';
import { toCsv } from '../../shared/csv.ts';
import type { CohortGradebookDto } from './gradebook.queries.ts';

const rounded = (grade: number | null): number | null =>
  grade === null ? null : Math.round(grade * 100) / 100;

/**
 * The cohort gradebook as one table: name, email, status, one column per weekly assessment (grade rounded to 2
 * decimals, empty when none), `passed_all`, one column per assignment (the released grade, empty before release)
 * `final_passed`, then one column per Lab exercise (the best attempt's score, empty before any attempt). The CSV
 * and the XLSX exports both write this table.
 */
export function gradebookTable(gradebook: CohortGradebookDto): {
  readonly header: string[];
  readonly rows: (string | number | null)[][];
} {
  return {
    header: [
      'name',
      'email',
      'status',
      ...gradebook.quizzes.map((q) => `${q.title} (/${q.maxGrade})`),
      'passed_all',
      ...gradebook.assignments.map((a) => `${a.title} (/${a.maxGrade})`),
      'final_passed',
      ...gradebook.labExercises.map((x) => `Lab: ${x.title} (/${x.points})`),
    ],
    rows: gradebook.rows.map((row) => [
      row.name,
      row.email,
      row.status,
      ...row.cells.map((c) => rounded(c.grade)),
      row.allPassed ? 'yes' : 'no',
      ...row.assignmentCells.map((c) => rounded(c.grade)),
      row.finalPassed ? 'yes' : 'no',
      ...row.labCells.map((c) => rounded(c.score)),
    ]),
  };
}

/**
 * The cohort gradebook as CSV (the shared writer: UTF-8 BOM, CRLF, every cell quoted as needed and defused), columns
 * as `gradebookTable`.
 */
export function gradebookToCsv(gradebook: CohortGradebookDto): string {
  const { header, rows } = gradebookTable(gradebook);
  return toCsv(header, rows);
}

/** The cohort gradebook as an XLSX workbook (one sheet, grades stored as numbers, text never a formula). */
export function gradebookToXlsx(gradebook: CohortGradebookDto): Uint8Array {
  const { header, rows } = gradebookTable(gradebook);
  return toXlsxWorkbook([{ name: 'gradebook', header, rows }]);
}
