import { z } from 'zod';
import { defineJobType } from '../jobs/job-type.ts';
import { defineSchedule } from '../jobs/recurring-schedule.ts';
import { sendDueReminders } from './reminders.commands.ts';

/**
 * Sends the course reminders that are due ("week N is open", "the assessment closes within 24 hours"). Each
 * delivery is claimed once per person and event, so a run that is repeated (a retry, another process) mails no one
 * twice.
 */
export const courseRemindersJob = defineJobType({
  type: 'reminders.course',
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 10 * 60_000,
  run: (app) => sendDueReminders(app),
});

/** Every 15 minutes, once across all server processes (a week opening is mailed within a quarter of an hour). */
export const courseRemindersSchedule = defineSchedule({
  key: 'reminders.course',
  job: courseRemindersJob,
  recurrence: { everyMinutes: 15 },
});
