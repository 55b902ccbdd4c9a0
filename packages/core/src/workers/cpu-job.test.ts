import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forEachDialect } from '@labmig/db/testing';
import { busListening, eventCollector } from '../events/testing/event-collector.ts';
import { liveTopics } from '../events/topics.ts';
import { createTestApp } from '../testing/test-app.ts';
import { cancelJob, enqueueJob, getJobStatus } from '../jobs/job-queue.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { defineJobType } from '../jobs/job-type.ts';
import { waitFor } from '../jobs/testing/wait-for.ts';
import { defineCpuTask } from './cpu-task.ts';

const spin = defineCpuTask<{ ms: number }, { spins: number }>(
  'test.spin',
  new URL('./testing/sample.task.ts', import.meta.url).href,
);

/** The shape of a Lab run: a job whose work happens in the pool, with progress and cancellation passed through. */
const cpuJob = defineJobType({
  type: 'test.cpu',
  payload: z.object({ ms: z.number() }),
  run: (app, payload, ctx) =>
    app.workers.run(spin, payload, { signal: ctx.signal, onProgress: (f) => ctx.progress(f) }),
});

forEachDialect((ctx) => {
  describe('a job that runs CPU work in the worker pool', () => {
    it('publishes the thread’s progress on the job topic and stores the result', async () => {
      const app = await createTestApp(ctx);
      const id = (await enqueueJob(app, cpuJob, { ms: 300 }))!;
      const seen = eventCollector();
      app.events.subscribe([liveTopics.job(id)], seen.handlers);
      await busListening(app.events);
      await createJobRunner(app, { types: [cpuJob], schedules: [] }).runDue();
      await seen.until(() => seen.events.some((e) => e.data.state === 'done'));
      expect(seen.events.filter((e) => e.type === 'job.progress').at(-1)?.data).toEqual({ progress: 1 });
      expect((await getJobStatus(app, id))?.result).toMatchObject({ spins: expect.any(Number) });
      await app.close();
    });

    it('is cancelled in its thread when the job is cancelled', async () => {
      const app = await createTestApp(ctx);
      const id = (await enqueueJob(app, cpuJob, { ms: 30_000 }))!;
      const runner = createJobRunner(app, { types: [cpuJob], schedules: [] }, { pollMs: 20 });
      runner.start();
      await waitFor(() => app.workers.stats().busy === 1, 10_000);
      await busListening(app.events);
      await cancelJob(app, id);
      await waitFor(async () => (await getJobStatus(app, id))?.state === 'cancelled', 10_000);
      expect(app.workers.stats().busy).toBe(0);
      await runner.stop();
      await app.close();
    });
  });
});
