import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CpuTaskCancelledError, CpuTaskError, WorkerPoolFullError, type CpuTask } from './cpu-task.ts';
import { WORKER_SOURCE } from './worker-source.ts';

/** Options of one task run. */
export interface RunOptions {
  /** Cancels the task: it is told, and its thread is ended if it does not stop within `cancelGraceMs`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, detail?: Record<string, string | number>) => void;
  /** ArrayBuffers to move to the thread instead of copying (the caller can no longer use them). */
  readonly transfer?: readonly ArrayBuffer[];
}

/** A pool of worker threads for CPU-heavy tasks (the Lab's statistics runs). */
export interface WorkerPool {
  /** Runs a task in a thread. @throws WorkerPoolFullError, CpuTaskCancelledError, CpuTaskError */
  run<I, O>(task: CpuTask<I, O>, input: I, options?: RunOptions): Promise<O>;
  /** Threads alive, tasks running, tasks waiting. */
  stats(): { readonly threads: number; readonly busy: number; readonly queued: number };
  /** Ends every thread; waiting and running tasks are rejected as cancelled. */
  close(): Promise<void>;
}

/** Settings of a pool. */
export interface WorkerPoolOptions {
  /** Threads at most (default: cores − 1, at least 1): the web process keeps a core for requests. */
  readonly size?: number;
  /** Tasks allowed to wait for a thread (default 32); one more is refused at once. */
  readonly maxQueue?: number;
  /** How long a cancelled task may take to stop before its thread is ended (default 250 ms). */
  readonly cancelGraceMs?: number;
  /** Where a dying thread is reported (the app's logger). */
  readonly logger?: { error(msg: string, fields?: Record<string, unknown>): void };
}

interface Pending {
  readonly id: number;
  readonly task: CpuTask<unknown, unknown>;
  readonly module: string;
  readonly input: unknown;
  readonly options: RunOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  killTimer?: NodeJS.Timeout;
}

/**
 * Creates a pool. Threads start on demand, run one task each at a time and stay for the next; an idle thread never
 * keeps the process alive. A task that throws rejects its promise; a thread that dies is replaced. CPU work in a
 * thread never blocks the event loop that serves requests.
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const size = Math.max(1, options.size ?? availableParallelism() - 1);
  const maxQueue = options.maxQueue ?? 32;
  const cancelGraceMs = options.cancelGraceMs ?? 250;
  const require = createRequire(import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  const resolved = new Map<string, string>();
  let nextId = 1;
  let closed = false;

  const resolveModule = (specifier: string): string => {
    let url = resolved.get(specifier);
    if (!url) {
      url = specifier.startsWith('file:') ? specifier : pathToFileURL(require.resolve(specifier)).href;
      resolved.set(specifier, url);
    }
    return url;
  };

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { tsx } });
    const slot: Slot = { worker };
    worker.unref();
    worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
    worker.on('error', (error) => settleDeath(slot, error));
    worker.on('exit', (code) => settleDeath(slot, new Error(`thread exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const settleDeath = (slot: Slot, error: Error) => {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    clearTimeout(slot.killTimer);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      if (job.options.signal?.aborted) job.reject(new CpuTaskCancelledError(job.task.name));
      else {
        options.logger?.error('worker thread died', { task: job.task.name, error: error.message });
        job.reject(new CpuTaskError(job.task.name, `its thread stopped (${error.message})`));
      }
    }
    pump();
  };

  const onMessage = (slot: Slot, message: WorkerMessage) => {
    const job = slot.job;
    if (!job || message.id !== job.id) return;
    if (message.type === 'progress') {
      job.options.onProgress?.(message.fraction, message.detail);
      return;
    }
    slot.job = undefined;
    clearTimeout(slot.killTimer);
    slot.worker.unref();
    if (message.type === 'done') job.resolve(message.output);
    else if (message.cancelled || job.options.signal?.aborted)
      job.reject(new CpuTaskCancelledError(job.task.name));
    else job.reject(new CpuTaskError(job.task.name, message.message, message.name));
    pump();
  };

  const start = (slot: Slot, job: Pending) => {
    slot.job = job;
    slot.worker.ref();
    const { signal } = job.options;
    signal?.addEventListener(
      'abort',
      () => {
        if (slot.job !== job) return;
        slot.worker.postMessage({ type: 'cancel', id: job.id });
        // A CPU loop never reads messages: end the thread if the task does not stop in time.
        slot.killTimer = setTimeout(() => void slot.worker.terminate(), cancelGraceMs);
      },
      { once: true },
    );
    slot.worker.postMessage({ type: 'run', id: job.id, module: job.module, input: job.input }, [
      ...(job.options.transfer ?? []),
    ]);
  };

  const pump = () => {
    while (!closed && queue.length > 0) {
      const idle = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!idle) return;
      start(idle, queue.shift()!);
    }
  };

  return {
    run<I, O>(task: CpuTask<I, O>, input: I, runOptions: RunOptions = {}): Promise<O> {
      if (closed) return Promise.reject(new CpuTaskCancelledError(task.name));
      if (runOptions.signal?.aborted) return Promise.reject(new CpuTaskCancelledError(task.name));
      const busy = slots.filter((s) => s.job).length;
      if (busy >= size && queue.length >= maxQueue) return Promise.reject(new WorkerPoolFullError(maxQueue));
      let module: string;
      try {
        module = resolveModule(task.module);
      } catch (error) {
        return Promise.reject(
          new CpuTaskError(task.name, `module ${task.module} not found (${(error as Error).message})`),
        );
      }
      return new Promise<O>((resolve, reject) => {
        const job: Pending = {
          id: nextId++,
          task: task as CpuTask<unknown, unknown>,
          module,
          input,
          options: runOptions,
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        runOptions.signal?.addEventListener(
          'abort',
          () => {
            const waiting = queue.indexOf(job);
            if (waiting >= 0) {
              queue.splice(waiting, 1);
              reject(new CpuTaskCancelledError(task.name));
            }
          },
          { once: true },
        );
        queue.push(job);
        pump();
      });
    },
    stats: () => ({ threads: slots.length, busy: slots.filter((s) => s.job).length, queued: queue.length }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new CpuTaskCancelledError(job.task.name));
      await Promise.all(slots.slice().map((s) => s.worker.terminate()));
    },
  };
}

type WorkerMessage =
  | { type: 'progress'; id: number; fraction: number; detail?: Record<string, string | number> }
  | { type: 'done'; id: number; output: unknown }
  | { type: 'error'; id: number; name?: string; message: string; cancelled: boolean };
