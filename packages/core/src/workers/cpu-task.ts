/** What a CPU task module's `run` receives besides its input. */
export interface CpuTaskContext {
  /** Aborted when the caller cancels; a task that never looks is stopped by ending its thread. */
  readonly signal: AbortSignal;
  /** Reports progress (0–1) to the caller; `detail` must be structured-clonable and small. */
  progress(fraction: number, detail?: Record<string, string | number>): void;
}

/**
 * A CPU-heavy task that runs in a worker thread: `module` exports `run(input, ctx)` (sync or async). Input and
 * output cross the thread boundary by structured clone (typed arrays are copied unless listed in `transfer`).
 *
 * `module` is a package specifier with its own entry in a package.json `exports` (e.g.
 * `@labmig/core/lab/run.task`), resolved from this package, so it works from the sources (tsx, Vitest) and from
 * the bundled web server alike; tests may pass a `file:` URL. TypeScript modules are loaded through tsx.
 */
export interface CpuTask<I, O> {
  readonly name: string;
  readonly module: string;
  /** Phantom types: never set. */
  readonly __types?: { input: I; output: O };
}

/** Names a CPU task. @example defineCpuTask<LabInput, LabTables>('lab.run', '@labmig/core/lab/run.task') */
export function defineCpuTask<I, O>(name: string, module: string): CpuTask<I, O> {
  if (!/^[a-z][a-z0-9.-]*$/.test(name))
    throw new RangeError(`defineCpuTask: bad name ${JSON.stringify(name)}`);
  return { name, module };
}

/** The pool's queue is full: the caller should try again later (a job retries by itself). */
export class WorkerPoolFullError extends Error {
  override readonly name = 'WorkerPoolFullError';
  constructor(readonly limit: number) {
    super(`the worker pool's queue is full (${limit} tasks waiting)`);
  }
}

/** The task was cancelled by its caller. */
export class CpuTaskCancelledError extends Error {
  override readonly name = 'CpuTaskCancelledError';
  constructor(readonly task: string) {
    super(`task ${task} was cancelled`);
  }
}

/** The task threw in its thread (message and name kept), or its thread died. */
export class CpuTaskError extends Error {
  override readonly name = 'CpuTaskError';
  constructor(
    readonly task: string,
    message: string,
    readonly remoteName?: string,
  ) {
    super(`task ${task} failed: ${message}`);
  }
}
