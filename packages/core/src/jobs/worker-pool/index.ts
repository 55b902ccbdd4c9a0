/** The worker-thread pool for CPU-heavy tasks (`app.workers`). */
export {
  defineCpuTask,
  CpuTaskCancelledError,
  CpuTaskError,
  WorkerPoolFullError,
  type CpuTask,
  type CpuTaskContext,
} from './cpu-task.ts';
export { createWorkerPool, type RunOptions, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';
