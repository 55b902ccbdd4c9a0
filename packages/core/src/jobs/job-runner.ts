import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  claimJobs,
  finishJobRun,
  releaseExpiredJobs,
  renewJobLeases,
  setJobProgress,
  type JobOutcome,
  type JobRow,
} from '@labmig/db';
import { ZodError } from 'zod';
import type { App } from '../app/app.ts';
import type { Subscription } from '../events/event-bus.ts';
import { liveTopics } from '../events/topics.ts';
import { enqueueJob, JOB_CONTROL_TOPIC } from './job-queue.ts';
import { retryDelayMs } from './job-retry.rules.ts';
import { PermanentJobError, type JobContext, type JobType } from './job-type.ts';
import type { JobCatalogue } from './recurring-schedule.ts';
import { dueRun } from './schedule.rules.ts';

/** Tuning of a runner; the defaults suit a campus server. */
export interface JobRunnerOptions {
  /** Jobs run at once in this process (default 4; CPU-heavy work goes to the worker pool inside a job). */
  readonly concurrency?: number;
  /** How often to look for due jobs (default 1 s). */
  readonly pollMs?: number;
  /** How long a claim holds without renewal (default 60 s); renewed every third of it while the job runs. */
  readonly leaseMs?: number;
  /** How often to enqueue due recurring runs (default 15 s). */
  readonly scheduleEveryMs?: number;
  /** On stop, how long running jobs may finish before they are interrupted and queued again (default 5 s). */
  readonly shutdownGraceMs?: number;
}

/** A job runner of one process. */
export interface JobRunner {
  /** `host:pid:random`, written into `locked_by` of the jobs it runs. */
  readonly workerId: string;
  /** Starts polling (idempotent). */
  start(): void;
  /**
   * One round now: release expired leases, enqueue due recurring runs, claim and run due jobs; resolves when the
   * jobs it started have finished. Returns how many it ran. For tests and one-shot CLI use.
   */
  runDue(): Promise<number>;
  /** Stops claiming; running jobs get `shutdownGraceMs` to finish, then are interrupted and queued again. */
  stop(): Promise<void>;
}

type StopReason = 'cancelled' | 'lease-lost' | 'shutdown' | 'timeout';

interface Running {
  readonly controller: AbortController;
  reason?: StopReason;
  readonly done: Promise<void>;
}

/**
 * Creates the job runner of this process. Several processes (or `labmig serve --workers N`) may run one each on
 * the same database: a job is claimed by one (SKIP LOCKED / one conditional UPDATE), a recurring run is enqueued
 * once per slot, and a job whose process died is released when its lease expires — queued again while it has
 * attempts left (`last_error` says it was interrupted), else failed (and `retryJob` can run it again).
 */
