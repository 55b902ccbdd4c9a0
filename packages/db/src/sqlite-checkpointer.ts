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
  db.close();
  parentPort.close();
});
`;

/** A background checkpointer; `stop` ends its thread (idempotent). */
export interface Checkpointer {
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
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs } });
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
