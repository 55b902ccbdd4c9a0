// Worker thread of the parallel CSV reader: parses the byte ranges it is sent and posts the columns back
// (their buffers transferred, not copied). Node only.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { DataFileError } from '../io/data-file-error.ts';
import { parseCsvRange, type CsvRangeSetup } from '../io/csv/csv-range.ts';

/** A range to parse: bytes [start, end) of the file at `path`. */
export interface CsvWorkerTask {
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly setup: CsvRangeSetup;
}

function readRange(path: string, start: number, end: number): Uint8Array {
  const bytes = new Uint8Array(end - start);
  const fd = openSync(path, 'r');
  try {
    let o = 0;
    while (o < bytes.length) {
      const n = readSync(fd, bytes, o, bytes.length - o, start + o);
      if (n === 0) break;
      o += n;
    }
    return o === bytes.length ? bytes : bytes.subarray(0, o);
  } finally {
    closeSync(fd);
  }
}

parentPort!.on('message', (task: CsvWorkerTask) => {
  try {
    const bytes = readRange(task.path, task.start, task.end);
    let reported = 0;
    const result = parseCsvRange(bytes, task.setup, (done) => {
      if (done - reported >= 1 << 23) {
        parentPort!.postMessage({ id: task.id, progress: done - reported });
        reported = done;
      }
    });
    if (bytes.length > reported) parentPort!.postMessage({ id: task.id, progress: bytes.length - reported });
    const transfer: ArrayBuffer[] = [];
    for (const c of result.columns) {
      if (c === null) continue;
      if (c.kind === 'numeric') transfer.push(c.values.buffer as ArrayBuffer);
      else transfer.push(...[c.codes, c.pool, c.starts, c.lens].map((a) => a.buffer as ArrayBuffer));
    }
    parentPort!.postMessage({ id: task.id, result }, transfer);
  } catch (e) {
    const error =
      e instanceof DataFileError
        ? { code: e.code, message: e.message }
        : { message: String((e as Error)?.message) };
    parentPort!.postMessage({ id: task.id, error });
  }
});
