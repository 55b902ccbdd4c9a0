// Reading a File/Blob into a Dataset inside the worker: CSV (and gzip CSV) streamed from `Blob.stream()` into the
// engine's incremental reader; SPSS (.sav, .zsav, .por), Stata (.dta), Parquet and Arrow read whole (their readers
// need random access).
import {
  CsvReader,
  detectFormat,
  readDataBytesAsync,
  type DataFileFormat,
  type Dataset,
} from '@labmig/stats';
import type { OpenOptions } from './engine-protocol.ts';

/** Progress of the read: bytes of the file consumed so far. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

async function pump(stream: ReadableStream<Uint8Array>, each: (chunk: Uint8Array) => void): Promise<void> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    each(value);
  }
}

/** Counts the compressed bytes that go through, for the progress of a gzip CSV. */
function counting(size: number, onProgress: ReadProgress): TransformStream<Uint8Array, Uint8Array> {
  let read = 0;
  return new TransformStream({
    transform(chunk, controller) {
      read += chunk.length;
      onProgress(read, size);
      controller.enqueue(chunk);
    },
  });
}

async function readCsv(
  file: Blob,
  gz: boolean,
  source: string,
  options: OpenOptions,
  onProgress: ReadProgress,
): Promise<Dataset> {
  const reader = new CsvReader({ ...options, source, ...(gz ? {} : { expectedBytes: file.size }) });
  if (gz) {
    // the DOM types give DecompressionStream a BufferSource input; the chunks of Blob.stream() are Uint8Arrays
    const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
    const stream = file.stream().pipeThrough(counting(file.size, onProgress)).pipeThrough(gunzip);
    await pump(stream, (chunk) => reader.push(chunk));
  } else {
    let read = 0;
    await pump(file.stream(), (chunk) => {
      reader.push(chunk);
      read += chunk.length;
      onProgress(read, file.size);
    });
  }
  return reader.finish();
}

async function readWhole(file: Blob, onProgress: ReadProgress): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  let read = 0;
  await pump(file.stream(), (chunk) => {
    bytes.set(chunk, read);
    read += chunk.length;
    onProgress(read, file.size);
  });
  return read === bytes.length ? bytes : bytes.subarray(0, read);
}

/**
 * Reads a data file held by the browser (a `File` from an `<input type="file">`, or a `Blob` fetched from a practice
 * dataset). The format comes from the first bytes, then the name.
 *
 * @throws DataFileError (from the readers) naming the problem and the line or byte.
 * @example
 * const { dataset, format } = await openBlob(file, 'lfs_small.sav', {}, () => {});
 * dataset.nrows; // 21473; format 'sav'
 */
export async function openBlob(
  file: Blob,
  name: string,
  options: OpenOptions,
  onProgress: ReadProgress,
): Promise<{ dataset: Dataset; format: DataFileFormat }> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const format = detectFormat(head, name);
  const streamed = format === 'csv' || (format === 'csv.gz' && typeof DecompressionStream === 'function');
  if (streamed)
    return { dataset: await readCsv(file, format === 'csv.gz', name, options, onProgress), format };
  const bytes = await readWhole(file, onProgress);
  // Parquet and Arrow readers are loaded on demand (readDataBytesAsync imports them dynamically)
  return { dataset: await readDataBytesAsync(bytes, format, { ...options, source: name }), format };
}
