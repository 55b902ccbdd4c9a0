import type { App } from '../app/app.ts';
import { finaliseOverdueAttempts } from '../assessment/attempt/attempt-finalise.commands.ts';
import { sendDueReminders } from '../reminders/reminders.commands.ts';

/** One recurring job: a name for the logs and what it does. */
export interface BackgroundJob {
  readonly name: string;
  readonly run: (app: App) => Promise<unknown>;
}

/**
 * The jobs a campus server runs every minute. Closing overdue attempts makes grades appear for learners who never
 * came back; course reminders (a week opening, an assessment closing) go out once per person and event.
 */
export const DEFAULT_JOBS: readonly BackgroundJob[] = [
  { name: 'finalise-overdue-attempts', run: finaliseOverdueAttempts },
  { name: 'course-reminders', run: sendDueReminders },
];

/**
 * Runs each job now and then every `intervalMs` (default one minute) until the returned function is called. A run
 * never overlaps the previous run of the same job; a failure is logged and the job runs again next time. The
 * timer does not keep the process alive. Every server process may run them: the jobs are safe under concurrency
 * (an attempt is closed by a conditional update, so two processes never close it twice).
 */
export function startBackgroundJobs(
  app: App,
  options: { readonly intervalMs?: number; readonly jobs?: readonly BackgroundJob[] } = {},
): () => Promise<void> {
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = () => {
    for (const job of jobs) {
      if (stopped || running.has(job.name)) continue;
      const run = job
        .run(app)
        .then(
          () => undefined,
          (error: unknown) =>
            app.logger.error('background job failed', { job: job.name, error: (error as Error).message }),
        )
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await Promise.all(running.values());
  };
}
