// What went wrong with a dataset or a run, stored as JSON and shown in the user's language by the web (the codes are
// the in-browser engine's: readers' `DataFileErrorCode`s with their row or byte, `mapping.*`, `engine.*`).
import { DataFileError, MappingError } from '@labmig/stats';

/** A problem as stored: a code to translate, the engine's English text, and where (row, byte, field). */
export interface LabProblem {
  readonly code: string;
  /** The engine's message in English (a technical detail under the translated text). */
  readonly message: string;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number | string;
  readonly offset?: number;
  /** Mapping fields left unset (`lab.mapping_incomplete`) or in error (`lab.mapping_refused`). */
  readonly fields?: readonly string[];
}

/**
 * The problem of anything the engine threw: readers' `DataFileError` keep their code and row or byte,
 * `MappingError` its field; anything else is `engine.failed` with its message.
 * @example toLabProblem(new DataFileError('csv.ragged_row', 'expected 5 fields, found 4', { line: 12 })).line // 12
 */
export function toLabProblem(e: unknown, file?: string): LabProblem {
  if (e instanceof DataFileError) {
    const where = { file: e.file ?? file, line: e.line, column: e.column, offset: e.offset };
    const defined = Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
    return { code: e.code, message: e.message, ...defined };
  }
  if (e instanceof MappingError) return { code: e.code, message: e.message, field: e.field };
  const message = e instanceof Error ? e.message : String(e);
  if (/allocation failed|out of memory|invalid array length/i.test(message))
    return { code: 'engine.out_of_memory', message };
  return { code: 'engine.failed', message };
}
