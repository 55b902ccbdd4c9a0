import { describe, expect, it } from 'vitest';
import { buildCohort, buildEnrolment, buildUser, forEachDialect } from '../testing/index.ts';
import { clearRateLimit, releaseRateLimit, reserveRateLimit } from './rate-limit.repository.ts';
import { findSessionWithUser, insertSession, deleteExpiredSessions } from './session.repository.ts';
import {
  findPasswordReset,
  insertPasswordReset,
  markPasswordResetUsed,
} from './password-reset.repository.ts';
import { findCohortForUpdate } from './cohort.repository.ts';
import {
  countLearners,
  countLearnersByCohort,
  findFirstWaitlisted,
  listRosterRows,
} from './enrolment.repository.ts';
import { findUserByEmail } from './user.repository.ts';

forEachDialect((ctx) => {
  describe('users', () => {
    it('finds a user by email and refuses a second user with the same email', async () => {
      const user = await buildUser(ctx.db, { email: 'ana@example.org', is_admin: 1 });
      expect((await findUserByEmail(ctx.db, 'ana@example.org'))?.id).toBe(user.id);
      expect((await findUserByEmail(ctx.db, 'ana@example.org'))?.is_admin).toBe(1);
      await expect(buildUser(ctx.db, { email: 'ana@example.org' })).rejects.toThrow();
    });

    it('enforces foreign keys', async () => {
      await expect(buildEnrolment(ctx.db, { cohort_id: 'nope', user_id: 'nope' })).rejects.toThrow();
    });
  });

  describe('sessions', () => {
    it('loads a session with its user and deletes expired sessions', async () => {
      const user = await buildUser(ctx.db, { name: 'Ana' });
      const base = {
        user_id: user.id,
        created_at: '2026-01-01T00:00:00.000Z',
        last_seen_at: '2026-01-01T00:00:00.000Z',
      };
      await insertSession(ctx.db, { ...base, id: 'live', expires_at: '2026-02-01T00:00:00.000Z' });
      await insertSession(ctx.db, { ...base, id: 'dead', expires_at: '2026-01-02T00:00:00.000Z' });
      const found = await findSessionWithUser(ctx.db, 'live');
      expect(found?.user.name).toBe('Ana');
      expect(found?.session.expires_at).toBe('2026-02-01T00:00:00.000Z');
      expect(await deleteExpiredSessions(ctx.db, '2026-01-10T00:00:00.000Z')).toBe(1);
      expect(await findSessionWithUser(ctx.db, 'dead')).toBeUndefined();
    });
  });

  describe('password resets', () => {
    it('can be marked used only once', async () => {
      const user = await buildUser(ctx.db);
      await insertPasswordReset(ctx.db, {
        id: 'r1',
        user_id: user.id,
        created_at: 'a',
        expires_at: 'b',
        used_at: null,
      });
      expect(await markPasswordResetUsed(ctx.db, 'r1', '2026-01-01T00:00:00.000Z')).toBe(true);
      expect(await markPasswordResetUsed(ctx.db, 'r1', '2026-01-01T00:00:01.000Z')).toBe(false);
      expect((await findPasswordReset(ctx.db, 'r1'))?.used_at).toBe('2026-01-01T00:00:00.000Z');
    });
  });

  describe('rate limits', () => {
    const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    /** Reserves in a 15-minute window ending at minute `now`. */
    const reserve = (key: string, now: number, limit = 3) =>
      reserveRateLimit(ctx.db, key, { limit, now: at(now), windowStart: at(now - 15) });

    it('lets `limit` attempts through per window, then none until the window has passed', async () => {
      expect([await reserve('k', 20), await reserve('k', 21), await reserve('k', 22)]).toEqual([
        true,
        true,
        true,
      ]);
      expect(await reserve('k', 30)).toBe(false);
      expect(await reserve('other', 30)).toBe(true);
      // The window started at minute 20: from minute 35 a new one starts.
      expect(await reserve('k', 35)).toBe(true);
      expect(await reserve('k', 36)).toBe(true);
    });

    it('gives an attempt back, and clears a bucket', async () => {
      for (let i = 0; i < 3; i++) await reserve('k', 20);
      await releaseRateLimit(ctx.db, 'k');
      expect(await reserve('k', 21)).toBe(true);
      expect(await reserve('k', 21)).toBe(false);
      await clearRateLimit(ctx.db, 'k');
      expect(await reserve('k', 22)).toBe(true);
    });

    it('never lets more than `limit` of many parallel reservations through', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => reserve('parallel', 20, 5)));
      expect(results.filter(Boolean)).toHaveLength(5);
    });
  });

  describe('enrolments', () => {
    it('counts learners per status and finds the longest-waiting learner', async () => {
      const cohort = await buildCohort(ctx.db);
      const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => buildUser(ctx.db)));
      await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: a.id });
      await buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: b.id, role: 'tutor' });
      await buildEnrolment(ctx.db, {
        cohort_id: cohort.id,
        user_id: c.id,
        status: 'waitlisted',
        updated_at: '2026-01-03T00:00:00.000Z',
      });
      await buildEnrolment(ctx.db, {
        cohort_id: cohort.id,
        user_id: d.id,
        status: 'waitlisted',
        updated_at: '2026-01-02T00:00:00.000Z',
      });
      expect(await countLearners(ctx.db, cohort.id, 'active')).toBe(1);
      expect(await countLearners(ctx.db, cohort.id, 'waitlisted')).toBe(2);
      expect((await findFirstWaitlisted(ctx.db, cohort.id))?.user_id).toBe(d.id);
      const byStatus = await countLearnersByCohort(ctx.db, [cohort.id]);
      expect(byStatus.sort((x, y) => x.status.localeCompare(y.status))).toEqual([
        { cohort_id: cohort.id, status: 'active', n: 1 },
        { cohort_id: cohort.id, status: 'waitlisted', n: 2 },
      ]);
      expect((await listRosterRows(ctx.db, cohort.id)).length).toBe(4);
      await expect(buildEnrolment(ctx.db, { cohort_id: cohort.id, user_id: a.id })).rejects.toThrow();
    });

    it('loads a cohort for update inside a transaction', async () => {
      const cohort = await buildCohort(ctx.db, { capacity: 3 });
      const loaded = await ctx.db.transaction().execute((trx) => findCohortForUpdate(trx, cohort.id));
      expect(loaded?.capacity).toBe(3);
    });
  });
});
