import { toCsv } from '../shared/csv.ts';
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

/** The roster as CSV (the shared writer: UTF-8 BOM, CRLF, every cell quoted as needed and defused). */
export function rosterToCsv(roster: RosterDto): string {
  return toCsv(
    HEADER,
    roster.entries.map((e) => [
      e.name,
      e.email,
      e.role,
      e.status,
      e.country,
      e.organisationType,
      e.jobTitle,
      e.enrolledAt,
      e.withdrawnAt,
      e.answers.motivation,
      e.answers.expectations,
    ]),
  );
}
