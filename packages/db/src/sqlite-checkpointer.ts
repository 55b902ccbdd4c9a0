import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background thread checkpoints the WAL (ms). */
export const CHECKPOINT_INTERVAL_MS = 500;

/**
 * WAL size (pages) at which a commit on the main connection checkpoints by itself: a backstop, reached only if the
 * background thread cannot keep up or has stopped. 10,000 pages are about 40 MB.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

// CommonJS source of the worker (an `eval` worker has `require`); the driver's resolved path is passed in, so the
// worker loads the same better-sqlite3 from the sources (tsx) and from the bundled web server.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
let checkpoints = 0;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    checkpoints++;
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'count') return parentPort.postMessage({ checkpoints });
  clearInterval(timer);
  try {
    db.close();
  } finally {
    // Tells the stopping thread that the file is no longer open here (it waits for this, see stop()).
    Atomics.store(workerData.closed, 0, 1);
    Atomics.notify(workerData.closed, 0);
    parentPort.close();
  }
});
`;

/** A background checkpointer; `stop` ends its thread (idempotent). */
export interface Checkpointer {
  /** Closes the thread's connection and returns once it is closed (or after 2 s). */
  stop(): void;
  /** How many checkpoints the thread has run (for tests). */
  count(): Promise<number>;
}

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread, every `intervalMs`. better-sqlite3 runs everything on
 * the calling thread, and a checkpoint copies the WAL into the database and fsyncs both: when a commit on the
 * server's connection triggers it (SQLite's default, every 1,000 pages), every request waits for that I/O — measured
 * 30–160 ms stalls under load on the dev machine, against a median commit of 0.04 ms. A PASSIVE checkpoint from
 * another connection neither waits for nor blocks the server's readers and writer. The thread is unref'd: it never
 * keeps a process alive. `onFailure` is called if the thread dies.
 * @throws when better-sqlite3 cannot be resolved or the thread cannot start (the caller keeps SQLite's checkpoints)
 */
export function startCheckpointer(
  path: string,
  intervalMs: number = CHECKPOINT_INTERVAL_MS,
  onFailure: (error: Error) => void = () => {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const closed = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs, closed } });
  worker.unref();
  let stopped = false;
  worker.on('error', (error) => {
    // The thread died (it could not open the file, say): the caller goes back to checkpointing by itself.
    stopped = true;
    onFailure(error);
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
      // Wait (at most 2 s) until the thread has closed its connection: Kysely closes the database synchronously,
      // and whoever removes or copies the file next (a test's cleanup, a backup) must find it closed everywhere.
      Atomics.wait(closed, 0, 0, 2000);
    },
    count() {
      return new Promise((resolve) => {
        const listener = (message: { checkpoints?: number }) => {
          if (message.checkpoints === undefined) return;
          worker.off('message', listener);
          resolve(message.checkpoints);
        };
        worker.on('message', listener);
        worker.postMessage('count');
      });
    },
  };
}
