import { deleteFinishedJobs } from '@labmig/db';
import { z } from 'zod';
import { defineJobType } from './job-type.ts';
import { defineSchedule } from './recurring-schedule.ts';

/** Finished jobs (done, failed, cancelled) are kept this long for people and admins to see, then deleted. */
export const FINISHED_JOB_RETENTION_DAYS = 14;

/** Deletes finished jobs older than the retention. */
export const cleanupJobsJob = defineJobType({
  type: 'jobs.cleanup',
  payload: z.object({}),
  maxAttempts: 3,
  run: async (app) => {
    const before = new Date(app.clock.now().getTime() - FINISHED_JOB_RETENTION_DAYS * 86_400_000);
    return { deleted: await deleteFinishedJobs(app.db, before.toISOString()) };
  },
});

/** Daily at 03:00 UTC. */
export const cleanupJobsSchedule = defineSchedule({
  key: 'jobs.cleanup',
  job: cleanupJobsJob,
  recurrence: { dailyAt: '03:00' },
});
