// Public API of this area; re-exported from ../index.ts.
export { DataFileError, type DataFileErrorCode, type DataFileLocation } from './data-file-error.ts';
export { parseCsv, readCsvStream } from './csv/parse-csv.ts';
export { CsvReader } from './csv/csv-reader.ts';
export type { CsvOptions } from './csv/csv-options.ts';
export type { CsvColumnType } from './csv/csv-column.ts';
export type { TextEncodingName } from './csv/csv-sniff.ts';
export { detectFormat, type DataFileFormat } from './detect-format.ts';
export { readDataBytes, readDataBytesAsync } from './read-data-bytes.ts';
export { readParquet, type ReadParquetOptions } from './columnar/read-parquet.ts';
export { readArrow, type ReadArrowOptions } from './columnar/read-arrow.ts';
export { readPor, type ReadPorOptions } from './por/read-por.ts';
export { readSav, type ReadSavOptions } from './sav/read-sav.ts';
export { readDta, type ReadDtaOptions } from './dta/read-dta.ts';
