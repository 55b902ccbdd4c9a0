import { clearRateLimit, releaseRateLimit, reserveRateLimit } from '@labmig/db';
import type { App } from '../app/app.ts';

/** One limit: at most `limit` attempts per `windowMinutes` under `key`. */
export interface RateBucket {
  readonly key: string;
  readonly limit: number;
  readonly windowMinutes: number;
  /** What a success does to this bucket: `clear` empties it (a success clears the slate), `release` gives back the attempt. */
  readonly onSuccess: 'clear' | 'release';
}

/** Attempts reserved in every bucket of one request; settle them once the outcome is known. */
export interface Reservation {
  /** The attempt succeeded: buckets are cleared or given their attempt back (see `RateBucket.onSuccess`). */
  succeeded(): Promise<void>;
  /** The attempt did not happen after all: every bucket gets its attempt back. */
  cancel(): Promise<void>;
}

/**
 * Reserves one attempt in each bucket, in order, before the work they limit (such as a password check): each
 * reservation is one atomic statement, so parallel requests cannot all pass. When a bucket is full, the attempts
 * already reserved are given back and the result is null. A failed attempt keeps its reservations: it counts.
 */
export async function reserveAttempts(app: App, buckets: readonly RateBucket[]): Promise<Reservation | null> {
  const now = app.clock.now();
  const reserved: RateBucket[] = [];
  for (const bucket of buckets) {
    const windowStart = new Date(now.getTime() - bucket.windowMinutes * 60_000).toISOString();
    if (
      !(await reserveRateLimit(app.db, bucket.key, {
        limit: bucket.limit,
        windowStart,
        now: now.toISOString(),
      }))
    ) {
      for (const done of reserved) await releaseRateLimit(app.db, done.key);
      return null;
    }
    reserved.push(bucket);
  }
  return {
    async succeeded() {
      for (const b of reserved)
        await (b.onSuccess === 'clear' ? clearRateLimit(app.db, b.key) : releaseRateLimit(app.db, b.key));
    },
    async cancel() {
      for (const b of reserved) await releaseRateLimit(app.db, b.key);
    },
  };
}