export function createJobRunner(
  app: App,
  catalogue: JobCatalogue,
  options: JobRunnerOptions = {},
): JobRunner {
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const scheduleEveryMs = options.scheduleEveryMs ?? 15_000;
  const graceMs = options.shutdownGraceMs ?? 5_000;
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const types = new Map(catalogue.types.map((t) => [t.type, t]));
  for (const s of catalogue.schedules)
    if (!types.has(s.job.type))
      throw new RangeError(`schedule ${s.key}: job type ${s.job.type} is not in the catalogue`);
  const log = app.logger.child({ component: 'jobs', workerId });
  const running = new Map<string, Running>();
  const enqueuedSlots = new Map<string, string>();
  let lastScheduleCheck = -Infinity;
  let stopped = false;
  let started = false;
  let timers: NodeJS.Timeout[] = [];
  let control: Subscription | undefined;
  let ticking: Promise<string[]> | undefined;

  const iso = (offsetMs = 0) => new Date(app.clock.now().getTime() + offsetMs).toISOString();

  const enqueueDueRuns = async () => {
    for (const schedule of catalogue.schedules) {
      const zones =
        'dailyAt' in schedule.recurrence && schedule.timeZones ? await schedule.timeZones(app) : ['UTC'];
      for (const zone of new Set(zones)) {
        const run = dueRun(schedule.recurrence, app.clock.now(), zone);
        if (!run || enqueuedSlots.get(`${schedule.key}|${zone}`) === run.slot) continue;
        const id = await enqueueJob(app, schedule.job, schedule.payload?.(run) ?? {}, {
          once: { key: schedule.key, slot: run.slot },
          runAt: run.scheduledFor,
        });
        enqueuedSlots.set(`${schedule.key}|${zone}`, run.slot);
        if (id) log.debug('recurring job enqueued', { schedule: schedule.key, slot: run.slot, jobId: id });
      }
    }
  };

  const tick = async (forceSchedules: boolean): Promise<string[]> => {
    const released = await releaseExpiredJobs(app.db, {
      now: iso(),
      retryAt: iso(),
      error: 'interrupted: the process running it stopped (its lease expired)',
    });
    for (const row of released) {
      log.warn('job released after its lease expired', { jobId: row.id, type: row.type, state: row.state });
      void publishState(row.id, row.state);
    }
    if (forceSchedules || performance.now() - lastScheduleCheck >= scheduleEveryMs) {
      lastScheduleCheck = performance.now();
      await enqueueDueRuns();
    }
    const free = concurrency - running.size;
    if (stopped || free <= 0) return [];
    const claimed = await claimJobs(app.db, {
      workerId,
      now: iso(),
      lockedUntil: iso(leaseMs),
      types: [...types.keys()],
      limit: free,
    });
    for (const row of claimed) execute(row, types.get(row.type)!);
    return claimed.map((r) => r.id);
  };

  const safeTick = (force = false) => {
    ticking ??= tick(force)
      .catch((error: unknown) => {
        log.error('job runner round failed', { error });
        return [] as string[];
      })
      .finally(() => (ticking = undefined));
    return ticking;
  };

  const publishState = async (jobId: string, state: string, extra: Record<string, string | number> = {}) => {
    try {
      await app.events.publish(liveTopics.job(jobId), 'job.state', { state, ...extra });
    } catch (error) {
      log.warn('job event not published', { jobId, error });
    }
  };

  const execute = (row: JobRow, type: JobType<unknown>) => {
    const controller = new AbortController();
    const entry: { controller: AbortController; reason?: StopReason; done?: Promise<void> } = { controller };
    const abort = (reason: StopReason) => {
      if (entry.reason) return;
      entry.reason = reason;
      controller.abort(new Error(`job ${reason}`));
    };
    running.set(row.id, entry as Running);
    const timeout = setTimeout(() => abort('timeout'), type.timeoutMs);
    timeout.unref();
    let lastPublished = 0;
    let lastStored = 0;
    // Events and progress writes of one job go out one after the other, and all before its final state: a
    // subscriber never sees "done" before the last progress.
    let outbound: Promise<unknown> = publishState(row.id, 'running', { attempt: row.attempts });
    const then = (step: () => Promise<unknown>, what: string) => {
      outbound = outbound.then(step).catch((error: unknown) => log.warn(what, { jobId: row.id, error }));
    };
    const ctx: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      signal: controller.signal,
      ...(row.run_slot ? { runSlot: row.run_slot } : {}),
      progress(fraction, detail = {}) {
        const progress = Math.min(1, Math.max(0, fraction));
        const now = performance.now();
        if (now - lastPublished >= 200 || progress === 1) {
          lastPublished = now;
          then(
            () => app.events.publish(liveTopics.job(row.id), 'job.progress', { ...detail, progress }),
            'job progress not published',
          );
        }
        if (now - lastStored >= 1000 || progress === 1) {
          lastStored = now;
          const at = iso();
          then(
            () => setJobProgress(app.db, { id: row.id, workerId, progress, now: at }),
            'job progress not stored',
          );
        }
      },
    };
    entry.done = (async () => {
      const outcome = await runOnce(type, row, ctx, () => entry.reason);
      clearTimeout(timeout);
      await outbound;
      if (outcome) {
        const written = await finishJobRun(app.db, { id: row.id, workerId, now: iso(), outcome }).catch(
          (error: unknown) => {
            log.error('job outcome not written', { jobId: row.id, error });
            return false;
          },
        );
        if (written) await publishState(row.id, outcome.state);
        const fields = { jobId: row.id, type: row.type, attempt: row.attempts, state: outcome.state };
        if (outcome.state === 'done') log.debug('job done', fields);
        else log.warn('job not done', { ...fields, error: 'error' in outcome ? outcome.error : undefined });
      }
      running.delete(row.id);
    })();
  };

  const runOnce = async (
    type: JobType<unknown>,
    row: JobRow,
    ctx: JobContext,
    reason: () => StopReason | undefined,
  ): Promise<JobOutcome | undefined> => {
    try {
      const payload = type.payload.parse(JSON.parse(row.payload));
      const result = await type.run(app, payload, ctx);
      return { state: 'done', result: result === undefined ? null : JSON.stringify(result) };
    } catch (error) {
      const message = errorText(error);
      switch (reason()) {
        case 'cancelled':
          return { state: 'cancelled', error: 'cancelled' };
        case 'lease-lost':
          return undefined; // another process released or took it: write nothing
        case 'shutdown':
          return { state: 'queued', runAt: iso(), error: 'interrupted: the server stopped' };
      }
      const why = reason() === 'timeout' ? `timed out after ${Math.round(type.timeoutMs / 1000)} s` : message;
      const permanent =
        error instanceof PermanentJobError || error instanceof ZodError || error instanceof SyntaxError;
      if (permanent || row.attempts >= row.max_attempts) return { state: 'failed', error: why };
      return { state: 'queued', runAt: iso(retryDelayMs(row.attempts, type.backoff)), error: why };
    }
  };

  const renewLeases = async () => {
    const ids = [...running.keys()];
    if (ids.length === 0) return;
    try {
      const held = await renewJobLeases(app.db, { workerId, ids, now: iso(), lockedUntil: iso(leaseMs) });
      const heldIds = new Set(held.map((h) => h.id));
      for (const h of held) if (h.cancel_requested === 1) stopJob(h.id, 'cancelled');
      for (const id of ids) if (!heldIds.has(id)) stopJob(id, 'lease-lost');
    } catch (error) {
      log.error('job leases not renewed', { error });
    }
  };

  const stopJob = (id: string, reason: StopReason) => {
    const entry = running.get(id);
    if (!entry || entry.reason) return;
    entry.reason = reason;
    entry.controller.abort(new Error(`job ${reason}`));
  };

  return {
    workerId,
    start() {
      if (started || stopped) return;
      started = true;
      control = app.events.subscribe([JOB_CONTROL_TOPIC], {
        onEvent: (event) => {
          if (event.type === 'job.cancel' && typeof event.data.jobId === 'string')
            stopJob(event.data.jobId, 'cancelled');
        },
        // Missed control events: the lease renewal reads cancellations from the table anyway.
        onResync: () => void renewLeases(),
      });
      void safeTick(true);
      timers = [
        setInterval(() => void safeTick(), pollMs),
        setInterval(() => void renewLeases(), leaseMs / 3),
      ];
      for (const t of timers) t.unref();
    },
    async runDue() {
      await ticking;
      const ids = await safeTick(true);
      await Promise.all(ids.map((id) => running.get(id)?.done));
      return ids.length;
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      control?.close();
      await ticking;
      const all = () => Promise.all([...running.values()].map((r) => r.done));
      let graceTimer: NodeJS.Timeout | undefined;
      await Promise.race([all(), new Promise((r) => (graceTimer = setTimeout(r, graceMs)))]);
      clearTimeout(graceTimer);
      for (const id of running.keys()) stopJob(id, 'shutdown');
      // A job that ignores its signal is left behind after one more second; its lease expiry releases it.
      await Promise.race([all(), new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}

/** Creates and starts the runner (what a server process calls once). */
export function startJobRunner(app: App, catalogue: JobCatalogue, options?: JobRunnerOptions): JobRunner {
  const runner = createJobRunner(app, catalogue, options);
  runner.start();
  return runner;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
