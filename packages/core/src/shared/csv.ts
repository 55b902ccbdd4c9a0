/** A CSV cell: text is defused and quoted as needed, numbers are written as they are, null and undefined are empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** The byte order mark that makes Excel read a CSV file as UTF-8 (without it "Tomás" shows as "TomÃ¡s"). */
export const CSV_BOM = '\uFEFF';

// A leading =, +, -, @ (or their full-width forms, which some spreadsheets also read), possibly behind spaces that an
// importer may trim, or a leading tab, CR or LF: a spreadsheet could run the cell as a formula.
const FORMULA_START = /^(?:[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;
// Quoted: the delimiter we write (comma), the ones spreadsheets in other locales split on (semicolon, tab), the
// quote itself and line breaks.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet could run as a formula gets a leading apostrophe, so it shows as
 * the text it is; text holding a delimiter, a quote or a line break is quoted, quotes doubled. Finite numbers and
 * booleans are written as they are (a number is never a formula); NaN, null and undefined are empty.
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 * @example csvCell(-1.5) // '-1.5'
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document as every export of the campus writes it: a UTF-8 byte order mark, the header line, one line per
 * row, each line ended by CRLF; every cell (header included) through `csvCell`.
 * @example toCsv(['name', 'grade'], [['Tomás', 70]]) // '\uFEFFname,grade\r\nTomás,70\r\n'
 */
export function toCsv(header: readonly CsvValue[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
