import { tableFromIPC } from '@uwdata/flechette';
import { createDataset } from '../../dataset/dataset.ts';
import type { Column, Dataset } from '../../dataset/dataset.types.ts';
import { DataFileError } from '../data-file-error.ts';
import { columnFromValues } from './columns-from-values.ts';
import { assertUniqueNames } from '../unique-names.ts';

/** Options for {@link readArrow}. */
export interface ReadArrowOptions {
  readonly source?: string;
  readonly select?: readonly string[];
}

/**
 * Reads an Apache Arrow IPC file (`.arrow`, `.feather` v2) or stream (`.arrows`) with flechette: numbers, booleans
 * (0/1), dates (milliseconds) and text or dictionary columns (categorical).
 *
 * @throws DataFileError `arrow.bad_file` for a damaged file or a nested column.
 * @example
 * readArrow(readFileSync('table.arrow')).nrows;
 */
export function readArrow(bytes: Uint8Array, options: ReadArrowOptions = {}): Dataset {
  const file = options.source;
  const fail = (what: string): never => {
    throw new DataFileError('arrow.bad_file', what, { file });
  };
  if (bytes.length === 0) fail('the file is empty.');
  let table;
  try {
    table = tableFromIPC(bytes, { useDate: false, useBigInt: false });
  } catch (e) {
    return fail(`the Arrow data cannot be read: ${(e as Error).message}. Export the file again.`);
  }
  const columns: Column[] = [];
  for (const field of table.schema.fields) {
    if (options.select && !options.select.includes(field.name)) continue;
    let values: ArrayLike<unknown>;
    try {
      values = table.getChild(field.name)!.toArray() as ArrayLike<unknown>;
    } catch (e) {
      return fail(
        `column "${field.name}" cannot be read: ${(e as Error).message}. The file may be damaged; export it again.`,
      );
    }
    const col = columnFromValues(field.name, values);
    if ('unsupported' in col)
      return fail(`column "${field.name}" holds ${col.unsupported} values, which cannot be analysed.`);
    columns.push(col);
  }
  assertUniqueNames(
    columns.map((c) => c.name),
    'arrow.bad_file',
    file,
  );
  return createDataset(columns, { source: file });
}
