import type { EnrolmentRole } from '@labmig/db';

/** One data row of an enrolment list, as read (not yet checked). */
export interface EnrolmentCsvRow {
  /** The row's line number in the file (the header is line 1). */
  readonly line: number;
  readonly email: string;
  readonly name: string;
  /** The role as written (empty means learner). */
  readonly role: string;
}

/** Why a file cannot be read as an enrolment list. */
export type EnrolmentCsvError =
  'enrolment.csv_unreadable' | 'enrolment.csv_no_email' | 'enrolment.csv_too_large';

/**
 * Splits CSV text into records (RFC 4180: quoted fields with doubled quotes, CRLF or LF line ends) with the given
 * delimiter. Returns null when a quote is left open.
 * @example splitCsv('a,"b,c"\n1,2', ',') // [['a', 'b,c'], ['1', '2']]
 */
export function splitCsv(text: string, delimiter: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records.push([...record, field]);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Header names accepted for each column, in English and French (case and accents ignored). */
const COLUMNS = {
  email: ['email', 'e-mail', 'mail', 'courriel', 'adresse', 'email address', 'adresse electronique'],
  name: ['name', 'full name', 'nom', 'nom complet'],
  role: ['role'],
} as const;

const simplify = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/**
 * Reads an enrolment list: a header row naming an `email` column (and optionally `name` and `role`, in English or
 * French), then one person per row; blank rows are skipped. The delimiter is whichever of comma, semicolon (French
 * spreadsheets) or tab the header uses; a UTF-8 byte-order mark is dropped. At most `maxRows` data rows.
 * @example readEnrolmentCsv('email;role\nana@x.org;tutor', 10) // { rows: [{ line: 2, email: 'ana@x.org', name: '', role: 'tutor' }] }
 */
export function readEnrolmentCsv(
  source: string,
  maxRows: number,
): { readonly rows: readonly EnrolmentCsvRow[] } | { readonly error: EnrolmentCsvError } {
  const text = source.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return { error: 'enrolment.csv_unreadable' };
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].find((d) => headerLine.includes(d)) ?? ',';
  const records = splitCsv(text, delimiter);
  if (!records || records.length === 0) return { error: 'enrolment.csv_unreadable' };
  const header = records[0]!.map(simplify);
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const email = column(COLUMNS.email);
  if (email < 0) return { error: 'enrolment.csv_no_email' };
  const name = column(COLUMNS.name);
  const role = column(COLUMNS.role);
  const rows: EnrolmentCsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (record.every((f) => f.trim() === '')) continue;
    if (rows.length === maxRows) return { error: 'enrolment.csv_too_large' };
    rows.push({
      line: i + 1,
      email: (record[email] ?? '').trim().toLowerCase(),
      name: name >= 0 ? (record[name] ?? '').trim() : '',
      role: role >= 0 ? (record[role] ?? '').trim() : '',
    });
  }
  return { rows };
}

/** Role names accepted in a list, in English and French. */
const ROLE_NAMES: Readonly<Record<string, EnrolmentRole>> = {
  '': 'learner',
  learner: 'learner',
  participant: 'learner',
  participante: 'learner',
  apprenant: 'learner',
  apprenante: 'learner',
  tutor: 'tutor',
  tuteur: 'tutor',
  tutrice: 'tutor',
  manager: 'manager',
  responsable: 'manager',
};

/**
 * The role a list names (`learner` when empty), or null when it names none we know.
 * @example roleFromCsv('Tutrice') // 'tutor'
 */
export function roleFromCsv(text: string): EnrolmentRole | null {
  return ROLE_NAMES[simplify(text)] ?? null;
}
