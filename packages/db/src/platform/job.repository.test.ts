import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../testing/for-each-dialect.ts';
import { newId } from '../ids.ts';
import {
  cancelJobRow,
  claimJobs,
  findJobById,
  finishJobRun,
  insertJob,
  insertJobOnce,
  releaseExpiredJobs,
  renewJobLeases,
} from './job.repository.ts';

const T0 = '2026-03-10T09:00:00.000Z';
const T1 = '2026-03-10T09:01:00.000Z';
const T2 = '2026-03-10T09:02:00.000Z';

function job(overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    type: 'test.echo',
    payload: '{}',
    state: 'queued' as const,
    run_at: T0,
    max_attempts: 3,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

forEachDialect((ctx) => {
  describe('claimJobs', () => {
    it('gives each due job to exactly one of many concurrent claimers', async () => {
      const ids = Array.from({ length: 40 }, () => newId());
      for (const id of ids) await insertJob(ctx.db, job({ id }));
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, w) =>
          claimJobs(ctx.db, { workerId: `w${w}`, now: T1, lockedUntil: T2, types: ['test.echo'], limit: 7 }),
        ),
      );
      const claimed = claims.flat().map((r) => r.id);
      expect(claimed.sort()).toEqual([...ids].sort());
      expect(new Set(claimed).size).toBe(40);
      const one = await findJobById(ctx.db, ids[0]!);
      expect(one).toMatchObject({ state: 'running', attempts: 1, locked_until: T2 });
    });

    it('leaves jobs that are not due yet or of other types', async () => {
      await insertJob(ctx.db, job({ run_at: T2 }));
      await insertJob(ctx.db, job({ type: 'other' }));
      expect(
        await claimJobs(ctx.db, { workerId: 'w', now: T1, lockedUntil: T2, types: ['test.echo'], limit: 5 }),
      ).toEqual([]);
    });
  });

  describe('insertJobOnce', () => {
    it('inserts one job per schedule key and slot, whoever tries', async () => {
      const row = () => job({ schedule_key: 'digest', run_slot: '2026-03-10' });
      const results = await Promise.all([1, 2, 3, 4].map(() => insertJobOnce(ctx.db, row())));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await insertJobOnce(ctx.db, job({ schedule_key: 'digest', run_slot: '2026-03-11' }))).toBe(true);
      const count = await ctx.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(Number(count?.n)).toBe(2);
    });
  });

  describe('leases', () => {
    it('releases a job whose lease expired: queued again while attempts are left, else failed', async () => {
      const retry = job();
      const last = job({ max_attempts: 1 });
      await insertJob(ctx.db, retry);
      await insertJob(ctx.db, last);
      await claimJobs(ctx.db, { workerId: 'dead', now: T0, lockedUntil: T1, types: ['test.echo'], limit: 5 });
      expect(await releaseExpiredJobs(ctx.db, { now: T1, retryAt: T2, error: 'lease expired' })).toEqual([]);
      const released = await releaseExpiredJobs(ctx.db, {
        now: '2026-03-10T09:01:00.001Z',
        retryAt: T2,
        error: 'lease expired',
      });
      expect(released.map((r) => [r.id, r.state]).sort()).toEqual(
        [
          [retry.id, 'queued'],
          [last.id, 'failed'],
        ].sort(),
      );
      expect(await findJobById(ctx.db, retry.id)).toMatchObject({
        state: 'queued',
        run_at: T2,
        locked_by: null,
        last_error: 'lease expired',
      });
      // The dead worker comes back: it no longer holds the lease, so its late result is not written.
      expect(
        await finishJobRun(ctx.db, {
          id: retry.id,
          workerId: 'dead',
          now: T2,
          outcome: { state: 'done', result: null },
        }),
      ).toBe(false);
      expect(
        await renewJobLeases(ctx.db, { workerId: 'dead', ids: [retry.id], now: T2, lockedUntil: T2 }),
      ).toEqual([]);
    });
  });

  describe('cancelJobRow', () => {
    it('cancels a queued job at once and flags a running one for its worker', async () => {
      const queued = job();
      const running = job({ run_at: '2026-03-10T08:00:00.000Z' });
      await insertJob(ctx.db, queued);
      await insertJob(ctx.db, running);
      await claimJobs(ctx.db, { workerId: 'w', now: T0, lockedUntil: T2, types: ['test.echo'], limit: 1 });
      expect(await cancelJobRow(ctx.db, { id: queued.id, now: T1 })).toMatchObject({ state: 'cancelled' });
      expect(await cancelJobRow(ctx.db, { id: running.id, now: T1 })).toMatchObject({
        state: 'running',
        cancel_requested: 1,
      });
      expect(
        await renewJobLeases(ctx.db, { workerId: 'w', ids: [running.id], now: T1, lockedUntil: T2 }),
      ).toEqual([{ id: running.id, cancel_requested: 1 }]);
    });
  });
});
