// Exceptions of the engine → the structured errors of the protocol. Runs in the worker (and in Node for the tests).
import { DataFileError, MappingError } from '@labmig/stats';
import type { EngineError, EngineErrorCode } from './engine-protocol.ts';

/** An error the handler raises itself (no dataset, bad request). */
export class EngineFailure extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A browser out of memory (a typed array or the file's bytes could not be allocated). */
const OUT_OF_MEMORY = /allocation failed|out of memory|invalid array length|array buffer allocation/i;

/**
 * The protocol's error for anything a request threw: readers' `DataFileError` keep their code and location,
 * `MappingError` its field; the estimators' `RangeError`/`TypeError` (bad spec, design refused) become `spec.invalid`
 * during `run`; anything else is `engine.failed` (a bug: the message says what).
 *
 * @example
 * toEngineError(new MappingError('mapping.invalid', 'columns.age', 'must be a non-empty string'), 'tables');
 * // { code: 'mapping.invalid', field: 'columns.age', message: 'mapping: columns.age must be a non-empty string' }
 */
export function toEngineError(e: unknown, op: string): EngineError {
  if (e instanceof DataFileError) {
    const where = { file: e.file, line: e.line, column: e.column, offset: e.offset };
    const defined = Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
    return { code: e.code, message: e.message, ...defined };
  }
  if (e instanceof MappingError) return { code: e.code, message: e.message, field: e.field };
  if (e instanceof EngineFailure) return { code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  if (OUT_OF_MEMORY.test(message)) return { code: 'engine.out_of_memory', message };
  if (op === 'run' && (e instanceof RangeError || e instanceof TypeError)) {
    const field = /^(spec[\w.[\]]*)/.exec(message)?.[1];
    return { code: 'spec.invalid', message, ...(field ? { field } : {}) };
  }
  return { code: 'engine.failed', message };
}
