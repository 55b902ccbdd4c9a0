import { toXlsxWorkbook } from '@labmig/stats';
import { toCsv } from '../shared/csv.ts';
import type { MissingItem } from './completion.rules.ts';
import type { CompletionReportDto } from './completion-view.queries.ts';

/** The report's columns, in order (CSV header, XLSX header row). */
export const COMPLETION_REPORT_COLUMNS = [
  'name',
  'email',
  'enrolment_status',
  'state',
  'missing',
  'certificate_code',
  'issued_at',
  'issued_as_exception',
  'revoked_at',
] as const;

/** One missing item in words (English, for exports read by staff). */
export function describeMissing(item: MissingItem): string {
  switch (item.kind) {
    case 'quiz':
      return `${item.title} (${item.requirement})`;
    case 'final-assignment':
      return `${item.title} (${item.status})`;
    case 'no-assessments':
      return 'the cohort has no weekly assessments';
    case 'no-final-assignment':
      return 'the course has no final assignment';
  }
}

/** The report's cells, one array per learner, in `COMPLETION_REPORT_COLUMNS` order. */
export function completionReportCells(report: CompletionReportDto): string[][] {
  return report.rows.map((r) => [
    r.name,
    r.email,
    r.enrolmentStatus,
    r.state,
    r.state === 'completed' ? '' : r.missing.map(describeMissing).join('; '),
    r.certificate?.code ?? '',
    r.certificate?.issuedAt ?? '',
    r.certificate ? (r.certificate.exception ? 'yes' : 'no') : '',
    r.certificate?.revokedAt ?? '',
  ]);
}

/** The completion report as CSV through the shared writer (UTF-8 BOM, CRLF, quoting, formulas defused). */
export function completionReportToCsv(report: CompletionReportDto): string {
  return toCsv(COMPLETION_REPORT_COLUMNS, completionReportCells(report));
}

/** The completion report as an XLSX workbook (one sheet, same columns as the CSV, text never a formula). */
export function completionReportToXlsx(report: CompletionReportDto): Uint8Array {
  return toXlsxWorkbook([
    { name: 'completion', header: [...COMPLETION_REPORT_COLUMNS], rows: completionReportCells(report) },
  ]);
}
