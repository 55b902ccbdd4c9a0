/**
 * The worker-thread pool for CPU-heavy tasks (`app.workers`): the Lab's statistics runs, inside a job. See the
 * README of core/jobs.
 */
export {
  defineCpuTask,
  CpuTaskCancelledError,
  CpuTaskError,
  WorkerPoolFullError,
  type CpuTask,
  type CpuTaskContext,
} from './cpu-task.ts';
export { createWorkerPool, type RunOptions, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';
