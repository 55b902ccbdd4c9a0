import { listDigestTimeZones } from '@labmig/db';
import { z } from 'zod';
import { defineJobType } from '../jobs/job-type.ts';
import { defineSchedule } from '../jobs/recurring-schedule.ts';
import { sendDigests } from './digest.commands.ts';

/** The local time the daily digest goes out in each cohort's time zone. */
export const DIGEST_TIME = '06:00';

/** Sends the digests of one local day in one time zone (one mail per person and day, however often it runs). */
export const forumDigestJob = defineJobType({
  type: 'notifications.digest',
  payload: z.object({ timeZone: z.string().min(1).max(100), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  maxAttempts: 5,
  timeoutMs: 30 * 60_000,
  run: async (app, payload) => sendDigests(app, { day: payload.day, timeZones: [payload.timeZone] }),
});

/**
 * Every day at DIGEST_TIME in each time zone whose cohorts have notifications waiting for a digest: one run per zone
 * and local day across every process (the run's slot is unique), started late if no process was up at that time.
 */
export const forumDigestSchedule = defineSchedule({
  key: 'notifications.digest',
  job: forumDigestJob,
  recurrence: { dailyAt: DIGEST_TIME },
  timeZones: (app) => listDigestTimeZones(app.db),
  payload: (run) => ({ timeZone: run.timeZone, day: run.localDate! }),
});
