import type { z } from 'zod';
import type { App } from '../app/app.ts';
import type { EventData } from '../events/live-event.ts';

/** What a running job can see and do besides its payload. */
export interface JobContext {
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
  /** Aborted when the job is cancelled, its lease is lost, its time is up or the server stops: stop soon. */
  readonly signal: AbortSignal;
  /** The run slot of a recurring job (`2026-03-10T06:00:00.000Z`, `Africa/Dakar@2026-03-10`); undefined otherwise. */
  readonly runSlot?: string;
  /**
   * Reports progress (0–1): stored on the job and published on `job:<id>` (throttled, so call it as often as is
   * natural). `detail` must be small (ids, counts).
   */
  progress(fraction: number, detail?: EventData): void;
}

/**
 * One kind of background job: a unique `type`, a zod schema for its payload (checked when enqueued and again when
 * run), how often to try, and what to do. `run` returns a JSON-serializable result (stored on the job) or nothing.
 */
export interface JobType<P = unknown> {
  readonly type: string;
  readonly payload: z.ZodType<P>;
  /** Runs before the job fails for good (default 5). */
  readonly maxAttempts: number;
  /** Delay before retry n (1-based): `baseMs · 2^(n-1)`, at most `maxMs` (default 10 s doubling to 1 h). */
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  /** A run longer than this is aborted and counts as a failed attempt (default 10 minutes). */
  readonly timeoutMs: number;
  run(app: App, payload: P, ctx: JobContext): Promise<unknown>;
}

/** A job type of any payload (lists of types: catalogues, schedules). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payload types differ per job type; each is checked by its schema
export type AnyJobType = JobType<any>;

/** Defines a job type with defaults filled in. @throws RangeError for a type name that is not `area.name` */
export function defineJobType<P>(definition: {
  readonly type: string;
  readonly payload: z.ZodType<P>;
  readonly maxAttempts?: number;
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  readonly timeoutMs?: number;
  run(app: App, payload: P, ctx: JobContext): Promise<unknown>;
}): JobType<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.type))
    throw new RangeError(`defineJobType: type ${JSON.stringify(definition.type)} must look like "area.name"`);
  return {
    maxAttempts: 5,
    backoff: { baseMs: 10_000, maxMs: 60 * 60_000 },
    timeoutMs: 10 * 60_000,
    ...definition,
  };
}

/** Thrown by a job to fail at once, without retrying (the input can never work). */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** Thrown by `enqueueJob` when a payload does not match its type's schema (a bug in the caller). */
export class JobPayloadError extends Error {
  override readonly name = 'JobPayloadError';
}
