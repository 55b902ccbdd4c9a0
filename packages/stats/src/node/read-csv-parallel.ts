// The parallel CSV reader: the file is cut into byte ranges at newlines, worker threads parse the ranges, and the
// main thread puts the columns together. Node only.
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../dataset/dataset.types.ts';
import type { CsvOptions } from '../io/csv/csv-options.ts';
import { readCsvHead, type CsvHead } from '../io/csv/csv-head.ts';
import { conflictingFields, mergeCsvRanges } from '../io/csv/csv-merge.ts';
import type { CsvRangeResult, CsvRangeSetup } from '../io/csv/csv-range.ts';
import type { CsvWorkerTask } from './csv-worker.ts';

/** Files smaller than this are read in one piece: starting threads would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 16 << 20;
/** Largest byte range one task reads and parses: bounds the memory of each worker. */
const MAX_RANGE = 64 << 20;
const HEAD_BYTES = 256 << 10;

/** Options of {@link readCsvFileParallel}. */
export interface ParallelCsvOptions extends CsvOptions {
  /** Worker threads (default: the available parallelism, at most 8). */
  readonly threads?: number;
  /** Smallest file read in parallel (default {@link PARALLEL_MIN_BYTES}). */
  readonly minBytes?: number;
  /** Largest byte range of one task (default 64 MiB). */
  readonly rangeBytes?: number;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads a large CSV file on several worker threads. Returns null when the file is better read in one piece (small,
 * UTF-16, compressed, a newline inside a quoted field at a range boundary, a damaged record — the one-piece reader
 * then gives the exact message and line), or when the worker script is not available.
 *
 * @example
 * const ds = (await readCsvFileParallel('lfs_large.csv', { select: ['psu', 'weight'] })) ?? (await readDataFile(…));
 */
export async function readCsvFileParallel(
  path: string,
  size: number,
  options: ParallelCsvOptions = {},
): Promise<Dataset | null> {
  if (size < (options.minBytes ?? PARALLEL_MIN_BYTES)) return null;
  const worker = workerScript();
  if (!worker) return null;
  const fh = await open(path, 'r');
  let head: CsvHead | null;
  let ranges: Range[];
  try {
    const sample = new Uint8Array(Math.min(HEAD_BYTES, size));
    await fh.read(sample, 0, sample.length, 0);
    head = readCsvHead(sample, options);
    if (!head) return null;
    const threads = Math.max(1, options.threads ?? Math.min(os.availableParallelism(), 8));
    ranges = await splitAtNewlines(fh, head.dataStart, size, threads, options.rangeBytes ?? MAX_RANGE);
  } finally {
    await fh.close();
  }
  const select = options.select ? new Set(options.select) : null;
  const fields = head.decodedNames.map((n) =>
    select && !select.has(n) ? null : (options.columnTypes?.[n] ?? 'auto'),
  );
  const setupFor = (r: Range, forced: ReadonlySet<number>): CsvRangeSetup => ({
    delimiter: head.delimiter,
    decimal: head.decimal,
    na: options.na ?? ['NA'],
    nfields: head.names.length,
    fields: forced.size ? fields.map((f, j) => (forced.has(j) && f !== null ? 'categorical' : f)) : fields,
    expectedRows: head.bytesPerRow > 0 ? Math.ceil(((r.end - r.start) / head.bytesPerRow) * 1.05) + 16 : 1024,
    last: r.end === size,
    source: options.source,
  });
  const pool = new WorkerPool(
    worker.url,
    worker.execArgv,
    Math.min(ranges.length, options.threads ?? 8, os.availableParallelism()),
  );
  let done = head.dataStart;
  const progress = (bytes: number) => {
    done += bytes;
    options.onProgress?.(done);
  };
  try {
    const results = await Promise.all(
      ranges.map((r) =>
        pool.run({ path, start: r.start, end: r.end, setup: setupFor(r, new Set()) }, progress),
      ),
    );
    if (results.some((r) => r === null || !r.complete)) return null;
    let ok = results as CsvRangeResult[];
    const conflicts = conflictingFields(ok);
    if (conflicts.length) {
      const forced = new Set(conflicts);
      ok = await Promise.all(
        ranges.map((r, k) =>
          conflicts.some((j) => ok[k].columns[j]?.kind === 'numeric')
            ? pool.run({ path, start: r.start, end: r.end, setup: setupFor(r, forced) }, () => {})
            : Promise.resolve(ok[k]),
        ),
      ).then((rs) => (rs.some((r) => r === null) ? [] : (rs as CsvRangeResult[])));
      if (!ok.length) return null;
    }
    return mergeCsvRanges(head.names, ok, head.encoding, options.source);
  } finally {
    await pool.close();
  }
}

/** Cuts [from, size) into ranges of about equal size (at least `parts`), each ending just after a newline. */
async function splitAtNewlines(
  fh: Awaited<ReturnType<typeof open>>,
  from: number,
  size: number,
  parts: number,
  maxRange: number,
): Promise<Range[]> {
  const n = Math.max(parts, Math.ceil((size - from) / maxRange));
  const step = (size - from) / n;
  const ranges: Range[] = [];
  let start = from;
  const probe = new Uint8Array(1 << 16);
  for (let k = 1; k < n; k++) {
    let p = Math.max(start, Math.floor(from + k * step));
    let cut = -1;
    while (cut < 0 && p < size) {
      const { bytesRead } = await fh.read(probe, 0, probe.length, p);
      if (bytesRead === 0) break;
      const i = probe.subarray(0, bytesRead).indexOf(10);
      if (i >= 0) cut = p + i + 1;
      else p += bytesRead;
    }
    if (cut < 0 || cut >= size) break;
    if (cut > start) ranges.push({ start, end: cut });
    start = cut;
  }
  ranges.push({ start, end: size });
  return ranges;
}

/** The worker script beside this module: compiled JavaScript, or TypeScript loaded through tsx (tests, dev). */
function workerScript(): { url: URL; execArgv: string[] } | null {
  const here = import.meta.url;
  if (here.endsWith('.js')) {
    const url = new URL('./csv-worker.js', here);
    return existsSync(fileURLToPath(url)) ? { url, execArgv: [] } : null;
  }
  try {
    createRequire(here).resolve('tsx/esm/api');
    return { url: new URL('./csv-worker-tsx.mjs', here), execArgv: [] };
  } catch {
    return null;
  }
}

type Pending = {
  resolve: (r: CsvRangeResult | null) => void;
  onProgress: (bytes: number) => void;
};

/** A fixed set of worker threads taking tasks in order. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: [CsvWorkerTask, Pending][] = [];
  private readonly all: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(url: URL, execArgv: string[], size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(url, { execArgv });
      w.on('message', (m: { id: number; progress?: number; result?: CsvRangeResult; error?: unknown }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.progress !== undefined) return p.onProgress(m.progress);
        this.pending.delete(m.id);
        p.resolve(m.result ?? null);
        this.release(w);
      });
      // A worker that dies fails the whole read (the caller then reads in one piece): answer every task.
      w.on('error', () => {
        for (const p of this.pending.values()) p.resolve(null);
        this.pending.clear();
        for (const [, p] of this.queue.splice(0)) p.resolve(null);
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  run(task: Omit<CsvWorkerTask, 'id'>, onProgress: (bytes: number) => void): Promise<CsvRangeResult | null> {
    return new Promise((resolve) => {
      const t = { ...task, id: this.nextId++ };
      const w = this.idle.pop();
      if (w) this.send(w, t, { resolve, onProgress });
      else this.queue.push([t, { resolve, onProgress }]);
    });
  }

  private send(w: Worker, t: CsvWorkerTask, p: Pending): void {
    this.pending.set(t.id, p);
    w.postMessage(t);
  }

  private release(w: Worker): void {
    const next = this.queue.shift();
    if (next) this.send(w, next[0], next[1]);
    else this.idle.push(w);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
