import {
  cancelJobRow,
  findJobById,
  insertJob,
  insertJobOnce,
  newId,
  requeueJobRow,
  type Database,
  type JobState,
  type Kysely,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import { liveTopics } from '../events/topics.ts';
import { JobPayloadError, type JobType } from './job-type.ts';

/** Where and when to enqueue. */
export interface EnqueueOptions {
  /** The caller's transaction: the job exists only if it commits (enqueue mail with the change it reports). */
  readonly trx?: Kysely<Database>;
  /** Run no earlier than this (default now). */
  readonly runAt?: Date;
  /** The user the job belongs to (their Lab run, say), for who may follow or cancel it. */
  readonly ownerId?: string;
  /** Overrides the type's number of attempts. */
  readonly maxAttempts?: number;
  /** Enqueue at most once per key and slot (e.g. a digest per learner and day); later calls return undefined. */
  readonly once?: { readonly key: string; readonly slot: string };
}

/**
 * Queues a job. The payload is checked against the type's schema first (a mismatch is a bug: JobPayloadError).
 * Returns the new job's id, or undefined when `once` found the slot taken.
 */
export async function enqueueJob<P>(
  app: Pick<App, 'db' | 'clock'>,
  type: JobType<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<string | undefined> {
  const parsed = type.payload.safeParse(payload);
  if (!parsed.success)
    throw new JobPayloadError(`payload of ${type.type} does not match its schema: ${parsed.error.message}`);
  const now = app.clock.now().toISOString();
  const row = {
    id: newId(),
    type: type.type,
    payload: JSON.stringify(parsed.data),
    state: 'queued' as const,
    run_at: (options.runAt ?? app.clock.now()).toISOString(),
    max_attempts: options.maxAttempts ?? type.maxAttempts,
    owner_id: options.ownerId ?? null,
    schedule_key: options.once?.key ?? null,
    run_slot: options.once?.slot ?? null,
    created_at: now,
    updated_at: now,
  };
  const db = options.trx ?? app.db;
  if (options.once) return (await insertJobOnce(db, row)) ? row.id : undefined;
  await insertJob(db, row);
  return row.id;
}

/** A job as features show it (a Lab run's progress, say). */
export interface JobStatus {
  readonly id: string;
  readonly type: string;
  readonly state: JobState;
  readonly progress: number | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lastError: string | null;
  readonly result: unknown;
  readonly ownerId: string | null;
  readonly cancelRequested: boolean;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/**
 * A job's status, or undefined when there is none. Authorization is the caller's: show a job only to whom
 * `can()` allows (its owner, say).
 */
export async function getJobStatus(app: Pick<App, 'db'>, id: string): Promise<JobStatus | undefined> {
  const row = await findJobById(app.db, id);
  if (!row) return undefined;
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    progress: row.progress,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    ownerId: row.owner_id,
    cancelRequested: row.cancel_requested === 1,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** The control topic every job runner listens to (cancellations reach the running process at once). */
export const JOB_CONTROL_TOPIC = 'jobs:control';

/**
 * Cancels a job: a queued one at once; a running one is told to stop (its signal aborts within a moment in
 * whichever process runs it) and ends `cancelled`. Returns the state after the call; undefined when no such job.
 * Authorization is the caller's.
 */
export async function cancelJob(
  app: Pick<App, 'db' | 'clock' | 'events'>,
  id: string,
): Promise<JobState | undefined> {
  const row = await cancelJobRow(app.db, { id, now: app.clock.now().toISOString() });
  if (!row) return undefined;
  if (row.state === 'running') await app.events.publish(JOB_CONTROL_TOPIC, 'job.cancel', { jobId: id });
  if (row.state === 'cancelled')
    await app.events.publish(liveTopics.job(id), 'job.state', { state: 'cancelled' });
  return row.state;
}

/** Runs a failed or cancelled job again with fresh attempts. Returns false when the job was not failed or cancelled. */
export async function retryJob(app: Pick<App, 'db' | 'clock'>, id: string): Promise<boolean> {
  const now = app.clock.now().toISOString();
  return requeueJobRow(app.db, { id, now, runAt: now });
}
