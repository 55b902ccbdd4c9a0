import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { claimJobs, findJobById, insertJob } from '@labmig/db';
import { forEachDialect } from '@labmig/db/testing';
import { liveTopics } from '../events/topics.ts';
import { busListening, eventCollector } from '../events/testing/event-collector.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { cancelJob, enqueueJob, getJobStatus, retryJob } from './job-queue.ts';
import { createJobRunner } from './job-runner.ts';
import { defineJobType, JobPayloadError, PermanentJobError, type AnyJobType } from './job-type.ts';
import { defineSchedule, type JobCatalogue } from './recurring-schedule.ts';
import { waitFor } from './testing/wait-for.ts';

const catalogueOf = (...types: AnyJobType[]): JobCatalogue => ({ types, schedules: [] });

/** A job type that records every run and behaves as `behave` says. */
function recorder(behave: (n: number, signal: AbortSignal) => Promise<unknown> = async () => undefined) {
  const runs: { id: string; attempt: number; payload: { n: number } }[] = [];
  const type = defineJobType({
    type: 'test.record',
    payload: z.object({ n: z.number().int() }),
    backoff: { baseMs: 1000, maxMs: 60_000 },
    maxAttempts: 3,
    run: async (_app, payload, ctx) => {
      runs.push({ id: ctx.jobId, attempt: ctx.attempt, payload });
      return behave(runs.length, ctx.signal);
    },
  });
  return { runs, type };
}

