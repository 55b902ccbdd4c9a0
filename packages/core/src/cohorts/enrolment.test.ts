import { describe, expect, it } from 'vitest';
import { buildCohort, buildUser, forEachDialect, type DialectContext } from '@labmig/db/testing';
import { actorOf } from '../accounts/user.present.ts';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { createTestApp } from '../testing/test-app.ts';
import { enrol, withdraw } from './enrolment.commands.ts';
import { listMyCourses } from './my-courses.queries.ts';

async function learners(ctx: DialectContext, n: number) {
  const rows = [];
  for (let i = 0; i < n; i++)
    rows.push(
      await buildUser(ctx.db, { country: 'SN', organisation_type: 'ministry', job_title: `Analyst ${i}` }),
    );
  return rows.map(actorOf);
}

async function statuses(ctx: DialectContext, cohortId: string) {
  const rows = await ctx.db
    .selectFrom('enrolments')
    .select(['user_id', 'status'])
    .where('cohort_id', '=', cohortId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.user_id, r.status]));
}

forEachDialect((ctx) => {
  describe('enrol', () => {
    it('enrols into an open cohort and keeps the profile answers', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db);
      const [ana] = await learners(ctx, 1);
      expect(
        await enrol(app, ana, { cohortId: cohort.id, answers: { motivation: ' Better data ' } }),
      ).toEqual({ status: 'active' });
      const row = await ctx.db.selectFrom('enrolments').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        role: 'learner',
        status: 'active',
        user_id: ana.kind === 'user' ? ana.userId : '',
      });
      expect(JSON.parse(row.answers)).toEqual({
        motivation: 'Better data',
        expectations: '',
        country: 'SN',
        organisationType: 'ministry',
        jobTitle: 'Analyst 0',
      });
    });

    it('puts learners beyond capacity on the waiting list', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { capacity: 2 });
      const people = await learners(ctx, 3);
      const results = [];
      for (const p of people) results.push((await enrol(app, p, { cohortId: cohort.id })).status);
      expect(results).toEqual(['active', 'active', 'waitlisted']);
    });

    it('refuses a full cohort without a waiting list, a closed one, one not open yet, and a second enrolment', async () => {
      const app = await createTestApp(ctx, '2026-03-10T09:00:00.000Z');
      const [a, b] = await learners(ctx, 2);
      const full = await buildCohort(ctx.db, { capacity: 1, waitlist_enabled: 0 });
      await enrol(app, a, { cohortId: full.id });
      const code = (p: Promise<unknown>) =>
        p.then(
          () => 'ok',
          (e) => (e instanceof ConflictError ? e.code : String(e)),
        );
      expect(await code(enrol(app, b, { cohortId: full.id }))).toBe('enrolment.full');
      expect(await code(enrol(app, a, { cohortId: full.id }))).toBe('enrolment.already');
      const closed = await buildCohort(ctx.db, { enrol_closes_at: '2026-03-01T00:00:00.000Z' });
      expect(await code(enrol(app, b, { cohortId: closed.id }))).toBe('enrolment.closed');
      const later = await buildCohort(ctx.db, { enrol_opens_at: '2026-05-01T00:00:00.000Z' });
      expect(await code(enrol(app, b, { cohortId: later.id }))).toBe('enrolment.not_yet_open');
      await expect(enrol(app, b, { cohortId: 'missing' })).rejects.toThrow(NotFoundError);
      await expect(enrol(app, { kind: 'anonymous' }, { cohortId: full.id })).rejects.toThrow(
        UnauthenticatedError,
      );
    });

    it('never puts more learners than the capacity in when many enrol at once', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { capacity: 3 });
      const people = await learners(ctx, 8);
      const results = await Promise.all(people.map((p) => enrol(app, p, { cohortId: cohort.id })));
      expect(results.filter((r) => r.status === 'active')).toHaveLength(3);
      expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(5);
    });
  });

  describe('withdraw', () => {
    it('frees the place for the longest-waiting learner, and lets the withdrawn learner enrol again at the back', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { capacity: 1 });
      const [a, b, c] = await learners(ctx, 3);
      const id = (x: typeof a) => (x.kind === 'user' ? x.userId : '');
      await enrol(app, a, { cohortId: cohort.id });
      app.clock.advance(1000);
      await enrol(app, b, { cohortId: cohort.id });
      app.clock.advance(1000);
      await enrol(app, c, { cohortId: cohort.id });
      app.clock.advance(1000);
      (await app.deliverMail()).length = 0;
      expect(await withdraw(app, a, { cohortId: cohort.id })).toEqual({ promoted: [id(b)] });
      expect(app.sent).toEqual([]); // queued with the promotion; the job runner sends it
      expect((await app.deliverMail()).map((m) => [m.to, m.kind, m.locale])).toEqual([
        [b.kind === 'user' ? b.email : '', 'waitlist-promoted', 'en'],
      ]);
      // The configured origin, never a request's Host header.
      expect(app.sent[0]!.text).toContain(`${app.config.origin}/my`);
      expect(await statuses(ctx, cohort.id)).toEqual({
        [id(a)]: 'withdrawn',
        [id(b)]: 'active',
        [id(c)]: 'waitlisted',
      });
      expect((await enrol(app, a, { cohortId: cohort.id })).status).toBe('waitlisted');
      app.clock.advance(1000);
      await withdraw(app, b, { cohortId: cohort.id });
      expect(await statuses(ctx, cohort.id)).toEqual({
        [id(a)]: 'waitlisted',
        [id(b)]: 'withdrawn',
        [id(c)]: 'active',
      });
      const error = await withdraw(app, b, { cohortId: cohort.id }).catch((e) => e);
      expect(error.code).toBe('enrolment.not_enrolled');
    });

    it('does not promote anyone when a waiting learner withdraws', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { capacity: 1 });
      const [a, b, c] = await learners(ctx, 3);
      for (const p of [a, b, c]) await enrol(app, p, { cohortId: cohort.id });
      (await app.deliverMail()).length = 0;
      expect(await withdraw(app, b, { cohortId: cohort.id })).toEqual({ promoted: [] });
      expect(await app.deliverMail()).toEqual([]);
    });
  });

  describe('listMyCourses', () => {
    it('lists current enrolments with the phase and the running week, leaving out withdrawals', async () => {
      const app = await createTestApp(ctx, '2026-03-10T09:00:00.000Z');
      const running = await buildCohort(ctx.db, {
        title: 'Running',
        starts_on: '2026-03-02',
        ends_on: '2026-04-10',
      });
      const upcoming = await buildCohort(ctx.db, {
        title: 'Upcoming',
        starts_on: '2026-06-01',
        ends_on: '2026-07-10',
      });
      const left = await buildCohort(ctx.db, { title: 'Left' });
      const [a] = await learners(ctx, 1);
      for (const c of [running, upcoming, left]) await enrol(app, a, { cohortId: c.id });
      await withdraw(app, a, { cohortId: left.id });
      const mine = await listMyCourses(app, a);
      expect(mine.map((m) => [m.cohortTitle, m.role, m.status, m.phase, m.week])).toEqual([
        ['Upcoming', 'learner', 'active', 'upcoming', null],
        ['Running', 'learner', 'active', 'running', 2],
      ]);
      await expect(listMyCourses(app, { kind: 'anonymous' })).rejects.toThrow(UnauthenticatedError);
    });
  });
});
