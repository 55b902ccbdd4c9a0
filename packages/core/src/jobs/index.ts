/** `@labmig/core/jobs` — background jobs every server process runs (see docs/ARCHITECTURE.md for worker threads). */
export { startBackgroundJobs, DEFAULT_JOBS, type BackgroundJob } from './background-jobs.ts';
