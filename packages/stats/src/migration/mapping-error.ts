/** Stable codes of {@link MappingError}. */
export type MappingErrorCode = 'mapping.invalid' | 'mapping.column_missing';

/**
 * A variable mapping that cannot be used. `field` is the JSON path of the offending entry (e.g. `columns.age`).
 *
 * @example
 * new MappingError('mapping.invalid', 'homeCountry', 'must be a 3-letter code').message;
 * // 'mapping: homeCountry must be a 3-letter code'
 */
export class MappingError extends Error {
  readonly code: MappingErrorCode;
  readonly field: string;

  constructor(code: MappingErrorCode, field: string, detail: string) {
    super(`mapping: ${field} ${detail}`);
    this.name = 'MappingError';
    this.code = code;
    this.field = field;
  }
}
