import { csvField } from '../shared/csv.ts';
import type { RosterDto } from './roster.queries.ts';

const HEADER = [
  'name',
  'email',
  'role',
  'status',
  'country',
  'organisation_type',
  'job_title',
  'enrolled_at',
  'withdrawn_at',
  'motivation',
  'expectations',
];

/** The roster as CSV: a header line, one line per person, CRLF line ends (RFC 4180), UTF-8 text. */
export function rosterToCsv(roster: RosterDto): string {
  const lines = [HEADER.join(',')];
  for (const e of roster.entries) {
    const cells = [
      e.name,
      e.email,
      e.role,
      e.status,
      e.country,
      e.organisationType,
      e.jobTitle,
      e.enrolledAt,
      e.withdrawnAt ?? '',
      e.answers.motivation ?? '',
      e.answers.expectations ?? '',
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
