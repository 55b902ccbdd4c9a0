import type { App } from '../../app/app.ts';
import { createJobRunner } from '../job-runner.ts';
import { sendMailJob } from '../mail-send.job.ts';

/**
 * Sends every mail queued so far through the app's mailer, running no other job or schedule (tests). Returns how
 * many mail jobs ran (the runner takes a few at a time, so it runs until none is due).
 */
export async function sendQueuedMail(app: App): Promise<number> {
  const runner = createJobRunner(app, { types: [sendMailJob], schedules: [] });
  let total = 0;
  for (let ran = await runner.runDue(); ran > 0; ran = await runner.runDue()) total += ran;
  return total;
}
