import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import type { App } from '../app/app.ts';
import type { Logger } from '../app/logger.ts';
import { buildAssessmentWorld } from '../assessment/attempt/assessment-world.testing.ts';
import { startAttempt } from '../assessment/attempt/attempt.commands.ts';
import { startBackgroundJobs } from './background-jobs.ts';

const waitFor = async (condition: () => boolean | Promise<boolean>, ms = 3000) => {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

function fakeApp(): { app: App; errors: Record<string, unknown>[] } {
  const errors: Record<string, unknown>[] = [];
  const quiet = () => undefined;
  const logger: Logger = {
    debug: quiet,
    info: quiet,
    warn: quiet,
    error: (_msg, fields) => void errors.push(fields ?? {}),
    child: () => logger,
  };
  return { app: { logger } as unknown as App, errors };
}

describe('startBackgroundJobs', () => {
  it('never overlaps two runs of a job, and stops when asked', async () => {
    const { app } = fakeApp();
    let started = 0;
    let release = () => {};
    const job = {
      name: 'slow',
      run: () => {
        started++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const stop = startBackgroundJobs(app, { intervalMs: 5, jobs: [job] });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(started).toBe(1); // many ticks passed while the first run was still going
    release();
    await waitFor(() => started === 2);
    const stopping = stop();
    release();
    await stopping;
    const after = started;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(started).toBe(after);
  });

  it('logs a failing job and runs it again at the next tick', async () => {
    const { app, errors } = fakeApp();
    let runs = 0;
    const stop = startBackgroundJobs(app, {
      intervalMs: 5,
      jobs: [
        {
          name: 'flaky',
          run: async () => {
            runs++;
            throw new Error('disk full');
          },
        },
      ],
    });
    await waitFor(() => runs >= 3);
    await stop();
    expect(errors[0]).toEqual({ job: 'flaky', error: 'disk full' });
  });
});

forEachDialect((ctx) => {
  describe('the default jobs', () => {
    it('close an attempt whose time limit passed although the learner never came back', async () => {
      const world = await buildAssessmentWorld(ctx);
      const { attemptId } = await startAttempt(world.app, world.ana, world.quiz(world.week1));
      world.app.clock.advance(31 * 60_000); // the week-1 quiz has a 30-minute limit
      const stop = startBackgroundJobs(world.app, { intervalMs: 10 });
      const state = async () =>
        await ctx.db
          .selectFrom('quiz_attempts')
          .select(['state', 'submitted_by'])
          .where('id', '=', attemptId)
          .executeTakeFirstOrThrow();
      await waitFor(async () => (await state()).state === 'submitted');
      await stop();
      expect(await state()).toEqual({ state: 'submitted', submitted_by: 'timeout' });
    });
  });
});
