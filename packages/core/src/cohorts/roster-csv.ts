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

type Entry = RosterDto['entries'][number];

/**
 * The words of the CSV: its column headings (the eleven columns in order) and how roles, statuses, countries and
 * organisation types are written. The web passes the roster page's own words in the reader's language, so the
 * page and its download say the same thing; the default is the stored codes.
 */
export interface RosterCsvWords {
  readonly header: readonly string[];
  readonly role: (role: Entry['role']) => string;
  readonly status: (status: Entry['status']) => string;
  readonly country: (code: string) => string;
  readonly organisation: (code: string) => string;
}

const CODES: RosterCsvWords = {
  header: HEADER,
  role: (r) => r,
  status: (s) => s,
  country: (c) => c,
  organisation: (o) => o,
};

/** The roster as CSV (the shared writer: UTF-8 BOM, CRLF, every cell quoted as needed and defused). */
export function rosterToCsv(roster: RosterDto, words: RosterCsvWords = CODES): string {
  if (words.header.length !== HEADER.length)
    throw new RangeError(
      `rosterToCsv: ${HEADER.length} column headings expected, got ${words.header.length}`,
    );
  return toCsv(
    words.header,
    roster.entries.map((e) => [
      e.name,
      e.email,
      words.role(e.role),
      words.status(e.status),
      words.country(e.country),
      words.organisation(e.organisationType),
      e.jobTitle,
      e.enrolledAt,
      e.withdrawnAt,
      e.answers.motivation,
      e.answers.expectations,
    ]),
  );
}
