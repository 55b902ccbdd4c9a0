import type { Dataset } from '../../dataset/dataset.types.ts';
import { CsvReader } from './csv-reader.ts';
import type { CsvOptions } from './csv-options.ts';

const CHUNK = 1 << 20;

/**
 * Reads CSV text or bytes into a dataset: delimiter, decimal comma and encoding are detected; empty fields and `NA`
 * are missing; a column is numeric when all its non-missing values are numbers, else categorical (codes with leading
 * zeros like `0123` stay text).
 *
 * @param input - the file's bytes, or text (already decoded).
 * @param options - see {@link CsvOptions}.
 * @throws DataFileError with a stable `code` and the line, e.g. `csv.ragged_row`, `csv.unterminated_quote`.
 * @example
 * const ds = parseCsv('id,sex,age\n0101,m,30\n0102,f,NA\n');
 * ds.column('id').kind;  // 'categorical' (leading zeros)
 * ds.column('age');      // numeric, values Float64Array [30, NaN]
 */
export function parseCsv(input: Uint8Array | string, options: CsvOptions = {}): Dataset {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const reader = new CsvReader(typeof input === 'string' ? { ...options, encoding: 'utf-8' } : options);
  for (let o = 0; o < bytes.length; o += CHUNK)
    reader.push(bytes.subarray(o, Math.min(o + CHUNK, bytes.length)));
  return reader.finish();
}

/**
 * Reads CSV from a stream of byte chunks (a Node `ReadStream`, a web `ReadableStream` body, …) without holding the
 * whole file: only the typed-array columns grow.
 *
 * @example
 * async function* chunks() { yield new TextEncoder().encode('x\n1\n'); yield new TextEncoder().encode('2\n'); }
 * (await readCsvStream(chunks())).nrows; // 2
 */
export async function readCsvStream(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions = {},
): Promise<Dataset> {
  const reader = new CsvReader(options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}
