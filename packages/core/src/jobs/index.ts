/**
 * Background jobs: one runner per server process over a `jobs` table (SKIP LOCKED on PostgreSQL, one conditional
 * UPDATE on SQLite), recurring schedules that run once across processes, retries with backoff, leases, and
 * cancellation. CPU-heavy work runs in the worker-thread pool (`createWorkerPool`). See README.md in this folder.
 */
export {
  defineJobType,
  PermanentJobError,
  JobPayloadError,
  type AnyJobType,
  type JobContext,
  type JobType,
} from './job-type.ts';
export { defineSchedule, type JobCatalogue, type RecurringSchedule } from './recurring-schedule.ts';
export { dueRun, type DueRun, type Recurrence } from './schedule.rules.ts';
export {
  enqueueJob,
  cancelJob,
  retryJob,
  getJobStatus,
  JOB_CONTROL_TOPIC,
  type EnqueueOptions,
  type JobStatus,
} from './job-queue.ts';
export { createJobRunner, startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.ts';
export { FINISHED_JOB_RETENTION_DAYS } from './job-cleanup.job.ts';
export { enqueueMail, sendMailJob } from './mail-send.job.ts';
