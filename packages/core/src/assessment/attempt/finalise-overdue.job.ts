import { z } from 'zod';
import { defineJobType } from '../../jobs/job-type.ts';
import { defineSchedule } from '../../jobs/recurring-schedule.ts';
import { finaliseOverdueAttempts } from './attempt-finalise.commands.ts';

/**
 * Closes and grades attempts whose time limit or close date passed, so grades appear for learners who never came
 * back. One try per minute is enough: a failed run is simply the next minute's.
 */
export const finaliseOverdueAttemptsJob = defineJobType({
  type: 'assessment.finalise-overdue',
  payload: z.object({}),
  maxAttempts: 1,
  timeoutMs: 5 * 60_000,
  run: (app) => finaliseOverdueAttempts(app),
});

/** Every minute, once across all server processes. */
export const finaliseOverdueAttemptsSchedule = defineSchedule({
  key: 'assessment.finalise-overdue',
  job: finaliseOverdueAttemptsJob,
  recurrence: { everyMinutes: 1 },
});
