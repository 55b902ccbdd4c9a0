import type { CsvColumnType } from './csv-column.ts';
import type { TextEncodingName } from './csv-sniff.ts';

/** Options for the CSV readers. Everything is detected when left out. */
export interface CsvOptions {
  /** Field delimiter; detected among `,` `;` tab `|` by default. */
  readonly delimiter?: ',' | ';' | '\t' | '|';
  /** Decimal separator; `,` is detected when the delimiter is `;` and numbers look like `12,5`. */
  readonly decimal?: '.' | ',';
  /** Text encoding; detected from a BOM, else UTF-8, falling back to Windows-1252 when the bytes are not UTF-8. */
  readonly encoding?: TextEncodingName;
  /** Whether the first record holds the column names (default true). Without it, columns are `V1`, `V2`, …. */
  readonly header?: boolean;
  /** Force the type of named columns; others are numeric when every non-missing value is a number. */
  readonly columnTypes?: Readonly<Record<string, CsvColumnType>>;
  /** Unquoted field texts that mean missing, besides the empty field (default `['NA']`). */
  readonly na?: readonly string[];
  /**
   * Keep only these columns (in file order); the others are still checked for their field count but not converted,
   * which saves time and memory on wide files. A name not in the header is an error (`csv.unknown_column`).
   */
  readonly select?: readonly string[];
  /** `'ignore'` leaves out `select` names that the header lacks instead of refusing the file (default `'error'`). */
  readonly selectUnknown?: 'error' | 'ignore';
  /** Called now and then with the bytes read so far (for a progress bar). */
  readonly onProgress?: (bytesRead: number) => void;
  /** File name, for error messages and `Dataset.source`. */
  readonly source?: string;
  /** Total size of the input in bytes if known: used to size the column arrays once instead of growing them. */
  readonly expectedBytes?: number;
}
