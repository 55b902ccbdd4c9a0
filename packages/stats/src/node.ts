// Node-only entry: reading files from disk. Owned by the readers area.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Dataset } from './dataset/dataset.types.ts';
import { DataFileError } from './io/data-file-error.ts';
import type { CsvOptions } from './io/csv/csv-options.ts';
import { readCsvStream } from './io/csv/parse-csv.ts';
import { detectFormat, type DataFileFormat } from './io/detect-format.ts';
import { readDataBytesAsync } from './io/read-data-bytes.ts';
import { readCsvFileParallel } from './node/read-csv-parallel.ts';

/** Options for {@link readDataFile}. */
export interface ReadDataFileOptions extends CsvOptions {
  /** Skip detection and read the file as this format. */
  readonly format?: DataFileFormat;
  /** Worker threads for large CSV files (default: the available parallelism; 1 reads on this thread). */
  readonly threads?: number;
  /** Smallest CSV file read on worker threads (default 16 MiB). */
  readonly minBytes?: number;
  /** Largest byte range one worker task parses (default 64 MiB). */
  readonly rangeBytes?: number;
}

/**
 * Reads a data file from disk: CSV (also `.csv.gz`, streamed), SPSS `.sav`/`.zsav`/`.por`, Stata `.dta`, Parquet
 * or Arrow IPC, chosen from the
 * file's first bytes and then its extension.
 *
 * @param path - the file path.
 * @param options - CSV options (ignored for .sav/.dta) and `format` to force the reader.
 * @throws DataFileError for a bad or unsupported file (`source` is the file name).
 * @example
 * const ds = await readDataFile('lfs_small.sav');
 * ds.column('sex').kind; // 'numeric' (with valueLabels 1 → 'male', …)
 */
export async function readDataFile(path: string, options: ReadDataFileOptions = {}): Promise<Dataset> {
  const source = options.source ?? basename(path);
  const head = await readHead(path, 512);
  const format = options.format ?? detectFormat(head, path);
  if (format === 'csv' || format === 'csv.gz') {
    const size = (await stat(path)).size;
    if (format === 'csv' && options.threads !== 1) {
      const ds = await readCsvFileParallel(path, size, { ...options, source });
      if (ds) return ds;
    }
    const raw = createReadStream(path, { highWaterMark: 1 << 20 });
    const stream = format === 'csv.gz' ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
    const expectedBytes = format === 'csv.gz' ? await gzipSizeHint(path, size) : size;
    return readCsvStream(stream as AsyncIterable<Uint8Array>, { expectedBytes, ...options, source });
  }
  const { readFile } = await import('node:fs/promises');
  return readDataBytesAsync(new Uint8Array(await readFile(path)), format, { source, select: options.select });
}

async function readHead(path: string, n: number): Promise<Uint8Array> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new DataFileError('file.not_found', 'no such file. Check the path.', { file: path });
    throw e;
  }
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * The uncompressed size a gzip file records in its last 4 bytes (modulo 2^32), used only to size the column arrays
 * once; falls back to 8× the compressed size when that looks wrong.
 */
async function gzipSizeHint(path: string, size: number): Promise<number> {
  if (size < 18) return size;
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(4);
    await fh.read(buf, 0, 4, size - 4);
    const isize = new DataView(buf.buffer).getUint32(0, true);
    return isize >= size ? isize : size * 8;
  } finally {
    await fh.close();
  }
}
