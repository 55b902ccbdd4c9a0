import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../database.types.ts';
import { supportsRowLocks } from '../dialect.ts';
import type { JobTable } from './platform.types.ts';

/** A stored job. */
export type JobRow = Selectable<JobTable>;

/** Inserts a job. */
export async function insertJob(db: Kysely<Database>, row: Insertable<JobTable>): Promise<void> {
  await db.insertInto('jobs').values(row).execute();
}

/**
 * Inserts a job unless one with the same `schedule_key` and `run_slot` exists (one conditional statement, so two
 * processes racing for the same slot insert it once). Returns true when this call inserted it.
 */
export async function insertJobOnce(db: Kysely<Database>, row: Insertable<JobTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.columns(['schedule_key', 'run_slot']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Reads one job. */
export async function findJobById(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a worker claims: due jobs of the given types, at most `limit`, leased until `lockedUntil`. */
export interface ClaimJobsInput {
  readonly workerId: string;
  readonly now: string;
  readonly lockedUntil: string;
  readonly types: readonly string[];
  readonly limit: number;
}

/**
 * Claims due queued jobs for one worker in a single UPDATE … RETURNING: on PostgreSQL the candidate rows are
 * selected `FOR UPDATE SKIP LOCKED`, so concurrent workers each take different jobs without waiting; on SQLite the
 * one statement runs under the database's write lock, so two claims never see the same row as queued.
 */
export async function claimJobs(db: Kysely<Database>, input: ClaimJobsInput): Promise<JobRow[]> {
  if (input.types.length === 0 || input.limit <= 0) return [];
  // The candidates are a MATERIALIZED CTE: PostgreSQL may otherwise run an `IN (SELECT … LIMIT … SKIP LOCKED)`
  // more than once per statement and claim more rows than the limit.
  return db
    .with(
      (cte) => cte('picked').materialized(),
      (qb) => {
        const candidates = qb
          .selectFrom('jobs')
          .select('id')
          .where('state', '=', 'queued')
          .where('run_at', '<=', input.now)
          .where('type', 'in', input.types)
          .orderBy('run_at')
          .orderBy('id')
          .limit(input.limit);
        return supportsRowLocks(db) ? candidates.forUpdate().skipLocked() : candidates;
      },
    )
    .updateTable('jobs')
    .set({
      state: 'running',
      locked_by: input.workerId,
      locked_until: input.lockedUntil,
      attempts: sql<number>`attempts + 1`,
      updated_at: input.now,
    })
    .where('state', '=', 'queued')
    .where('id', 'in', (eb) => eb.selectFrom('picked').select('picked.id'))
    .returningAll()
    .execute();
}

/**
 * Extends the lease of the jobs a worker still runs; returns the ids whose cancellation was requested. A job
 * whose lease was taken away (released after expiry) is not extended.
 */
export async function renewJobLeases(
  db: Kysely<Database>,
  input: { workerId: string; ids: readonly string[]; now: string; lockedUntil: string },
): Promise<{ id: string; cancel_requested: number }[]> {
  if (input.ids.length === 0) return [];
  return db
    .updateTable('jobs')
    .set({ locked_until: input.lockedUntil, updated_at: input.now })
    .where('id', 'in', input.ids)
    .where('state', '=', 'running')
    .where('locked_by', '=', input.workerId)
    .returning(['id', 'cancel_requested'])
    .execute();
}

/** How a running job ended, written only while the worker still holds its lease. */
export type JobOutcome =
  | { readonly state: 'done'; readonly result: string | null }
  | { readonly state: 'queued'; readonly runAt: string; readonly error: string }
  | { readonly state: 'failed' | 'cancelled'; readonly error: string | null };

/** Records the outcome of a run. Returns false when the worker had lost the lease (nothing written). */
export async function finishJobRun(
  db: Kysely<Database>,
  input: { id: string; workerId: string; now: string; outcome: JobOutcome },
): Promise<boolean> {
  const { outcome } = input;
  const common = { locked_by: null, locked_until: null, updated_at: input.now };
  const values =
    outcome.state === 'done'
      ? { ...common, state: 'done' as const, result: outcome.result, progress: 1, finished_at: input.now }
      : outcome.state === 'queued'
        ? { ...common, state: 'queued' as const, run_at: outcome.runAt, last_error: outcome.error }
        : { ...common, state: outcome.state, last_error: outcome.error, finished_at: input.now };
  const updated = await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', input.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', input.workerId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Stores a running job's progress (0–1) while the worker holds its lease. */
export async function setJobProgress(
  db: Kysely<Database>,
  input: { id: string; workerId: string; progress: number; now: string },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress: input.progress, updated_at: input.now })
    .where('id', '=', input.id)
    .where('locked_by', '=', input.workerId)
    .where('state', '=', 'running')
    .execute();
}

/**
 * Releases running jobs whose lease expired (their process died or hung): back to `queued` at `retryAt` when
 * attempts are left, else `failed`; `last_error` says why. One conditional UPDATE per outcome, safe to run in every
 * process at once. Returns the released rows.
 */
export async function releaseExpiredJobs(
  db: Kysely<Database>,
  input: { now: string; retryAt: string; error: string },
): Promise<JobRow[]> {
  const expired = (state: 'queued' | 'failed') =>
    db
      .updateTable('jobs')
      .set({
        state,
        locked_by: null,
        locked_until: null,
        last_error: input.error,
        updated_at: input.now,
        ...(state === 'queued' ? { run_at: input.retryAt } : { finished_at: input.now }),
      })
      .where('state', '=', 'running')
      .where('locked_until', '<', input.now)
      .where('attempts', state === 'queued' ? '<' : '>=', sql<number>`max_attempts`)
      .returningAll()
      .execute();
  return [...(await expired('queued')), ...(await expired('failed'))];
}

/**
 * Cancels a job: a queued job becomes `cancelled` at once; a running one gets `cancel_requested` (its worker stops
 * it at the next lease renewal). Returns the job's state after the call, undefined when no such job.
 */
export async function cancelJobRow(
  db: Kysely<Database>,
  input: { id: string; now: string },
): Promise<JobRow | undefined> {
  await db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: input.now, updated_at: input.now })
    .where('id', '=', input.id)
    .where('state', '=', 'queued')
    .execute();
  await db
    .updateTable('jobs')
    .set({ cancel_requested: 1, updated_at: input.now })
    .where('id', '=', input.id)
    .where('state', '=', 'running')
    .execute();
  return findJobById(db, input.id);
}

/** Puts a failed or cancelled job back in the queue with fresh attempts. Returns false when it was not final. */
export async function requeueJobRow(
  db: Kysely<Database>,
  input: { id: string; now: string; runAt: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('jobs')
    .set({
      state: 'queued',
      attempts: 0,
      cancel_requested: 0,
      run_at: input.runAt,
      finished_at: null,
      progress: null,
      updated_at: input.now,
    })
    .where('id', '=', input.id)
    .where('state', 'in', ['failed', 'cancelled'])
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Deletes finished jobs (done, failed, cancelled) that finished before `before`. Returns how many. */
export async function deleteFinishedJobs(db: Kysely<Database>, before: string): Promise<number> {
  const deleted = await db
    .deleteFrom('jobs')
    .where('state', 'in', ['done', 'failed', 'cancelled'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
