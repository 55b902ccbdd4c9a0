/**
 * The columnar dataset every reader produces and every estimator consumes.
 *
 * Contract shared by the readers (`src/io`), the design and estimators (`src/design`, `src/estimate`)
 * and the labour-migration layer (`src/migration`). Change it only with all three in mind.
 */

/** A numeric variable. Missing values are `NaN` in `values`. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  /** Variable label (SPSS/Stata), if any. */
  readonly label?: string;
  readonly values: Float64Array;
  /** Value labels for labelled numeric variables (SPSS/Stata), code → label. */
  readonly valueLabels?: ReadonlyMap<number, string>;
  /**
   * Why a value is missing, for rows whose `values[i]` is NaN and the source said more than "system missing":
   * SPSS user-missing codes or Stata extended missing `.a`–`.z`. Row index → original code or tag.
   */
  readonly missingReasons?: ReadonlyMap<number, number | string>;
  /** How the source file stored the values (Stata byte/int/long/float/double; SPSS is always double), when known. */
  readonly storage?: NumericStorage;
  /** Labels of Stata's extended missing values: tag (`.a`–`.z`) → label (the file keeps them as large integers). */
  readonly missingLabels?: ReadonlyMap<string, string>;
}

/** Storage types of numeric variables in binary data files. */
export type NumericStorage = 'int8' | 'int16' | 'int32' | 'float' | 'double';

/** A text variable, dictionary-encoded. `codes[i]` indexes `levels`; `-1` means missing. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly label?: string;
  readonly codes: Int32Array;
  /** Distinct values in order of first appearance. */
  readonly levels: readonly string[];
  /** For rows missing because the source declared their text missing (SPSS string user-missing): row → text. */
  readonly missingReasons?: ReadonlyMap<number, string>;
  /** Value labels of a labelled text variable (SPSS string value labels): text → label. */
  readonly valueLabels?: ReadonlyMap<string, string>;
  /** Values that are bytes, not text (Stata binary strL): row → bytes; those rows have code -1. */
  readonly bytes?: ReadonlyMap<number, Uint8Array>;
}

export type Column = NumericColumn | CategoricalColumn;

/** An immutable table of equal-length columns. */
export interface Dataset {
  readonly nrows: number;
  readonly columns: readonly Column[];
  /** The column with this exact name; throws a `RangeError` naming the column and listing close names when absent. */
  column(name: string): Column;
  has(name: string): boolean;
  /** Where the data came from (file name), for error messages. */
  readonly source?: string;
  /** What the reader had to guess or repair, for the user to check (e.g. a text encoding). */
  readonly warnings?: readonly string[];
}
