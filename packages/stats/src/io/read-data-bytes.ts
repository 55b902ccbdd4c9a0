import type { Dataset } from '../dataset/dataset.types.ts';
import { DataFileError } from './data-file-error.ts';
import { parseCsv } from './csv/parse-csv.ts';
import { readSav } from './sav/read-sav.ts';
import { readDta } from './dta/read-dta.ts';
import type { DataFileFormat } from './detect-format.ts';

/**
 * Reads a whole file already in memory with the reader for `format` (browsers: from a `File`'s `arrayBuffer()`).
 *
 * @throws DataFileError for a bad file, or `file.unsupported_format` (e.g. gzip outside Node).
 * @example
 * readDataBytes(new TextEncoder().encode('x\n1\n'), 'csv').nrows; // 1
 */
export function readDataBytes(
  bytes: Uint8Array,
  format: DataFileFormat,
  options: { source?: string } = {},
): Dataset {
  switch (format) {
    case 'csv':
      return parseCsv(bytes, options);
    case 'sav':
      return readSav(bytes, options);
    case 'dta':
      return readDta(bytes, options);
    default:
      throw new DataFileError(
        'file.unsupported_format',
        `reading ${format} files is not supported here yet.`,
        {
          file: options.source,
        },
      );
  }
}
