import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { createDataset } from '../../dataset/dataset.ts';
import type { Column, Dataset } from '../../dataset/dataset.types.ts';
import { DataFileError } from '../data-file-error.ts';
import { columnFromValues } from './columns-from-values.ts';
import { assertUniqueNames } from '../unique-names.ts';

/** Options for {@link readParquet}. */
export interface ReadParquetOptions {
  /** File name for messages and `Dataset.source`. */
  readonly source?: string;
  /** Read only these columns. */
  readonly select?: readonly string[];
}

/**
 * Reads an Apache Parquet file (as written by DuckDB, Spark, pandas/pyarrow, arrow-rs…) with hyparquet: every
 * compression codec Parquet uses (snappy, gzip, zstd, brotli, lz4), flat columns of numbers, booleans (0/1),
 * dates and timestamps (numbers: days or milliseconds) and text (categorical).
 *
 * @throws DataFileError `parquet.bad_file` for a damaged file or a nested column, naming the file and the column.
 * @example
 * const ds = await readParquet(new Uint8Array(await file.arrayBuffer()), { source: file.name });
 */
export async function readParquet(bytes: Uint8Array, options: ReadParquetOptions = {}): Promise<Dataset> {
  const file = options.source;
  const fail = (what: string, offset?: number): never => {
    throw new DataFileError('parquet.bad_file', what, { file, ...(offset !== undefined ? { offset } : {}) });
  };
  if (bytes.length < 12)
    fail(
      bytes.length === 0
        ? 'the file is empty.'
        : `the file has only ${bytes.length} bytes; a Parquet file has at least 12.`,
    );
  const magic = (o: number) => String.fromCharCode(...bytes.subarray(o, o + 4));
  if (magic(0) !== 'PAR1') fail('this is not a Parquet file (it does not start with "PAR1").', 0);
  if (magic(bytes.length - 4) !== 'PAR1')
    fail(
      'the file is cut short: a Parquet file ends with "PAR1" after its metadata. Copy or export it again.',
      bytes.length - 4,
    );
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    return fail(
      `the file metadata (footer) cannot be read: ${(e as Error).message}. Copy or export the file again.`,
    );
  }
  const schema = parquetSchema(metadata);
  const nested = schema.children.find((c) => c.children.length > 0);
  if (nested)
    fail(
      `column "${nested.element.name}" is nested (a list, map or struct); only flat columns can be analysed. Flatten it before exporting.`,
    );
  const names = schema.children
    .map((c) => c.element.name)
    .filter((n) => !options.select || options.select.includes(n));
  const nrows = Number(metadata.num_rows);
  const data = new Map<string, unknown[]>(names.map((n) => [n, new Array<unknown>(nrows)]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: names,
      compressors,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = data.get(columnName);
        if (!target) return;
        for (let i = 0; i < columnData.length && rowStart + i < nrows; i++)
          target[rowStart + i] = columnData[i];
      },
    });
  } catch (e) {
    fail(`the data cannot be read: ${(e as Error).message}. The file may be damaged; export it again.`);
  }
  const columns: Column[] = names.map((name) => {
    const col = columnFromValues(name, data.get(name)!);
    if ('unsupported' in col)
      return fail(`column "${name}" holds ${col.unsupported} values, which cannot be analysed.`);
    return col;
  });
  assertUniqueNames(
    columns.map((c) => c.name),
    'parquet.bad_file',
    file,
  );
  return createDataset(columns, { source: file });
}
