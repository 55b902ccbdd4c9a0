import { gunzipSync } from 'fflate';
import type { Dataset } from '../dataset/dataset.types.ts';
import type { CsvOptions } from './csv/csv-options.ts';
import { parseCsv } from './csv/parse-csv.ts';
import { DataFileError } from './data-file-error.ts';
import type { DataFileFormat } from './detect-format.ts';
import { readDta } from './dta/read-dta.ts';
import { readSav } from './sav/read-sav.ts';
import { readPor } from './por/read-por.ts';

/**
 * Reads a whole file already in memory with the reader for `format` (in a browser: the bytes of a `File`). Use
 * {@link detectFormat} to choose the format from the first bytes and the name.
 *
 * @param options - `source` (file name for messages); CSV options apply to `csv` and `csv.gz` only.
 * @throws DataFileError for a bad file (`csv.*`, `sav.*`, `dta.*`, `file.*`).
 * @example
 * readDataBytes(new TextEncoder().encode('x\n1\n'), 'csv').nrows; // 1
 */
export function readDataBytes(bytes: Uint8Array, format: DataFileFormat, options: CsvOptions = {}): Dataset {
  if (bytes.length === 0 && format !== 'csv')
    throw new DataFileError('file.empty', 'the file is empty.', { file: options.source });
  switch (format) {
    case 'csv':
      return parseCsv(bytes, options);
    case 'csv.gz':
      return parseCsv(gunzip(bytes, options.source), options);
    case 'sav':
      return readSav(bytes, { source: options.source });
    case 'dta':
      return readDta(bytes, { source: options.source });
    case 'por':
      return readPor(bytes, { source: options.source });
    case 'parquet':
      throw new DataFileError(
        'file.unsupported_format',
        'Parquet is read asynchronously: use readDataBytesAsync.',
        {
          file: options.source,
        },
      );
    default:
      throw new DataFileError('file.unsupported_format', `unknown format ${String(format)}.`, {
        file: options.source,
      });
  }
}

/**
 * {@link readDataBytes} for every format, Parquet included (its reader is asynchronous).
 *
 * @example
 * (await readDataBytesAsync(bytes, detectFormat(bytes, 'x.parquet'))).nrows;
 */
export async function readDataBytesAsync(
  bytes: Uint8Array,
  format: DataFileFormat,
  options: CsvOptions = {},
): Promise<Dataset> {
  // loaded on demand: most files are CSV, SPSS or Stata, and these readers are large
  if (format === 'parquet') {
    if (bytes.length === 0)
      throw new DataFileError('file.empty', 'the file is empty.', { file: options.source });
    const { readParquet } = await import('./columnar/read-parquet.ts');
    return readParquet(bytes, { source: options.source, select: options.select });
  }
  if (format === 'arrow') {
    if (bytes.length === 0)
      throw new DataFileError('file.empty', 'the file is empty.', { file: options.source });
    const { readArrow } = await import('./columnar/read-arrow.ts');
    return readArrow(bytes, { source: options.source, select: options.select });
  }
  return readDataBytes(bytes, format, options);
}

function gunzip(bytes: Uint8Array, file?: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new DataFileError(
      'file.truncated',
      `the gzip data cannot be inflated (${(e as Error).message}). Compress the file again.`,
      {
        file,
      },
    );
  }
}
