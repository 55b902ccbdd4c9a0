/** Stable codes for everything that can be wrong with a data file. */
export type DataFileErrorCode =
  | 'file.not_found'
  | 'file.empty'
  | 'file.unsupported_format'
  | 'file.truncated'
  | 'file.bad_option'
  | 'csv.ragged_row'
  | 'csv.unterminated_quote'
  | 'csv.stray_quote'
  | 'csv.duplicate_header'
  | 'csv.not_numeric'
  | 'csv.unknown_column'
  | 'sav.bad_header'
  | 'sav.bad_record'
  | 'sav.bad_data'
  | 'sav.unsupported'
  | 'dta.bad_header'
  | 'dta.bad_section'
  | 'dta.bad_data'
  | 'dta.unsupported'
  | 'parquet.bad_file'
  | 'arrow.bad_file'
  | 'por.bad_header'
  | 'por.bad_data';

/** Where in a file a problem was found. Lines are 1-based; `offset` is a byte offset. */
export interface DataFileLocation {
  readonly file?: string;
  readonly line?: number;
  /** 1-based field number, or the variable name when known. */
  readonly column?: number | string;
  readonly offset?: number;
}

/**
 * The one error type the readers throw for a bad or unsupported file. `code` is stable; the message says where
 * and what to do. Any other exception escaping a reader is a bug.
 *
 * @example
 * const e = new DataFileError('csv.ragged_row', 'row has 3 fields, header has 4. Check the quoting.', { file: 'a.csv', line: 7 });
 * e.message; // 'a.csv:7: row has 3 fields, header has 4. Check the quoting.'
 * e.code;    // 'csv.ragged_row'
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  readonly code: DataFileErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number | string;
  readonly offset?: number;
  /** The message without the location prefix. */
  readonly detail: string;

  constructor(code: DataFileErrorCode, detail: string, where: DataFileLocation = {}) {
    super(formatLocation(where) + detail);
    this.code = code;
    this.detail = detail;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.offset !== undefined) this.offset = where.offset;
  }
}

function formatLocation(w: DataFileLocation): string {
  const file = w.file ?? '';
  if (w.line !== undefined) return `${file}${file ? ':' : 'line '}${w.line}: `;
  if (w.offset !== undefined) return `${file}${file ? ' ' : ''}(byte ${w.offset}): `;
  return file ? `${file}: ` : '';
}