const untilAborted = (signal: AbortSignal) =>
  new Promise((_resolve, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );

forEachDialect((ctx) => {
  let app: TestApp;
  const open = async () => (app = await createTestApp(ctx));

  describe('enqueueJob and the runner', () => {
    it('runs a queued job once with its payload, keeps its result and publishes its state', async () => {
      await open();
      const { runs, type } = recorder(async () => ({ rows: 12 }));
      const id = (await enqueueJob(app, type, { n: 7 }))!;
      const events = eventCollector();
      app.events.subscribe([liveTopics.job(id)], events.handlers);
      await busListening(app.events);
      const runner = createJobRunner(app, catalogueOf(type));
      expect(await runner.runDue()).toBe(1);
      expect(await runner.runDue()).toBe(0);
      expect(runs).toEqual([{ id, attempt: 1, payload: { n: 7 } }]);
      expect(await getJobStatus(app, id)).toMatchObject({ state: 'done', result: { rows: 12 }, attempts: 1 });
      await events.until(() => events.events.some((e) => e.data.state === 'done'));
      await app.close();
    });

    it('refuses a payload that does not match the schema when it is enqueued', async () => {
      await open();
      const { type } = recorder();
      await expect(enqueueJob(app, type, { n: 1.5 })).rejects.toBeInstanceOf(JobPayloadError);
      await app.close();
    });

    it('fails a stored job whose payload no longer parses, without retrying', async () => {
      await open();
      const { runs, type } = recorder();
      const now = app.clock.now().toISOString();
      await insertJob(app.db, {
        id: 'bad-payload',
        type: type.type,
        payload: '{"n":"seven"}',
        state: 'queued',
        run_at: now,
        max_attempts: 5,
        created_at: now,
        updated_at: now,
      });
      await createJobRunner(app, catalogueOf(type)).runDue();
      expect(runs).toEqual([]);
      expect(await getJobStatus(app, 'bad-payload')).toMatchObject({ state: 'failed', attempts: 1 });
      await app.close();
    });

    it('retries a failing job with backoff and fails it after its last attempt', async () => {
      await open();
      const { runs, type } = recorder(async () => {
        throw new Error('SMTP server unavailable');
      });
      const id = (await enqueueJob(app, type, { n: 1 }))!;
      const runner = createJobRunner(app, catalogueOf(type));
      await runner.runDue();
      expect(await findJobById(app.db, id)).toMatchObject({
        state: 'queued',
        attempts: 1,
        run_at: '2026-03-10T09:00:01.000Z',
        last_error: 'Error: SMTP server unavailable',
      });
      expect(await runner.runDue()).toBe(0); // not due yet
      app.clock.advance(1000);
      await runner.runDue();
      expect((await findJobById(app.db, id))?.run_at).toBe('2026-03-10T09:00:03.000Z'); // 2 s after the 2nd try
      app.clock.advance(2000);
      await runner.runDue();
      expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
      expect(await getJobStatus(app, id)).toMatchObject({ state: 'failed', attempts: 3 });
      expect(await retryJob(app, id)).toBe(true);
      await runner.runDue();
      expect(runs).toHaveLength(4);
      await app.close();
    });

    it('fails at once on a permanent error', async () => {
      await open();
      const { runs, type } = recorder(async () => {
        throw new PermanentJobError('the dataset was deleted');
      });
      const id = (await enqueueJob(app, type, { n: 1 }))!;
      await createJobRunner(app, catalogueOf(type)).runDue();
      expect(runs).toHaveLength(1);
      expect(await getJobStatus(app, id)).toMatchObject({
        state: 'failed',
        lastError: 'PermanentJobError: the dataset was deleted',
      });
      await app.close();
    });

    it('runs each job exactly once when several runners (processes) claim at the same time', async () => {
      await open();
      const { runs, type } = recorder(async () => new Promise((r) => setTimeout(r, 2)));
      for (let n = 0; n < 30; n++) await enqueueJob(app, type, { n });
      const runners = [1, 2, 3].map(() => createJobRunner(app, catalogueOf(type), { concurrency: 4 }));
      while ((await Promise.all(runners.map((r) => r.runDue()))).some((n) => n > 0));
      expect(runs.map((r) => r.payload.n).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 30 }, (_, i) => i),
      );
      await app.close();
    });

    it('enqueues a recurring run once per slot across runners', async () => {
      await open();
      const { runs, type } = recorder();
      const catalogue: JobCatalogue = {
        types: [type],
        schedules: [
          defineSchedule({
            key: 'test.minutely',
            job: type,
            recurrence: { everyMinutes: 1 },
            payload: () => ({ n: 1 }),
          }),
          defineSchedule({
            key: 'test.digest',
            job: type,
            recurrence: { dailyAt: '06:00' },
            timeZones: async () => ['Europe/Paris', 'America/New_York', 'Europe/Paris'],
            payload: (run) => ({ n: Number(run.localDate!.slice(8)) }),
          }),
        ],
      };
      app.clock.set('2026-03-10T09:00:30.000Z'); // 10:00 in Paris, 05:00 in New York
      const a = createJobRunner(app, catalogue);
      const b = createJobRunner(app, catalogue);
      await Promise.all([a.runDue(), b.runDue()]);
      await Promise.all([a.runDue(), b.runDue()]);
      const slots = async () =>
        (
          await app.db.selectFrom('jobs').select(['schedule_key', 'run_slot']).orderBy('run_slot').execute()
        ).map((r) => `${r.schedule_key} ${r.run_slot}`);
      expect(await slots()).toEqual([
        'test.minutely 2026-03-10T09:00:00.000Z',
        'test.digest Europe/Paris@2026-03-10',
      ]);
      app.clock.set('2026-03-10T11:00:10.000Z'); // 06:00 in New York
      await Promise.all([a.runDue(), b.runDue()]);
      expect(await slots()).toContain('test.digest America/New_York@2026-03-10');
      expect(await slots()).toContain('test.minutely 2026-03-10T11:00:00.000Z');
      expect(runs).toHaveLength(4);
      await app.close();
    });
  });

  describe('a process that dies while running a job', () => {
    it('has its job released after the lease expires and run again by another process', async () => {
      await open();
      const { runs, type } = recorder();
      const retried = (await enqueueJob(app, type, { n: 1 }))!;
      const single = (await enqueueJob(app, type, { n: 2 }, { maxAttempts: 1 }))!;
      const now = app.clock.now().toISOString();
      // The dead process claimed both, then vanished without a word.
      await claimJobs(app.db, {
        workerId: 'dead-host:1:x',
        now,
        lockedUntil: '2026-03-10T09:01:00.000Z',
        types: [type.type],
        limit: 5,
      });
      const survivor = createJobRunner(app, catalogueOf(type));
      expect(await survivor.runDue()).toBe(0); // the lease still holds
      app.clock.advance(61_000);
      await survivor.runDue();
      expect(runs.map((r) => [r.id, r.attempt])).toEqual([[retried, 2]]);
      expect(await getJobStatus(app, retried)).toMatchObject({ state: 'done', attempts: 2 });
      // A job with no attempts left is failed, saying why, and can be retried.
      expect(await getJobStatus(app, single)).toMatchObject({
        state: 'failed',
        lastError: 'interrupted: the process running it stopped (its lease expired)',
      });
      expect(await retryJob(app, single)).toBe(true);
      await survivor.runDue();
      expect(await getJobStatus(app, single)).toMatchObject({ state: 'done' });
      await app.close();
    });
  });

  describe('cancelJob', () => {
    it('cancels a queued job before it runs', async () => {
      await open();
      const { runs, type } = recorder();
      const id = (await enqueueJob(app, type, { n: 1 }))!;
      expect(await cancelJob(app, id)).toBe('cancelled');
      await createJobRunner(app, catalogueOf(type)).runDue();
      expect(runs).toEqual([]);
      expect(await cancelJob(app, 'no-such-job')).toBeUndefined();
      await app.close();
    });

    it('stops a running job at once through its signal, in whichever runner runs it', async () => {
      await open();
      const { runs, type } = recorder((_n, signal) => untilAborted(signal));
      const id = (await enqueueJob(app, type, { n: 1 }))!;
      const runner = createJobRunner(app, catalogueOf(type), { pollMs: 20 });
      runner.start();
      await waitFor(() => runs.length === 1);
      await waitFor(async () => (await getJobStatus(app, id))?.state === 'running');
      await busListening(app.events);
      expect(await cancelJob(app, id)).toBe('running');
      await waitFor(async () => (await getJobStatus(app, id))?.state === 'cancelled');
      await runner.stop();
      await app.close();
    });

    it('also stops it through the lease renewal when the cancel event was missed', async () => {
      await open();
      const { runs, type } = recorder((_n, signal) => untilAborted(signal));
      const id = (await enqueueJob(app, type, { n: 1 }))!;
      const runner = createJobRunner(app, catalogueOf(type), { pollMs: 20, leaseMs: 90 });
      const done = runner.runDue();
      await waitFor(() => runs.length === 1);
      // Flag it directly in the table, as a process whose event never arrived would.
      await app.db.updateTable('jobs').set({ cancel_requested: 1 }).where('id', '=', id).execute();
      runner.start();
      await done;
      expect((await getJobStatus(app, id))?.state).toBe('cancelled');
      await runner.stop();
      await app.close();
    });
  });

  describe('time limits and shutdown', () => {
    it('aborts a job that runs past its time limit and retries it later', async () => {
      await open();
      const slow = defineJobType({
        type: 'test.slow',
        payload: z.object({}),
        timeoutMs: 30,
        run: (_app, _p, c) => untilAborted(c.signal),
      });
      const id = (await enqueueJob(app, slow, {}))!;
      await createJobRunner(app, catalogueOf(slow)).runDue();
      expect(await getJobStatus(app, id)).toMatchObject({
        state: 'queued',
        lastError: 'timed out after 0 s',
      });
      await app.close();
    });

    it('queues a job again when the server stops while it runs', async () => {
      await open();
      const { runs, type } = recorder((_n, signal) => untilAborted(signal));
      const id = (await enqueueJob(app, type, { n: 1 }))!;
      const runner = createJobRunner(app, catalogueOf(type), { shutdownGraceMs: 20 });
      runner.start();
      await waitFor(() => runs.length === 1);
      await runner.stop();
      expect(await getJobStatus(app, id)).toMatchObject({
        state: 'queued',
        lastError: 'interrupted: the server stopped',
      });
      await app.close();
    });
  });

  describe('progress', () => {
    it('is published on the job topic and stored on the job', async () => {
      await open();
      const steps = defineJobType({
        type: 'test.steps',
        payload: z.object({}),
        run: async (_app, _p, c) => {
          c.progress(0.5, { step: 'estimates' });
          await new Promise((r) => setTimeout(r, 250));
          c.progress(1);
        },
      });
      const id = (await enqueueJob(app, steps, {}))!;
      const seen = eventCollector();
      app.events.subscribe([liveTopics.job(id)], seen.handlers);
      await busListening(app.events);
      await createJobRunner(app, catalogueOf(steps)).runDue();
      await seen.until(() => seen.events.some((e) => e.data.state === 'done'));
      expect(seen.events.filter((e) => e.type === 'job.progress').map((e) => e.data)).toEqual([
        { step: 'estimates', progress: 0.5 },
        { progress: 1 },
      ]);
      expect((await getJobStatus(app, id))?.progress).toBe(1);
      await app.close();
    });
  });
});
